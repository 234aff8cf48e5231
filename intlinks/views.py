from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required, permission_required
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intlinks.exports import council_zip_download
from intlinks.forms import AccountPasswordChangeForm, SignInForm
from intlinks.health import broker_problem, database_problem
from intlinks.models import WorkerHeartbeat
from intlinks.navigation import sections_for
from intlinks.roles import MEMBER, roles_of


def home(request):
    """The start page: the user's roles and the places each lets them go.

    A working-party member with no other role starts on the dashboard, which is what they come for;
    someone with another role as well keeps this page, with the dashboard first among the sections.
    """
    roles = roles_of(request.user)
    if [role.name for role in roles] == [MEMBER]:
        return redirect("reporting:dashboard")
    sections = [section for section in sections_for(request.user) if section.url_name != "home"]
    return render(request, "intlinks/home.html", {"roles": roles, "sections": sections})


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """200 when the database and the Celery broker answer, 503 naming the part that does not."""
    problems = {"database": database_problem(), "broker": broker_problem()}
    body = {part: problem or "ok" for part, problem in problems.items()}
    if body["database"] == "ok":
        last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
        body["worker_last_seen"] = last.isoformat() if last else None
    failing = [part for part, problem in problems.items() if problem]
    body["status"] = "failing: " + ", ".join(failing) if failing else "ok"
    return JsonResponse(body, status=503 if failing else 200)


# The date the accessibility statement was last reviewed against the service as it is (GOV.UK asks for it).
ACCESSIBILITY_REVIEWED_ON = date(2026, 12, 1)


@login_not_required
@require_GET
def accessibility_statement(request):
    """The accessibility statement a public-sector site must publish; public, as the regulations ask."""
    return render(
        request,
        "intlinks/accessibility.html",
        {"reviewed_on": ACCESSIBILITY_REVIEWED_ON, "crumbs": [("Accessibility statement", None)]},
    )


@login_not_required
@require_GET
def privacy_notice(request):
    """The privacy notice for the people whose details the service holds; public, like the statement."""
    return render(request, "intlinks/privacy.html", {"crumbs": [("Privacy notice", None)]})


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = AccountPasswordChangeForm
    success_url = reverse_lazy("home")
    extra_context = {"crumbs": [("Change your password", None)]}

    def form_valid(self, form):
        messages.success(self.request, "Your password has been changed.")
        return super().form_valid(form)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request, so no context processor touches the database that may have failed.
    context = {"council_name": settings.COUNCIL_NAME, "service_name": settings.SERVICE_NAME}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


@permission_required("intlinks.export_council_data", raise_exception=True)
@require_GET
def council_export(request):
    """Every current record of the council as a zip of CSVs with a README of their columns: the
    Administrator's copy (each list page downloads its own rows for everyone else)."""
    return council_zip_download(council=settings.COUNCIL_NAME)
