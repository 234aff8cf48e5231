"""Since the last meeting: what changed between two dates, for a member reading before a meeting."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render

from reporting.forms.since import SinceForm
from reporting.selectors.since import changes_since


@permission_required("partnerships.view_activity", raise_exception=True)
def since_page(request):
    """The changes in the chosen period (by default, the last 90 days); the dates are checked first."""
    form = SinceForm(request.GET)
    summary = None
    if form.is_valid():
        summary = changes_since(start=form.cleaned_data["start"], end=form.cleaned_data["end"])
    context = {"form": form, "summary": summary, "crumbs": [("Since the last meeting", None)]}
    return render(request, "reporting/since.html", context)
