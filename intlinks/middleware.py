"""Security middleware of the project kit: a request body refused on its declared size before it is
read, and the headers that keep signed-in pages and downloads out of caches and the browser's
powerful features switched off. What each guarantees: docs/security/files-and-headers.md."""

from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

# Every powerful feature the service never uses, denied to it and to anything it might embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
NO_STORE = "private, no-store"


def declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django itself reads a malformed length as an empty body


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose Content-Length passes REQUEST_MAX_BYTES, before any of its body
    is read: a 300 MB upload is refused at once, not received in full and then refused. Django reads
    no body that declares no length, so the declared length is the one to judge."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request) > settings.REQUEST_MAX_BYTES:
            return self.too_large(request)
        return self.get_response(request)

    @staticmethod
    def too_large(request):
        context = {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES), "back": request.path}
        # No `Connection: close` here: WSGI forbids an application hop-by-hop headers (the development
        # server refuses them); gunicorn's sync workers close every connection after answering anyway.
        return render(request, "413.html", context, status=413)


def is_attachment(response) -> bool:
    return response.get("Content-Disposition", "").lower().startswith("attachment")


class SecurityHeadersMiddleware:
    """`Cache-Control: private, no-store` on every signed-in page and every download, unless the view
    declared its answer public (open data, the same for everyone); `Permissions-Policy` on every
    answer. Referrer-Policy and X-Content-Type-Options come from Django's SecurityMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        declared_public = "public" in response.get("Cache-Control", "")
        if (signed_in or is_attachment(response)) and not declared_public:
            response["Cache-Control"] = NO_STORE
        return response
