"""The address a request came from, as the sign-in limits and the security events see it."""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the
    outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with N proxies
    the N-th entry from the right is the client as the outermost proxy saw it. Entries to its left were
    written by the client and prove nothing: trusting them would let anyone choose their address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < proxies:  # did not come through every proxy: the peer is the client
        return remote
    candidate = forwarded[-proxies]
    return candidate if is_address(candidate) else remote


def is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True
