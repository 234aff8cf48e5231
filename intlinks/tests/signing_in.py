"""Sign in as a person does, through the pages, from a chosen address, and make an authenticator's
code: the sign-in tests' shared steps."""

from django.test import Client
from django_otp.oath import TOTP

from conftest import PASSWORD


def sign_in(client: Client, username: str, password: str = PASSWORD, address: str = "127.0.0.1", **headers):
    """Post the sign-in form as a browser at `address` (REMOTE_ADDR) does; `headers` adds e.g.
    HTTP_X_FORWARDED_FOR, as a proxy writes it."""
    return client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def current_code(device) -> str:
    """The code the person's authenticator app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def give_code(client: Client, code: str, url: str = "/sign-in/code/", address: str = "127.0.0.1"):
    return client.post(url, {"code": code}, REMOTE_ADDR=address)
