"""Two-factor sign-in for Administrators (docs/adr/0020): a code from an authenticator app (TOTP, with
django-otp) after the password.

Whoever can open the admin (the Administrator role makes its holders staff, intlinks/roles.py) and has
not given a code in this session goes to the second step, or to setting up an app when they have
none, before any other page.
"""

from base64 import b32encode

import qrcode
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

# Pages a person between the two steps may open: the steps themselves, signing out and public pages.
OPEN_BETWEEN_STEPS = {"two_factor_code", "two_factor_set_up", "logout", "healthz", "accessibility", "privacy"}


def needs_two_factor(user) -> bool:
    return settings.TWO_FACTOR_REQUIRED and user.is_authenticated and (user.is_staff or user.is_superuser)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code, an inline SVG an authenticator app can scan."""
    image = qrcode.make(device.config_url, image_factory=SvgPathImage, box_size=15)
    return image.to_string(encoding="unicode")


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for an app without a camera."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def is_open_between_steps(request) -> bool:
    if request.path_info.startswith(settings.STATIC_URL):
        return True
    try:
        return resolve(request.path_info).url_name in OPEN_BETWEEN_STEPS
    except Resolver404:
        return False


class TwoFactorMiddleware:
    """Sends an Administrator who has only given their password to the second step (or to set up an
    app) first. Every other role passes without a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if needs_two_factor(user) and not user.is_verified() and not is_open_between_steps(request):
            step = "two_factor_code" if confirmed_device(user) else "two_factor_set_up"
            return redirect_to_login(request.get_full_path(), login_url=reverse(step))
        return self.get_response(request)
