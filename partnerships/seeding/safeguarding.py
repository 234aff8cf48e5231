"""The youth safeguarding checklist of seeded activities, with one shared example risk assessment.

An activity with young people can be ready to travel or complete only once its checklist is done,
which needs a risk assessment uploaded as evidence. Seeding stores one small PDF, labelled as an
example, and every checked activity's evidence row points at it (one file, however many activities).
"""

import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from intlinks.seeding import moment_on
from partnerships.models import Activity, Evidence

RISK_ASSESSMENT = "seeding/example-risk-assessment.pdf"


def example_pdf(title: str, line: str) -> bytes:
    """A one-page PDF of a title and a line of text (Helvetica), small and valid, built by hand."""
    text = f"BT /F1 18 Tf 72 770 Td ({title}) Tj /F1 11 Tf 0 -28 Td ({line}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return pdf


def risk_assessment_document() -> str:
    """The stored name of the example risk assessment, written once per media folder."""
    if default_storage.exists(RISK_ASSESSMENT):
        return RISK_ASSESSMENT
    pdf = example_pdf("Example risk assessment", "Example (synthetic profile): not a real document.")
    return default_storage.save(RISK_ASSESSMENT, ContentFile(pdf))


def check_list(rng: random.Random, activity: Activity, *, done: bool) -> None:
    """Fill the checklist of an activity with young people: all of it when `done`, some of it if not."""
    activity.young_people = rng.randint(8, 30)
    activity.coordinators = "Example Coordinator, 0116 000 0000, coordinator@example.org"
    if done:
        activity.parental_consents = activity.young_people
        activity.insurance_confirmed = activity.code_of_behaviour_agreed = True
    else:
        activity.parental_consents = rng.randint(0, activity.young_people - 1)
        activity.insurance_confirmed = rng.random() < 0.5
        activity.code_of_behaviour_agreed = rng.random() < 0.5


def risk_assessment(rng: random.Random, activity: Activity, document: str) -> Evidence:
    """The evidence row of an activity's risk assessment, uploaded a week or two before it starts."""
    evidence = Evidence(
        activity=activity,
        kind=Evidence.Kind.RISK_ASSESSMENT,
        title="Example risk assessment (synthetic profile)",
        uploaded_by=activity.recorded_by,
    )
    evidence.file.name = document
    evidence.uploaded_at = moment_on(rng, activity.starts_on - timedelta(days=rng.randint(7, 21)))
    return evidence
