"""Settings for intlinks, read from the environment in this one place.

The defaults give the embedded run (SQLite under var/, a filesystem broker) that `make run` uses;
production sets DATABASE_URL, REDIS_URL, SECRET_KEY and ALLOWED_HOSTS, and leaves DEBUG off.
"""

import json
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("INTLINKS_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-used-only-with-DEBUG-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The council's name as it appears in the header and on every report.
COUNCIL_NAME = os.environ.get("COUNCIL_NAME", "Leicester City Council")
# The council's organisation identifier (org-id.guide), the prefix of its 360Giving grant identifiers.
GRANTS_ORG_ID_PREFIX = os.environ.get("GRANTS_ORG_ID_PREFIX", "GB-LAE-LCE")
SERVICE_NAME = "International links"
# The service's address as people reach it (https://links.example.gov.uk), for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "")
# The layout of a new Cabinet report's front matter: "leicester" (Leicester 2002) or "derby" (Derby 2015).
CABINET_REPORT_LAYOUT = os.environ.get("CABINET_REPORT_LAYOUT", "leicester").strip().lower()
if CABINET_REPORT_LAYOUT not in {"leicester", "derby"}:
    raise ImproperlyConfigured(
        f"CABINET_REPORT_LAYOUT must be leicester or derby, not {CABINET_REPORT_LAYOUT!r}"
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "django_tables2",
    "django_countries",
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "strategy",
    "partnerships",
    "reporting",
    # Last, so that its post-migrate role sync sees every other app's permissions.
    "intlinks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "intlinks.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A locked, unreachable or read-only database gives a 503 page that says so, not a traceback.
    "intlinks.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view or process_view (CSRF's reads the body): refuses an oversized body unread.
    "intlinks.middleware.RequestSizeLimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "intlinks.sessions.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "intlinks.two_factor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intlinks.urls"
WSGI_APPLICATION = "intlinks.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "intlinks.context_processors.service",
            ],
        },
    },
]
# Every form's fields are shown the GOV.UK way ("(optional)" on optional fields): intlinks.forms.
FORM_RENDERER = "intlinks.forms.GovukFormRenderer"


def database_from_environment() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'intlinks.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except Exception as error:  # dj-database-url raises several kinds for a malformed URL
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL Django understands: {error}"
        ) from error
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets pages read while one request writes; IMMEDIATE takes the write lock when a transaction
        # starts, and the busy timeout makes a request wait that long for it instead of failing at once.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        }
    if config["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL compiles a query whose estimated cost passes jit_above_cost: the working party's
        # pages aggregate over every activity, and compiling took 70-100 ms of a 30 ms query (the
        # health table, a fifth of the large profile; more at full size). Our queries never gain by it.
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return config


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in limits (docs/adr/0020, intlinks/sign_in_limits.py): five wrong attempts at one account from
# one address lock that pair for an hour; an address with too many failures across accounts is throttled
# for the hour (password spraying); an account with too many failures from everywhere together is locked
# only briefly, so that nobody can keep a named person out for long with a few requests.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
SIGN_IN_ADDRESS_FAILURE_LIMIT = env_int("SIGN_IN_ADDRESS_FAILURE_LIMIT", 20)
SIGN_IN_ACCOUNT_FAILURE_LIMIT = env_int("SIGN_IN_ACCOUNT_FAILURE_LIMIT", 20)
SIGN_IN_ACCOUNT_LOCK_MINUTES = env_int("SIGN_IN_ACCOUNT_LOCK_MINUTES", 15)
AXES_COOLOFF_TIME = 1  # hours: the longest of the limits' windows; older failures are forgotten
AXES_HANDLER = "intlinks.sign_in_limits.SignInLimitsHandler"
# What a successful sign-in forgets: the person's own failures from their own address, never failures
# from elsewhere (an attacker's progress) nor the address's failures at other accounts (spraying).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts refused while locked do not extend the lock: it ends when it said it would.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "intlinks.sign_in_limits.lockout_response"
# Axes keeps a failed form's fields with the attempt: never a password, new password or code.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "old_password",
    "new_password1",
    "new_password2",
    "code",
    "csrfmiddlewaretoken",
]
AXES_CLIENT_IP_CALLABLE = "intlinks.client_address.client_address"
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The number of proxies in front of the service that append to X-Forwarded-For (the council's TLS proxy:
# 1). With 0, the address is REMOTE_ADDR; the header is then ignored, as anyone can write it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after signing in
# whatever happens (intlinks/sessions.py).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 8)
# The security log (sign-ins, failures, lock-outs, refusals) is kept this long, then forgotten daily.
SECURITY_LOG_DAYS = env_int("SECURITY_LOG_DAYS", 365)

# Administrators (anyone who can open the admin) sign in with a code from an authenticator app as well
# as their password (intlinks/two_factor.py). On unless DEBUG: the embedded run's demonstration admin
# signs in with the password alone unless TWO_FACTOR_REQUIRED=true (docs/adr/0020).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = "International links"
# Other administrators' secrets are never shown in the admin, only whether a device is confirmed.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# The council's financial year starts in April; strategy's financial-year helper reads this.
FINANCIAL_YEAR_START_MONTH = env_int("FINANCIAL_YEAR_START_MONTH", 4)
# An open action with no progress update for longer than this is flagged as stale.
ACTION_UPDATE_INTERVAL_DAYS = env_int("ACTION_UPDATE_INTERVAL_DAYS", 90)
# Bounds on what people type (intlinks/bounds.py, intlinks/money.py), in forms and as database CHECK
# constraints: every date from 1 January of the first year to 31 December of the last, and one ceiling
# for every amount of money in pounds. Changing them needs a migration (`makemigrations`).
EARLIEST_YEAR = env_int("EARLIEST_YEAR", 1900)
LATEST_YEAR = env_int("LATEST_YEAR", 2100)
MAX_AMOUNT_POUNDS = env_int("MAX_AMOUNT_POUNDS", 1_000_000)

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Only GOV.UK Frontend's images and icons; its script is copied into var/build by `npm run build`.
    ("govuk/assets", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "assets"),
    VAR_DIR / "build",
]
# Uploaded documents and generated Cabinet reports go through Django's storage API: the filesystem under
# MEDIA_ROOT by default; object storage by configuration (FILE_STORAGE_BACKEND, a storage class's dotted
# path, and FILE_STORAGE_OPTIONS, its options as JSON), with no change to the code that saves files.
try:
    FILE_STORAGE_OPTIONS = json.loads(os.environ.get("FILE_STORAGE_OPTIONS", "") or "{}")
except json.JSONDecodeError as error:
    raise ImproperlyConfigured(f"FILE_STORAGE_OPTIONS must be a JSON object: {error}") from error
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": FILE_STORAGE_OPTIONS,
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded evidence is council data: kept under var/, outside the static root, never served directly.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "uploads"))
MEDIA_URL = "/uploads/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Largest uploaded document (a signed agreement, evidence) accepted, in bytes.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# Largest size a Word document's zip may declare once expanded: a document's, never a zip bomb's.
EXPANDED_UPLOAD_MAX_BYTES = env_int("EXPANDED_UPLOAD_MAX_BYTES", 100 * 1024 * 1024)
# Largest request body accepted, judged on its Content-Length before a byte of it is read: one upload
# and the form around it (intlinks.middleware.RequestSizeLimitMiddleware). The TLS proxy's own limit
# (nginx client_max_body_size) should match it: docs/security/files-and-headers.md.
REQUEST_MAX_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Celery: Redis in production and tests; without REDIS_URL an embedded filesystem broker under var/
# still hands tasks to a separate worker process.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_FOLDER = VAR_DIR / "celery" / "broker"
CELERY_BROKER_PROCESSED_FOLDER = VAR_DIR / "celery" / "processed"
CELERY_BROKER_CONTROL_FOLDER = VAR_DIR / "celery" / "control"  # kombu's default is ./control
# A task taken by a worker that died is handed to another after the visibility timeout: it must be longer
# than the longest task (CELERY_TASK_TIME_LIMIT, checked at start-up), or a slow task would run twice.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER),
        "data_folder_out": str(CELERY_BROKER_FOLDER),
        "processed_folder": str(CELERY_BROKER_PROCESSED_FOLDER),
        "control_folder": str(CELERY_BROKER_CONTROL_FOLDER),
        "store_processed": False,
    }
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT * 5 // 6  # 25 of 30 minutes: time to give up cleanly
if REDIS_URL and CELERY_VISIBILITY_TIMEOUT <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured(
        f"CELERY_VISIBILITY_TIMEOUT ({CELERY_VISIBILITY_TIMEOUT} s) must be longer than "
        f"CELERY_TASK_TIME_LIMIT ({CELERY_TASK_TIME_LIMIT} s), or a slow task would be run twice"
    )
# The cache holds the council data's version and the figures computed against it
# (intlinks/data_version.py): shared by every process, so that a write seen by one is seen by all.
# Redis in production and tests, a folder under var/ in the embedded default. Keys are prefixed with
# the database's name, so that two sites on one Redis never read each other's figures.
DATA_CACHE_SECONDS = env_int("DATA_CACHE_SECONDS", 600)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs costs a request one second, then the page is computed without it.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
CACHES["default"]["KEY_PREFIX"] = f"intlinks:{DATABASES['default']['NAME']}"
# The health check fails when no worker has run its heartbeat (every 60 s, by beat) for this long.
WORKER_STALE_AFTER = env_int("WORKER_STALE_AFTER", 150)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")
CELERY_BEAT_SCHEDULE = {
    "record-worker-heartbeat": {"task": "intlinks.tasks.record_worker_heartbeat", "schedule": 60.0},
    "forget-old-form-tokens": {
        "task": "intlinks.tasks.forget_old_form_tokens",
        "schedule": crontab(hour=3, minute=0),
    },
    "forget-old-security-events": {
        "task": "intlinks.tasks.forget_old_security_events",
        "schedule": crontab(hour=3, minute=15),
    },
    # Daily; the task e-mails action owners only on the day that falls 14 days before a quarter end.
    "remind-action-owners": {
        "task": "strategy.tasks.remind_action_owners",
        "schedule": crontab(hour=7, minute=0),
    },
    # Cabinet reports (issue 12): versions that waited for the queue are handed to it again.
    "report-requeue-waiting": {"task": "reporting.tasks.report_requeue_waiting", "schedule": 60.0},
    # ... and the PDFs a worker killed mid-task stored but never recorded are removed.
    "report-files-sweep": {
        "task": "reporting.tasks.report_files_sweep",
        "schedule": crontab(hour=3, minute=30),
    },
    # When a financial year closes (1 April by default): that year's draft annual evaluation; clerks told.
    "report-prepare-annual-evaluation": {
        "task": "reporting.tasks.report_prepare_annual_evaluation",
        "schedule": crontab(day_of_month=1, month_of_year=FINANCIAL_YEAR_START_MONTH, hour=6, minute=0),
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "international.links@example.gov.uk")

SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 60 * 60  # the absolute lifetime; idleness is checked on each request
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "intlinks.views.form_refused"  # a GOV.UK page, and a line of the security log
# Content-Security-Policy (django-csp): everything from the service itself; the two inline scripts
# of the base template (GOV.UK Frontend's js-enabled snippet and its initAll) carry the request's
# nonce; no inline style at all (charts use SVG presentation attributes, htmx's indicator styles are
# off). No 'unsafe-inline' anywhere: docs/adr/0018-content-security-policy-with-nonces.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused page is one line of the log (and a row of the security events), not a traceback.
    "filters": {"refusal_in_one_line": {"()": "intlinks.log_filters.RefusalInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports each step of every render (and of its own stylesheets at import) at INFO.
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "django.request": {"filters": ["refusal_in_one_line"]},
    },
}

# Demonstration accounts and data exist only for the embedded run, never under production settings.
DEMO_DATA_ALLOWED = DEBUG
