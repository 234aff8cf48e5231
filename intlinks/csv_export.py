"""CSV downloads that a spreadsheet opens safely, streamed as they are written: the one way every page
exports a table.

A council's twenty years of records (100,000 activities) must not be built in memory nor wait for the
last row before the first byte leaves: the header goes at once, then the rows in batches as the
database hands them over in chunks (`in_chunks`), so memory stays the same whatever the size.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from django.db import transaction
from django.db.models import QuerySet
from django.http import StreamingHttpResponse

# A spreadsheet runs a text cell starting with one of these as a formula, so such text is quoted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Excel on Windows reads a CSV without a byte-order mark as the local code page, so "Kraków" arrives
# as "KrakÃ³w"; with it, as UTF-8. Every CSV the service writes starts with it.
BYTE_ORDER_MARK = "\ufeff"

# Rows read from the database at a time (and, with prefetch_related, one prefetch query per chunk).
CHUNK_SIZE = 2000
# Rows sent together: one network write per row would make 100,000 tiny writes.
ROWS_PER_WRITE = 500


def spreadsheet_safe(value):
    """Text that a spreadsheet would run as a formula, made inert; numbers and dates stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def in_chunks(queryset: QuerySet) -> Iterator:
    """The queryset's records in its order, read `CHUNK_SIZE` at a time (its prefetches per chunk)."""
    return queryset.iterator(chunk_size=CHUNK_SIZE)


def in_batches(queryset: QuerySet) -> Iterator[list]:
    """The queryset's records in its order, as lists of `CHUNK_SIZE`: what a chunk needs from other
    tables can then be read in one query a chunk."""
    records = in_chunks(queryset)
    while batch := list(islice(records, CHUNK_SIZE)):
        yield batch


class _Echo:
    """A file that hands back what is written to it, so the csv module's writer returns each line."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: Sequence, rows: Iterable[Sequence]) -> Iterator[str]:
    """The byte-order mark and header line at once, then the rows, spreadsheet-safe, `ROWS_PER_WRITE`
    lines at a time."""
    writer = csv.writer(_Echo())

    def line(row: Sequence) -> str:
        return writer.writerow([spreadsheet_safe(value) for value in row])

    yield BYTE_ORDER_MARK + line(header)
    # One read transaction around the reading: on PostgreSQL, a chunked read outside a transaction is
    # a cursor "with hold", which the database computes in full before the first row comes back.
    with transaction.atomic():
        batch = []
        for row in rows:
            batch.append(line(row))
            if len(batch) == ROWS_PER_WRITE:
                yield "".join(batch)
                batch = []
        if batch:
            yield "".join(batch)


def csv_stream(*, filename: str, header: Sequence, rows: Iterable[Sequence]) -> StreamingHttpResponse:
    """An attachment named `filename`: the header, then `rows` (read lazily, as they are sent)."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A proxy (nginx) that buffers the whole answer before passing it on would undo the streaming.
    response["X-Accel-Buffering"] = "no"
    return response
