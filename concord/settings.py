"""Concord settings: one file, driven by the environment.

Every setting a deployment may change is read here from an environment
variable and documented in README.md ("Settings"). Nothing else in the code
reads the environment.
"""

import os
from datetime import time
from pathlib import Path

import dj_database_url
import django_stubs_ext
from xstatic.pkg import bootstrap as xstatic_bootstrap

# Lets `admin.ModelAdmin[Event]` and friends be subscripted at run time.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_time(name: str, default: str) -> time:
    return time.fromisoformat(env_str(name, default))


DATA_DIR = Path(env_str("CONCORD_DATA_DIR", str(BASE_DIR / "data")))

DEBUG = env_bool("CONCORD_DEBUG", False)
# The embedded profile keeps a generated key in the data folder (bin/run
# writes it once); a scaled-out deployment passes the same SECRET_KEY to
# every web process.
_SECRET_FILE = DATA_DIR / "secret.key"
SECRET_KEY = (
    os.environ.get("SECRET_KEY")
    or (_SECRET_FILE.read_text().strip() if _SECRET_FILE.exists() else "")
    or "concord-insecure-key-for-tests-only"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "concord.activity",
    "concord.orgs",
    "concord.accounts",
    "concord.timers",
    "concord.notifications",
    "concord.approvals",
    "concord.collaborations",
    "concord.planning",
    "concord.communication",
    "concord.tasks",
    "concord.changes",
    "concord.issues",
    "concord.meetings",
    "concord.knowledge",
    "concord.closing.reviews",
    "concord.closing.acceptance",
    "concord.closing.archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so that a lockout answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "concord.urls"
WSGI_APPLICATION = "concord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "concord" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "concord.notifications.context_processors.inbox",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'concord.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so two writers queue up
        # instead of one failing with "database is locked" on upgrade.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth ---------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login rate limiting: lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("CONCORD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("CONCORD_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("CONCORD_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Language and time --------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "concord" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("CONCORD_TIME_ZONE", "Asia/Shanghai")

# Working calendar (concord.lib.workcal): the working day's hours in TIME_ZONE.
CONCORD_WORKDAY_START = env_time("CONCORD_WORKDAY_START", "09:00")
CONCORD_WORKDAY_END = env_time("CONCORD_WORKDAY_END", "18:00")

# Whether a coordination collaboration's light plan needs the department heads' sign-off.
CONCORD_COORDINATION_PLAN_SIGNOFF = env_bool("CONCORD_COORDINATION_PLAN_SIGNOFF", False)

# Escalation path defaults (issue levels 1/2/3): "<number> <unit>", unit one of
# clock_hours, working_hours, working_days. Each collaboration may change its own.
CONCORD_ESCALATION_DEFAULTS = [
    env_str("CONCORD_ESCALATION_LEVEL1", "24 clock_hours"),
    env_str("CONCORD_ESCALATION_LEVEL2", "48 clock_hours"),
    env_str("CONCORD_ESCALATION_LEVEL3", "3 working_days"),
]

# --- Static files -------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "concord" / "static",
    ("vendor/bootstrap", xstatic_bootstrap.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"

# --- Email --------------------------------------------------------------
# With no SMTP host configured, mail is written to files in the data
# folder so that nothing is lost and nothing fails.
EMAIL_HOST = env_str("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Concord <concord@localhost>")

# --- Background work ----------------------------------------------------
# Embedded: a runner thread inside `concord serve` sweeps every few seconds.
# Scaled out: set CONCORD_RUNNER=celery and run Celery beat + workers.
CONCORD_RUNNER = env_str("CONCORD_RUNNER", "thread")
CONCORD_SWEEP_INTERVAL_SECONDS = env_int("CONCORD_SWEEP_INTERVAL_SECONDS", 5)
CONCORD_SWEEP_BATCH = env_int("CONCORD_SWEEP_BATCH", 100)
# Notification deliveries (email, IM) are retried with backoff, then given up.
CONCORD_DELIVERY_MAX_ATTEMPTS = env_int("CONCORD_DELIVERY_MAX_ATTEMPTS", 8)
# Change notices: stakeholders acknowledge within N working days, then are
# reminded once a working day, at most M times; a change should take effect
# no sooner than the impact assessment lead time (working days).
CONCORD_CHANGE_ACK_WORKING_DAYS = env_int("CONCORD_CHANGE_ACK_WORKING_DAYS", 2)
CONCORD_CHANGE_ACK_MAX_REMINDERS = env_int("CONCORD_CHANGE_ACK_MAX_REMINDERS", 3)
CONCORD_CHANGE_IMPACT_LEAD_DAYS = env_int("CONCORD_CHANGE_IMPACT_LEAD_DAYS", 3)
# Tasks: the owner is reminded N working days before the due date, at the
# remind time; owners of active tasks without an update by the nudge time of
# a working day are nudged; the lead gets the daily digest at the digest time.
CONCORD_TASK_REMIND_WORKING_DAYS = env_int("CONCORD_TASK_REMIND_WORKING_DAYS", 1)
CONCORD_TASK_REMIND_TIME = env_time("CONCORD_TASK_REMIND_TIME", "09:00")
CONCORD_PROGRESS_NUDGE_TIME = env_time("CONCORD_PROGRESS_NUDGE_TIME", "17:00")
CONCORD_PROGRESS_DIGEST_TIME = env_time("CONCORD_PROGRESS_DIGEST_TIME", "18:00")
# Resource requests from this amount (CNY) also go to the director, then the VP.
CONCORD_RESOURCE_DIRECTOR_AMOUNT = env_int("CONCORD_RESOURCE_DIRECTOR_AMOUNT", 50_000)
CONCORD_RESOURCE_VP_AMOUNT = env_int("CONCORD_RESOURCE_VP_AMOUNT", 200_000)
# Meetings: materials N working days ahead; planned length above which a kind
# is warned about (`kind=minutes` pairs); notice of a coordination's first
# meeting; minutes due H hours after the end (the note-taker reminded R hours
# before); attendees confirm within N working days; recurring meetings made W
# weeks ahead; kinds that should name a decision maker; largest material file.
CONCORD_MEETING_MATERIALS_WORKING_DAYS = env_int("CONCORD_MEETING_MATERIALS_WORKING_DAYS", 1)
CONCORD_MEETING_MAX_MINUTES = {
    kind.strip(): int(minutes)
    for kind, _, minutes in (
        pair.partition("=")
        for pair in env_list("CONCORD_MEETING_MAX_MINUTES", ["coordination=90", "weekly=60"])
    )
    if kind.strip() and minutes.strip().isdigit()
}
CONCORD_MEETING_FIRST_NOTICE_WORKING_DAYS = env_int("CONCORD_MEETING_FIRST_NOTICE_WORKING_DAYS", 2)
CONCORD_MEETING_MINUTES_DUE_HOURS = env_int("CONCORD_MEETING_MINUTES_DUE_HOURS", 24)
CONCORD_MEETING_MINUTES_REMIND_HOURS = env_int("CONCORD_MEETING_MINUTES_REMIND_HOURS", 2)
CONCORD_MEETING_CONFIRM_WORKING_DAYS = env_int("CONCORD_MEETING_CONFIRM_WORKING_DAYS", 1)
CONCORD_MEETING_SERIES_HORIZON_WEEKS = env_int("CONCORD_MEETING_SERIES_HORIZON_WEEKS", 8)
CONCORD_MEETING_DECISION_MAKER_KINDS = env_str(
    "CONCORD_MEETING_DECISION_MAKER_KINDS", "escalation,milestone_review"
)
CONCORD_MEETING_MAX_MATERIAL_BYTES = env_int("CONCORD_MEETING_MAX_MATERIAL_BYTES", 20 * 1024**2)
# The domain part of calendar invitations' UIDs (stable per installation).
CONCORD_ICS_DOMAIN = env_str("CONCORD_ICS_DOMAIN", "concord.local")
# Acceptance: rework is due N working days after a "needs rework" verdict given
# without a date; departments give effect-verification feedback within N working days.
CONCORD_ACCEPTANCE_REWORK_WORKING_DAYS = env_int("CONCORD_ACCEPTANCE_REWORK_WORKING_DAYS", 5)
CONCORD_VERIFICATION_FEEDBACK_WORKING_DAYS = env_int(
    "CONCORD_VERIFICATION_FEEDBACK_WORKING_DAYS", 2
)
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "concord-sweep": {
        "task": "concord.timers.tasks.sweep",
        "schedule": float(CONCORD_SWEEP_INTERVAL_SECONDS),
    },
}

# --- Site ---------------------------------------------------------------
# Absolute address used in emails and IM messages ("open in Concord").
CONCORD_BASE_URL = env_str("CONCORD_BASE_URL", "http://127.0.0.1:8000")
CONCORD_HOST = env_str("CONCORD_HOST", "127.0.0.1")
CONCORD_PORT = env_int("CONCORD_PORT", 8000)
CONCORD_THREADS = env_int("CONCORD_THREADS", 8)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("CONCORD_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
