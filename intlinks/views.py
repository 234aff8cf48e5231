from contextlib import suppress
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required, permission_required
from django.db import DatabaseError
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intlinks import health
from intlinks.exports import council_zip_download
from intlinks.forms import AccountPasswordChangeForm, SignInForm
from intlinks.navigation import sections_for
from intlinks.roles import ADMINISTRATOR, MEMBER, roles_of
from intlinks.unavailable import response_for_current_exception


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
    """200 when the database takes a write, the broker a message and a worker beats; else 503.

    Anybody sees each part's name with "ok" or "failing"; only a signed-in Administrator sees why,
    since a reason may name a server path or quote a driver's error.
    """
    checks = health.service_checks()
    failing = [check.part for check in checks if not check.ok]
    body = {check.part: "ok" if check.ok else "failing" for check in checks}
    body["status"] = "failing: " + ", ".join(failing) if failing else "ok"
    if _may_see_reasons(request):
        body["reasons"] = {check.part: check.problem for check in checks if not check.ok}
        with suppress(DatabaseError):  # the reasons already say the database cannot be read
            last = health.worker_last_seen()
            body["worker_last_seen"] = last.isoformat() if last else None
    return JsonResponse(body, status=503 if failing else 200)


def _may_see_reasons(request) -> bool:
    try:
        return request.user.is_authenticated and ADMINISTRATOR in {
            role.name for role in roles_of(request.user)
        }
    except DatabaseError:  # the session cannot be read: answer as to anybody
        return False


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
    # An error in a middleware (saving the session, say) reaches here, not DatabaseUnavailableMiddleware.
    refused = response_for_current_exception(request)
    if refused is not None:
        return refused
    # Rendered without the request, so no context processor touches the database that may have failed.
    context = {"council_name": settings.COUNCIL_NAME, "service_name": settings.SERVICE_NAME}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


@permission_required("intlinks.export_council_data", raise_exception=True)
@require_GET
def council_export(request):
    """Every current record of the council as a zip of CSVs with a README of their columns: the
    Administrator's copy (each list page downloads its own rows for everyone else)."""
    return council_zip_download(council=settings.COUNCIL_NAME)
