import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intlinks.settings")
application = get_wsgi_application()

# Figures cached before this start (by an older release's code, or from a database since recreated under
# the same name) are never read: the council data's version starts afresh with the web process.
from intlinks import data_version  # noqa: E402 (after Django is set up)

data_version.renew_quietly()
