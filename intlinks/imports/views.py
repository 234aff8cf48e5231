"""The import pages: the kinds with their templates, upload, preview, and confirm.

Nothing is written until the person confirms the preview. The upload is kept on the server
(`StagedImport`), keyed to its person with a one-time key; the confirm imports the whole file in one
transaction and must meet the outcome the preview showed, or nothing is kept and the page shows the new
preview.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from intlinks import services
from intlinks.imports.files import read_sheet
from intlinks.imports.forms import UploadForm
from intlinks.imports.kinds import (
    CHANGED,
    ERROR,
    EXAMPLE,
    GONE,
    IMPORTED,
    NEW,
    PREVIEW_HAS_ERRORS,
    UNCHANGED,
    ImportKind,
    Outcome,
    RowOutcome,
    import_kind,
    import_kinds,
    run_import,
    staged_import_confirm,
)
from intlinks.imports.templates import template_csv, template_xlsx
from intlinks.models import StagedImport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CRUMB = ("Import", "imports:index")


def _kind_for(request, slug: str) -> ImportKind:
    kind = import_kind(slug)
    if kind is None:
        raise Http404("No such import")
    if not kind.is_open_to(request.user):
        raise PermissionDenied
    return kind


def _crumbs(*more):
    return [(CRUMB[0], reverse(CRUMB[1])), *more]


@require_GET
def index(request):
    kinds = [kind for kind in import_kinds() if kind.is_open_to(request.user)]
    if not kinds:
        raise PermissionDenied
    return render(request, "intlinks/imports/index.html", {"kinds": kinds, "crumbs": [("Import", None)]})


@require_GET
def template_download(request, slug: str, extension: str):
    kind = _kind_for(request, slug)
    if extension not in ("csv", "xlsx"):
        raise Http404("Templates are CSV or XLSX")
    filename = f"{kind.slug}-import-template.{extension}"
    if extension == "csv":
        response = HttpResponse(template_csv(kind), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(template_xlsx(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def upload(request, slug: str):
    kind = _kind_for(request, slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        try:
            outcome = run_import(
                kind=kind,
                sheet=read_sheet(content, sheet_name=kind.sheet_name),
                by=request.user,
                dry_run=True,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            staged = services.staged_import_save(
                kind=kind.slug,
                by=request.user,
                filename=form.cleaned_data["file"].name,
                content=content,
                preview=[row.as_dict() for row in outcome.rows],
            )
            return redirect("imports:preview", slug=kind.slug, key=staged.key)
    context = {
        "kind": kind,
        "form": form,
        "title": f"Import {kind.label.lower()}",
        "crumbs": _crumbs((kind.label, None)),
    }
    return render(request, "intlinks/imports/upload.html", context)


def preview(request, slug: str, key: str):
    kind = _kind_for(request, slug)
    if request.method == "POST":
        return _confirm(request, kind, key)
    staged = get_object_or_404(
        StagedImport.objects.defer("content"), key=key, kind=kind.slug, uploaded_by=request.user
    )
    outcome = Outcome(rows=[RowOutcome.from_dict(row) for row in staged.preview])
    context = {
        "kind": kind,
        "staged": staged,
        "outcome": outcome,
        "counts": [(status, outcome.count(status)) for status in (NEW, CHANGED, UNCHANGED, ERROR, EXAMPLE)],
        "error_rows": [row for row in outcome.rows if row.status == ERROR],
        "crumbs": _crumbs((kind.label, reverse("imports:upload", args=[kind.slug])), ("Preview", None)),
    }
    return render(request, "intlinks/imports/preview.html", context)


def _confirm(request, kind: ImportKind, key: str):
    done = staged_import_confirm(kind=kind, key=key, by=request.user)
    if done.result == GONE:
        messages.info(request, "This file was already imported, or its preview has expired.")
        return redirect("imports:index")
    if done.result == PREVIEW_HAS_ERRORS:
        messages.error(request, "Correct the rows in error and upload the file again.")
    elif done.result == IMPORTED:
        outcome = done.outcome
        messages.success(
            request,
            f"Imported {done.filename}: {outcome.count(NEW)} new, {outcome.count(CHANGED)} changed, "
            f"{outcome.count(UNCHANGED)} unchanged.",
        )
        return redirect("imports:index")
    else:
        messages.warning(
            request, "The records changed since this preview, so nothing was imported. Check the new preview."
        )
    return redirect("imports:preview", slug=kind.slug, key=key)
