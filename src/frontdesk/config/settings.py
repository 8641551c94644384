"""frontdesk's one settings module: every value comes from the environment."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from frontdesk.config.env import (
    LOG_LEVELS,
    EnvReader,
    SettingsError,
    cache_config,
    database_config,
    default_environ,
    s3_storage,
    secret_key,
    single_sign_on,
)
from frontdesk.core.constants import DEFAULT_MAIL_PORT, DEFAULT_PUBLIC_URL
from frontdesk.sla.constants import DEFAULT_TIME_ZONE

PACKAGE_DIR = Path(__file__).resolve().parent.parent
env = EnvReader(default_environ())

DATA_DIR = env.folder("FRONTDESK_DATA_DIR", "frontdesk-data", create=True)
DEBUG = env.flag("FRONTDESK_DEBUG", default=False)
SECRET_KEY = secret_key(env, DATA_DIR)
# Empty, Django would refuse every request with 400: say so at start instead.
ALLOWED_HOSTS = env.words_required(
    "FRONTDESK_ALLOWED_HOSTS",
    "127.0.0.1,localhost,[::1]",
    meaning="the host names the desk answers to, e.g. help.example.com",
)
CSRF_TRUSTED_ORIGINS = env.origins("FRONTDESK_CSRF_TRUSTED_ORIGINS")
PUBLIC_URL = env.public_url("FRONTDESK_PUBLIC_URL", DEFAULT_PUBLIC_URL)

DATABASES = {
    "default": database_config(
        env.text("DATABASE_URL", f"sqlite:///{Path.cwd() / 'frontdesk.sqlite3'}"), env
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Log-in protection: failed log-ins counted in the database (so every machine agrees), and
    # second factors (an app's six-digit codes, recovery codes).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "csp",
    # For the API docs: with ninja installed, Swagger UI comes from its own bundled copy
    # instead of a CDN, so /api/v1/docs works on a desk with no way out to the internet.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    # The change record: who changed which setting, when, before → after.
    "auditlog",
    # The audit trail: who viewed a customer, changed a ticket, exported or erased, for admins.
    "frontdesk.audit",
    "frontdesk.accounts",
    "frontdesk.customers",
    "frontdesk.tickets",
    "frontdesk.reports",
    "frontdesk.portal",
    "frontdesk.triage",
    "frontdesk.intake",
    "frontdesk.routing",
    "frontdesk.periodic",
    "frontdesk.sla",
    "frontdesk.live",
    "frontdesk.macros",
    "frontdesk.mail",
    "frontdesk.journal",
    "frontdesk.schedules",
    "frontdesk.problems",
    "frontdesk.satisfaction",
    "frontdesk.outreach",
]

MIDDLEWARE = [
    "frontdesk.core.metrics.RequestLatencyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "frontdesk.core.middleware.ApiErrorsMiddleware",
    "frontdesk.core.middleware.NulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and API answers gzipped when the client accepts it; after WhiteNoise, which sends
    # static files already compressed by `collectstatic`, and before everything that writes a
    # body. BREACH: Django masks the CSRF token anew on every response and pads the gzip
    # header with random bytes, so a secret cannot be guessed from the compressed sizes.
    "django.middleware.gzip.GZipMiddleware",
    # After WhiteNoise, which answers for static files before it: those stay cacheable.
    "frontdesk.core.security_headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "frontdesk.core.clock.DeskTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "frontdesk.accounts.middleware.SecondFactorMiddleware",
    "frontdesk.accounts.middleware.AgentLanguageMiddleware",
    "frontdesk.core.changes.ChangeActorMiddleware",
    "frontdesk.audit.middleware.AuditAddressMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: it tells the agent why they were logged out.
    "frontdesk.accounts.idle.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as axes asks: it turns a log-in refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "frontdesk.config.urls"
WSGI_APPLICATION = "frontdesk.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "routing:queue"
LOGOUT_REDIRECT_URL = "accounts:login"

# Single sign-on with OpenID Connect, on when FRONTDESK_OIDC_CLIENT_ID is set: the log-in page
# offers "Log in with <FRONTDESK_OIDC_NAME>", the provider's groups give the role.
SSO = single_sign_on(env)
OIDC_ENABLED = SSO is not None
OIDC_NAME = SSO.name if SSO else ""
OIDC_GROUPS_CLAIM = SSO.groups_claim if SSO else "groups"
OIDC_ROLE_GROUPS = SSO.role_groups if SSO else {}
# A log-in through the provider marks the session `frontdesk_sso`; with this on, the desk's own
# second factor is not asked of it (the provider has its own).
OIDC_SKIPS_2FA = SSO.skips_second_factor if SSO else True
if SSO is not None:
    globals().update(SSO.django_settings())

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
            # `{% slot %}`: places in a lower app's page that apps above it fill.
            "libraries": {
                "slots": "frontdesk.core.slots",
                "changes": "frontdesk.core.changes",
                "settings_menu": "frontdesk.core.settings_menu",
                "charts": "frontdesk.core.charts",
            },
        },
    },
]

# Argon2 first: a password kept under an older hasher is re-hashed with Argon2 at its next log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# axes first: it refuses a locked-out log-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if SSO is not None:
    # Before Django's own, which stays last: agents with a password still log in with it.
    AUTHENTICATION_BACKENDS.insert(-1, "frontdesk.accounts.oidc.DeskOIDCBackend")
# Lockout: after LOGIN_FAILURES failed log-ins for one user name, or from one address, log-in is
# refused for LOGIN_COOLOFF_MINUTES. Never for ever: a stranger must not lock an agent out for
# good, and failures while locked out do not start the wait again. An admin or lead may unlock.
AXES_FAILURE_LIMIT = env.integer("FRONTDESK_LOGIN_FAILURES", default=10, minimum=1)
LOGIN_COOLOFF_MINUTES = env.integer_between(
    "FRONTDESK_LOGIN_COOLOFF_MINUTES", default=15, minimum=1, maximum=24 * 60
)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No banner on every command's start (`frontdesk migrate`, `manage …`): the settings say it all.
AXES_VERBOSE = False
# The address is REMOTE_ADDR, set from a trusted proxy's header (config/proxy.py, docs/deploy.md).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Failures are kept for the cool-off only; successful log-ins not at all (a row per log-in would
# grow for ever, holding agents' addresses).
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "frontdesk.accounts.views_security.locked_out"
# Never kept in the record of failed attempts.
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
# Two-factor log-in: the roles that must use it (empty: every agent may, none must).
TWO_FACTOR_ROLES = env.words_from("FRONTDESK_2FA_ROLES", "", ("agent", "lead", "admin"))
OTP_TOTP_ISSUER = "frontdesk"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("et", _("Estonian")),
    ("he", _("Hebrew")),
    ("hu", _("Hungarian")),
    ("bs", _("Bosnian")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The zone a desk starts in; the zone a lead stores with the business hours is the desk's clock
# from then on (frontdesk.core.clock). Every language writes times on a 24-hour clock.
TIME_ZONE = env.time_zone("FRONTDESK_TIME_ZONE", DEFAULT_TIME_ZONE)
FORMAT_MODULE_PATH = ["frontdesk.core.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# `frontdesk migrate` and `frontdesk serve` collect the static files here (cli/static.py):
# named by a hash of their content, gzipped beside, and sent by WhiteNoise with a ten-year
# `Cache-Control: immutable`; a changed file gets a new name, so browsers never keep an old one.
STATIC_ROOT = DATA_DIR / "static"
if not env.problems:  # a data folder that cannot be made is already a listed problem
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request without it
MEDIA_ROOT = DATA_DIR / "attachments"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "frontdesk.config.staticfiles.DeskStaticStorage"},
}
# Attachments and recordings on S3-compatible storage (docs/deploy.md) instead of the data folder,
# for a desk on several machines; private objects, always served through the desk's own checks.
S3_BUCKET = env.text("FRONTDESK_S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = s3_storage(env, S3_BUCKET)

# Uploads: one file and the whole request are both bounded.
MAX_ATTACHMENT_BYTES = env.integer("FRONTDESK_MAX_ATTACHMENT_BYTES", default=10_000_000, minimum=1)
MAX_ATTACHMENTS_PER_MESSAGE = env.integer("FRONTDESK_MAX_ATTACHMENTS", default=5, minimum=1)
# A call's recording from the phone system: its own limit, as a call's audio is larger than a
# customer's attachment.
RECORDING_MAX_BYTES = env.integer("FRONTDESK_RECORDING_MAX_BYTES", default=50_000_000, minimum=1)
# Days an attachment or a call's recording is kept after it arrived; 0 keeps them for ever.
FILE_RETENTION_DAYS = env.integer("FRONTDESK_FILE_RETENTION_DAYS", default=0, minimum=0)
# Days an incoming mail's raw bytes are kept after it arrived (its ticket keeps the text);
# 0 keeps them for ever. Days without contact after which a customer is erased; 0 never.
RAW_MAIL_DAYS = env.integer("FRONTDESK_RAW_MAIL_DAYS", default=90, minimum=0)
ERASE_SILENT_DAYS = env.integer("FRONTDESK_ERASE_SILENT_DAYS", default=0, minimum=0)
# Days an audit event is kept (two years by default); 0 keeps them for ever.
AUDIT_RETENTION_DAYS = env.integer("FRONTDESK_AUDIT_RETENTION_DAYS", default=730, minimum=0)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

SESSION_COOKIE_HTTPONLY = True
# Minutes without activity (polls do not count) after which a desk session ends; 0: never.
SESSION_IDLE_MINUTES = env.integer("FRONTDESK_SESSION_IDLE_MINUTES", default=60, minimum=0)
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
HTTPS = PUBLIC_URL.startswith("https://")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
# HSTS: Django sends it only on a request that came over https, so only behind a TLS proxy.
# Not for subdomains nor the browsers' preload list unless asked: both outlive a mistake.
SECURE_HSTS_SECONDS = env.integer("FRONTDESK_HSTS_SECONDS", default=31_536_000) if HTTPS else 0
SECURE_HSTS_PRELOAD = env.flag("FRONTDESK_HSTS_PRELOAD", default=False)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD
# The TLS proxy in front of `frontdesk serve`: its X-Forwarded-* headers are believed only from
# this address and stripped from everyone else's requests (config/proxy.py), so Django may
# believe them too.
# Without one, a client could claim https or another host by sending the headers itself.
TRUSTED_PROXY = env.proxy_address("FRONTDESK_TRUSTED_PROXY")
if TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
    # Plain http reaches the desk only past the proxy; health checks and scrapers come so.
    SECURE_SSL_REDIRECT = HTTPS
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]

# Web processes `frontdesk serve` forks, each answering with its threads; 0: one per core.
WEB_WORKERS = env.integer("FRONTDESK_WEB_WORKERS", default=0, minimum=0)

# Content-Security-Policy (django-csp): scripts only from the desk, and an inline one only with
# the page's nonce; no inline styles, no plugins, no framing. Pages that need more say so with
# csp_update (the API's Swagger page).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Dynamic pages with no one's data on them, which browsers may keep; every other page and API
# answer is sent with Cache-Control: no-store (frontdesk.core.security_headers).
CACHEABLE_PAGES = {"portal:new", "portal:sent", "portal:link", "public:status"}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

CACHES = {"default": cache_config(env.text("FRONTDESK_REDIS_URL", ""), env)}
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "frontdesk.portal.views.rate_limited"
INTAKE_RATE = env.rate("FRONTDESK_INTAKE_RATE", "10/h")
PORTAL_LINK_DAYS = env.integer("FRONTDESK_PORTAL_LINK_DAYS", default=30, minimum=1)
# Days a new API token works unless its maker chooses otherwise; no token is made for longer
# than a year (accounts/constants.py TOKEN_MAX_DAYS).
TOKEN_DAYS = env.integer_between("FRONTDESK_TOKEN_DAYS", default=90, minimum=1, maximum=365)
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Triage: which languages to tell apart (fewer is faster), a folder of the desk's own lexicons
# (JSON files named like the shipped ones extend them), and how many corrections start a retrain.
TRIAGE_LANGUAGES = env.languages(
    "FRONTDESK_TRIAGE_LANGUAGES", "en,et,he,hu,bs,hr,sr,de,ru,fi,lv,lt,pl,es,fr"
)
TRIAGE_LEXICON_DIR = env.text("FRONTDESK_TRIAGE_LEXICONS", "")
if TRIAGE_LEXICON_DIR:
    TRIAGE_LEXICON_DIR = str(env.folder("FRONTDESK_TRIAGE_LEXICONS", "", create=False))
TRIAGE_RETRAIN_EVERY = env.integer("FRONTDESK_TRIAGE_RETRAIN_EVERY", default=20, minimum=1)
# Minutes after which a hard case nobody answered gets the holding reply by itself; 0: never.
HOLDING_REPLY_AFTER = env.integer("FRONTDESK_HOLDING_REPLY_AFTER", default=0, minimum=0)

# Live contacts whose closing event never came: a call still ringing after CALL_RING_MINUTES is
# a missed call (a call-back), one answered but not hung up after CALL_TALK_MINUTES is over, a
# visitor waiting VISIT_WAIT_MINUTES has gone, and a visit not marked served after
# VISIT_SERVE_MINUTES is over. Each frees the agent and the live queue.
CALL_RING_MINUTES = env.integer("FRONTDESK_CALL_RING_MINUTES", default=10, minimum=1)
CALL_TALK_MINUTES = env.integer("FRONTDESK_CALL_TALK_MINUTES", default=120, minimum=1)
VISIT_WAIT_MINUTES = env.integer("FRONTDESK_VISIT_WAIT_MINUTES", default=180, minimum=1)
VISIT_SERVE_MINUTES = env.integer("FRONTDESK_VISIT_SERVE_MINUTES", default=120, minimum=1)

# Who may read /metrics without a token: Prometheus's addresses (an admin's token always may).
METRICS_ALLOW = env.networks("FRONTDESK_METRICS_ALLOW")

# Each worker writes a heartbeat this often; its tasks are handed to others after six silent beats.
WORKER_BEAT_SECONDS = env.integer_between(
    "FRONTDESK_WORKER_BEAT_SECONDS", default=15, minimum=1, maximum=60
)

TASKS = {
    "default": {
        # The database queue the workers take work from, or (with no worker at all) each task
        # run at once in the process that asked; other backends would drop the desk's mail.
        "BACKEND": env.choice(
            "FRONTDESK_TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend",
            ("django_tasks_db.DatabaseBackend", "django_tasks.backends.immediate.ImmediateBackend"),
        ),
        "QUEUES": ["default", "mail"],
    }
}

# Outgoing mail: a real relay when one is named, otherwise files in the data folder so a
# first run sends nothing by accident and an operator can still read every message.
DEFAULT_FROM_EMAIL = env.address("FRONTDESK_FROM_EMAIL", "frontdesk <help@frontdesk.localhost>")
# Message-IDs name the desk's own mail domain, so replies can be recognised as answers to us.
MESSAGE_ID_DOMAIN = DEFAULT_FROM_EMAIL.rstrip(">").rpartition("@")[2] or "frontdesk.localhost"
if smtp_host := env.text("FRONTDESK_SMTP_HOST", ""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = smtp_host
    EMAIL_PORT = env.integer_between("FRONTDESK_SMTP_PORT", default=25, minimum=1, maximum=65535)
    EMAIL_HOST_USER = env.text("FRONTDESK_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = env.text("FRONTDESK_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = env.flag("FRONTDESK_SMTP_STARTTLS", default=False)
    EMAIL_USE_SSL = env.flag("FRONTDESK_SMTP_SSL", default=False)
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        env.problems.append(
            "FRONTDESK_SMTP_STARTTLS and FRONTDESK_SMTP_SSL are both on: a relay speaks one of "
            "them (STARTTLS on port 587, SSL on port 465)."
        )
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "outbox"

# Incoming mail: the SMTP/LMTP listener an MTA delivers to, and an optional IMAP mailbox.
MAIL_LISTEN_HOST = env.text("FRONTDESK_MAIL_HOST", "127.0.0.1")
MAIL_LISTEN_PORT = env.integer_between(
    "FRONTDESK_MAIL_PORT", default=DEFAULT_MAIL_PORT, minimum=1, maximum=65535
)
# Threads that store and file incoming mail at once (each with its own database connection).
# On SQLite one: writers there take turns, and more lanes only wait for each other.
MAIL_LANES = env.integer(
    "FRONTDESK_MAIL_LANES",
    default=1 if DATABASES["default"]["ENGINE"].endswith("sqlite3") else 4,
    minimum=1,
)
# Messages a lane stores, then files, in one transaction (group commit): those that reached it
# while it filed the last batch. One is the old way, a transaction or more a message.
MAIL_BATCH = env.integer("FRONTDESK_MAIL_BATCH", default=32, minimum=1)
# Listener processes sharing the port: one uses one core (about 100 messages a second).
MAIL_PROCESSES = env.integer("FRONTDESK_MAIL_PROCESSES", default=1, minimum=1)
MAIL_MAX_BYTES = env.integer("FRONTDESK_MAIL_MAX_BYTES", default=25_000_000, minimum=1000)
# Acknowledgements one sender may get in an hour: two desks must not answer each other for ever.
MAIL_ACKNOWLEDGEMENTS_PER_HOUR = env.integer("FRONTDESK_MAIL_ACKS_PER_HOUR", default=3)
IMAP_HOST = env.text("FRONTDESK_IMAP_HOST", "")
IMAP_PORT = env.integer_between("FRONTDESK_IMAP_PORT", default=993, minimum=1, maximum=65535)
IMAP_USER = env.text("FRONTDESK_IMAP_USER", "")
IMAP_PASSWORD = env.text("FRONTDESK_IMAP_PASSWORD", "")
IMAP_MAILBOX = env.text("FRONTDESK_IMAP_MAILBOX", "INBOX")
IMAP_SSL = env.flag("FRONTDESK_IMAP_SSL", default=True)
if IMAP_HOST and not (IMAP_USER and IMAP_PASSWORD):
    env.problems.append(
        "FRONTDESK_IMAP_HOST is set without FRONTDESK_IMAP_USER and FRONTDESK_IMAP_PASSWORD: "
        "the worker could not log in to read the mailbox."
    )

# Breaks: waiting customers are warned this many minutes before a break starts (10–15 is the
# practice), and staffing aims at this share of calls and visits answered within this many seconds.
BREAK_WARNING_MINUTES = env.integer("FRONTDESK_BREAK_WARNING_MINUTES", default=15, minimum=1)
STAFFING_TARGET_PERCENT = env.integer("FRONTDESK_STAFFING_TARGET_PERCENT", default=80, minimum=1)
STAFFING_TARGET_SECONDS = env.integer("FRONTDESK_STAFFING_TARGET_SECONDS", default=20, minimum=1)
STAFFING_MAX_OCCUPANCY_PERCENT = env.integer(
    "FRONTDESK_STAFFING_MAX_OCCUPANCY_PERCENT", default=85, minimum=1
)
# The visitor kiosk: how long a visitor's number stays on the shared tablet before it goes back
# to the start, and how many numbers one address may take (a busy desk's tablet takes many).
KIOSK_RETURN_SECONDS = env.integer_between(
    "FRONTDESK_KIOSK_RETURN_SECONDS", default=20, minimum=5, maximum=300
)
KIOSK_RATE = env.rate("FRONTDESK_KIOSK_RATE", "120/h")
if BREAK_WARNING_MINUTES > 120:
    env.problems.append("FRONTDESK_BREAK_WARNING_MINUTES must be at most 120.")
if STAFFING_TARGET_PERCENT >= 100:
    env.problems.append(
        "FRONTDESK_STAFFING_TARGET_PERCENT must be below 100 (100% is unreachable)."
    )
if STAFFING_MAX_OCCUPANCY_PERCENT > 100:
    env.problems.append("FRONTDESK_STAFFING_MAX_OCCUPANCY_PERCENT must be at most 100.")

LOG_LEVEL = env.choice("FRONTDESK_LOG_LEVEL", "INFO", LOG_LEVELS)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        # The level is the handler's too: the task worker sets its own loggers to INFO, and
        # their lines would otherwise pass whatever the root's level says.
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "level": LOG_LEVEL},
        "smtp_console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # aiosmtpd logs every SMTP command at INFO: a line per command per message is noise in
    # the log, written for every message. Its warnings and errors still show.
    "loggers": {
        "mail.log": {
            "level": env.choice("FRONTDESK_SMTP_LOG_LEVEL", "WARNING", LOG_LEVELS),
            "handlers": ["smtp_console"],
            "propagate": False,
        }
    },
}

if env.problems:
    raise SettingsError(env.problems)
