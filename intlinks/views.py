from contextlib import suppress
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required, permission_required
from django.db import DatabaseError
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import FormView
from django_otp import login as otp_login

from intlinks import health, services
from intlinks.exports import council_zip_download
from intlinks.forms import AccountPasswordChangeForm, SignInForm, TwoFactorCodeForm
from intlinks.models import SecurityEvent
from intlinks.navigation import sections_for
from intlinks.roles import ADMINISTRATOR, MEMBER, roles_of
from intlinks.sign_in_limits import count_wrong_secret, forget_own_failures, is_locked_out, lockout_response
from intlinks.two_factor import confirmed_device, needs_two_factor, qr_code_svg, secret_for_typing
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

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, failure_limit=settings.AXES_FAILURE_LIMIT)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Changing one's password asks for the old one: a wrong one counts as a failed sign-in, so a
    session left open cannot be used to guess it (and, once locked, the session is ended)."""

    form_class = AccountPasswordChangeForm
    success_url = reverse_lazy("home")
    extra_context = {"crumbs": [("Change your password", None)]}

    def post(self, request, *args, **kwargs):
        if is_locked_out(request, username=request.user.get_username()):
            logout(request)
            return lockout_response(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        wrong = form.has_error("old_password", code="password_incorrect")
        if wrong and count_wrong_secret(self.request, username=self.request.user.get_username()):
            logout(self.request)
            return lockout_response(self.request)
        return super().form_invalid(form)

    def form_valid(self, form):
        messages.success(self.request, "Your password has been changed.")
        return super().form_valid(form)


class TwoFactorStepView(FormView):
    """A code from the Administrator's authenticator app, after their password: to set the app up
    (`TwoFactorSetUpView`) or at each sign-in (`TwoFactorCodeView`). A wrong code counts as a failed
    sign-in; a right one marks the session as verified (django-otp) and forgets the person's failures."""

    form_class = TwoFactorCodeForm
    template_name = "form_page.html"

    def get_device(self):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not needs_two_factor(request.user) or request.user.is_verified():
            return redirect(self.next_url())
        if is_locked_out(request, username=request.user.get_username()):
            logout(request)
            return lockout_response(request)
        self.device = self.get_device()
        if self.device is None:
            return redirect("two_factor_set_up")
        return super().dispatch(request, *args, **kwargs)

    def next_url(self) -> str:
        wanted = self.request.GET.get("next", "")
        allowed = url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return wanted if allowed and wanted else settings.LOGIN_REDIRECT_URL

    def form_valid(self, form):
        request, username = self.request, self.request.user.get_username()
        if services.totp_device_check(device=self.device, code=form.cleaned_data["code"]):
            request.session.cycle_key()  # a new session key for the higher privilege
            otp_login(request, self.device)
            forget_own_failures(request, username=username)
            services.security_event_record(
                kind=SecurityEvent.Kind.SECOND_STEP_PASSED, request=request, user=request.user
            )
            return redirect(self.next_url())
        if count_wrong_secret(request, username=username):
            logout(request)
            return lockout_response(request)
        form.add_error("code", "The code is not right, or was used already: enter the app's latest code")
        return self.form_invalid(form)


class TwoFactorSetUpView(TwoFactorStepView):
    template_name = "intlinks/two_factor_set_up.html"
    extra_context = {
        "title": "Set up an authenticator app",
        "crumbs": [("Set up an authenticator app", None)],
    }

    def dispatch(self, request, *args, **kwargs):
        if needs_two_factor(request.user) and confirmed_device(request.user):
            return redirect(f"{reverse_lazy('two_factor_code')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_device(self):
        return services.totp_device_for_set_up(user=self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, qr_code=qr_code_svg(self.device), secret=secret_for_typing(self.device)
        )


class TwoFactorCodeView(TwoFactorStepView):
    extra_context = {
        "title": "Enter the code from your authenticator app",
        "intro": "Administrators sign in with a code from their authenticator app as well as their password.",
        "crumbs": [("Sign in: second step", None)],
    }

    def get_device(self):
        return confirmed_device(self.request.user)


def permission_denied(request, exception):
    """The 403 page, and one line of the security log for the refusal."""
    user = request.user if request.user.is_authenticated else None
    services.security_event_record(kind=SecurityEvent.Kind.REFUSED, request=request, user=user)
    return render(request, "403.html", status=403)


def form_refused(request, reason=""):
    """A form sent without its security token (CSRF_FAILURE_VIEW): usually a page left open across a
    sign-out; in the worst case another site posting as the person. Nothing was saved; the log says so."""
    user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
    services.security_event_record(kind=SecurityEvent.Kind.FORM_REFUSED, request=request, user=user)
    return render(request, "403_form.html", status=403)


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
