from django.conf import settings

from intlinks.navigation import navigation_for


def service(request):
    """The council, the service name and the navigation for the signed-in user, on every page."""
    user = getattr(request, "user", None)
    return {
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
        "navigation": navigation_for(user, request.path) if user is not None else [],
    }
