"""Read and validate frontdesk's settings from the environment."""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import dj_database_url

from frontdesk.engine.triage.language import LanguageDetection, LanguageError

LANGUAGE_CODES = ("en", "et", "he", "hu", "bs")
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# django-ratelimit's rates: N requests per period, the period optionally multiplied (5/10m).
RATE = re.compile(r"[1-9]\d*/\d*[smhd]")
# Everything between "scheme://user:" and the last "@": a password, even one with @ or / in it.
URL_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:)(.*)@")
# Seconds a start-up check waits for a server (Redis) before naming it unreachable.
CONNECT_SECONDS = 3


class SettingsError(Exception):
    """One or more FRONTDESK_* or DATABASE_URL values are invalid."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"frontdesk cannot start; fix these environment settings:\n{lines}")


@dataclass
class EnvReader:
    """Collects every problem in the environment instead of stopping at the first."""

    environ: Mapping[str, str]
    problems: list[str] = field(default_factory=list)

    def text(self, name: str, default: str) -> str:
        return self.environ.get(name, default).strip()

    def flag(self, name: str, *, default: bool) -> bool:
        raw = self.environ.get(name)
        if raw is None:
            return default
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        self.problems.append(f"{name}={raw!r} is not a yes/no value (use true or false).")
        return default

    def integer(self, name: str, *, default: int, minimum: int = 0) -> int:
        raw = self.environ.get(name)
        if raw is None or not raw.strip():
            return default
        try:
            value = int(raw)
        except ValueError:
            self.problems.append(f"{name}={raw!r} is not a whole number.")
            return default
        if value < minimum:
            self.problems.append(f"{name}={value} must be at least {minimum}.")
            return default
        return value

    def integer_between(self, name: str, *, default: int, minimum: int, maximum: int) -> int:
        """A whole number from `minimum` to `maximum` (a port, a percentage)."""
        value = self.integer(name, default=default, minimum=minimum)
        if value > maximum:
            self.problems.append(f"{name}={value} must be at most {maximum}.")
            return default
        return value

    def words(self, name: str, default: str) -> list[str]:
        return _comma_separated(self.text(name, default))

    def words_required(self, name: str, default: str, *, meaning: str) -> list[str]:
        """A comma-separated list that must name at least one thing."""
        words = self.words(name, default)
        if not words:
            self.problems.append(f"{name} is empty: it must name {meaning}.")
            return _comma_separated(default)
        return words

    def words_from(self, name: str, default: str, choices: tuple[str, ...]) -> list[str]:
        """A comma-separated list (maybe empty) of words each one of `choices`."""
        words = self.words(name, default)
        unknown = [word for word in words if word not in choices]
        if unknown:
            self.problems.append(
                f"{name}: {', '.join(unknown)} not known; use some of {', '.join(choices)}."
            )
            return [word for word in words if word in choices]
        return words

    def origins(self, name: str) -> list[str]:
        """Comma-separated origins, each with its scheme (https://help.example.com)."""
        origins = self.words(name, "")
        for origin in origins:
            if not origin.startswith(("http://", "https://")):
                self.problems.append(
                    f"{name}: {origin!r} needs its scheme, e.g. https://{origin.split('://')[-1]}."
                )
        return origins

    def networks(self, name: str) -> list[str]:
        """Comma-separated addresses or networks (10.0.0.5, 10.0.0.0/8, ::1), as CIDR text."""
        networks = []
        for word in self.words(name, ""):
            try:
                networks.append(str(ipaddress.ip_network(word, strict=False)))
            except ValueError:
                self.problems.append(f"{name}: {word!r} is not an IP address or network.")
        return networks

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        """One of a few words, case ignored; the canonical spelling from `choices`."""
        raw = self.text(name, default)
        for choice in choices:
            if raw.upper() == choice.upper():
                return choice
        self.problems.append(f"{name}={raw!r} must be one of {', '.join(choices)}.")
        return default

    def time_zone(self, name: str, default: str) -> str:
        """An IANA time zone name, e.g. Europe/Tallinn."""
        raw = self.text(name, default)
        try:
            ZoneInfo(raw)
        except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
            self.problems.append(
                f"{name}={raw!r} is not a time zone; use an IANA name such as Europe/Tallinn."
            )
            return default
        return raw

    def rate(self, name: str, default: str) -> str:
        """A request rate: N/s, N/m, N/h or N/d (N at least 1)."""
        raw = self.text(name, default)
        if not RATE.fullmatch(raw):
            self.problems.append(
                f"{name}={raw!r} is not a rate; use N/s, N/m, N/h or N/d, e.g. 10/h."
            )
            return default
        return raw

    def languages(self, name: str, default: str) -> list[str]:
        """ISO 639-1 codes the language detector knows, at least one."""
        codes = self.words_required(name, default, meaning="at least one language code")
        try:
            # Without preloading, building the detector only looks the codes up.
            LanguageDetection(codes, preload=False)
        except LanguageError as error:
            self.problems.append(f"{name}: {error}; use ISO 639-1 codes such as en,et,he.")
            return _comma_separated(default)
        return codes

    def folder(self, name: str, default: str, *, create: bool) -> Path:
        """A folder: made when missing if `create`, otherwise it must exist."""
        path = Path(self.text(name, default)).resolve()
        try:
            if create:
                path.mkdir(parents=True, exist_ok=True)
            elif not path.is_dir():
                self.problems.append(f"{name}={str(path)!r} is not a folder.")
        except OSError as error:
            self.problems.append(f"{name}={str(path)!r} cannot be made: {error.strerror}.")
        return path

    def address(self, name: str, default: str) -> str:
        """A mail address, optionally with a display name: `frontdesk <help@example.com>`."""
        raw = self.text(name, default)
        _name, address = parseaddr(raw)
        local, _at, domain = address.rpartition("@")
        if not local or ("." not in domain and domain != "localhost"):
            self.problems.append(
                f"{name}={raw!r} is not a mail address, e.g. frontdesk <help@example.com>."
            )
            return default
        return raw

    def proxy_address(self, name: str) -> str:
        """The one address a TLS proxy connects from (or * for any), empty when there is none."""
        raw = self.text(name, "")
        if raw in ("", "*"):
            return raw
        try:
            return str(ipaddress.ip_address(raw))
        except ValueError:
            self.problems.append(
                f"{name}={raw!r} must be the IP address the TLS proxy connects from, "
                "e.g. 127.0.0.1 (one address, or * for any)."
            )
            return ""

    def public_url(self, name: str, default: str) -> str:
        """An http(s) address with a host, without the trailing slash."""
        raw = self.text(name, default)
        scheme, _sep, rest = raw.partition("://")
        if scheme not in ("http", "https") or not rest.split("/")[0]:
            self.problems.append(
                f"{name}={raw!r} must be an address starting with http:// or https://, "
                "e.g. https://help.example.com."
            )
            return default.rstrip("/")
        return raw.rstrip("/")


# The roles an identity provider's groups may map to, lowest first (accounts' Role values).
SSO_ROLES = ("agent", "lead", "admin")
SSO_SIGN_ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "HS256")


@dataclass(frozen=True)
class SingleSignOn:
    """OpenID Connect log-in, from FRONTDESK_OIDC_*; settings.py hands it to mozilla-django-oidc."""

    client_id: str
    client_secret: str
    authorization_endpoint: str
    token_endpoint: str
    user_endpoint: str
    jwks_endpoint: str
    sign_algorithm: str
    scopes: str
    groups_claim: str
    role_groups: dict[str, str]
    name: str
    skips_second_factor: bool

    def django_settings(self) -> dict[str, Any]:
        """The settings mozilla-django-oidc reads (OIDC_*), PKCE on."""
        return {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.authorization_endpoint,
            "OIDC_OP_TOKEN_ENDPOINT": self.token_endpoint,
            "OIDC_OP_USER_ENDPOINT": self.user_endpoint,
            "OIDC_OP_JWKS_ENDPOINT": self.jwks_endpoint or None,
            "OIDC_RP_SIGN_ALGO": self.sign_algorithm,
            "OIDC_RP_SCOPES": self.scopes,
            "OIDC_USE_PKCE": True,
            "OIDC_TIMEOUT": 15,
        }


def single_sign_on(reader: EnvReader) -> SingleSignOn | None:
    """Single sign-on when FRONTDESK_OIDC_CLIENT_ID is set (None otherwise), every missing or
    wrong FRONTDESK_OIDC_* value listed."""
    client_id = reader.text("FRONTDESK_OIDC_CLIENT_ID", "")
    if not client_id:
        return None
    required = {}
    for part in ("CLIENT_SECRET", "AUTHORIZATION_ENDPOINT", "TOKEN_ENDPOINT", "USER_ENDPOINT"):
        name = f"FRONTDESK_OIDC_{part}"
        required[part] = reader.text(name, "")
        if not required[part]:
            reader.problems.append(f"{name} is missing: single sign-on needs it.")
    algorithm = reader.choice("FRONTDESK_OIDC_SIGN_ALGO", "RS256", SSO_SIGN_ALGORITHMS)
    jwks = reader.text("FRONTDESK_OIDC_JWKS_ENDPOINT", "")
    if not jwks and not algorithm.startswith("HS"):
        reader.problems.append(
            f"FRONTDESK_OIDC_JWKS_ENDPOINT is missing: {algorithm} tokens are checked with the "
            "provider's keys, published there."
        )
    for name in ("AUTHORIZATION_ENDPOINT", "TOKEN_ENDPOINT", "USER_ENDPOINT", "JWKS_ENDPOINT"):
        url = required.get(name) or (jwks if name == "JWKS_ENDPOINT" else "")
        if url and not url.startswith(("https://", "http://")):
            reader.problems.append(
                f"FRONTDESK_OIDC_{name}={url!r} must be an address starting with https://."
            )
    return SingleSignOn(
        client_id=client_id,
        client_secret=required["CLIENT_SECRET"],
        authorization_endpoint=required["AUTHORIZATION_ENDPOINT"],
        token_endpoint=required["TOKEN_ENDPOINT"],
        user_endpoint=required["USER_ENDPOINT"],
        jwks_endpoint=jwks,
        sign_algorithm=algorithm,
        scopes=reader.text("FRONTDESK_OIDC_SCOPES", "openid email profile"),
        groups_claim=reader.text("FRONTDESK_OIDC_GROUPS_CLAIM", "groups") or "groups",
        role_groups=role_groups(reader, "FRONTDESK_OIDC_ROLE_GROUPS"),
        name=reader.text("FRONTDESK_OIDC_NAME", "single sign-on") or "single sign-on",
        skips_second_factor=reader.flag("FRONTDESK_OIDC_SKIPS_2FA", default=True),
    )


def role_groups(reader: EnvReader, name: str) -> dict[str, str]:
    """`group=role` pairs, comma-separated: which identity provider group gives which role."""
    raw = reader.text(name, "admins=admin,leads=lead,support=agent")
    mapping: dict[str, str] = {}
    for pair in _comma_separated(raw):
        # A group's name may hold "=" (an LDAP path does); the role is after the last one.
        group, equals, role = (part.strip() for part in pair.rpartition("="))
        if not equals or not group or role not in SSO_ROLES:
            reader.problems.append(
                f"{name}: {pair!r} is not group=role with a role of {', '.join(SSO_ROLES)}, "
                "e.g. admins=admin,leads=lead,support=agent."
            )
            continue
        mapping[group] = role
    if not mapping:
        reader.problems.append(
            f"{name} maps no group to a role: nobody could log in with single sign-on."
        )
    return mapping


def _comma_separated(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def url_without_password(url: str) -> str:
    """The URL as it may be shown: its password, if any, replaced by ***."""
    return URL_PASSWORD.sub(r"\1***@", url)


def database_config(url: str, reader: EnvReader) -> dict[str, Any]:
    """Turn DATABASE_URL into a Django DATABASES entry (SQLite with WAL, or PostgreSQL)."""
    shown = url_without_password(url)
    scheme = url.split(":", 1)[0].lower()
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        reader.problems.append(
            f"DATABASE_URL={shown!r}: only sqlite:///PATH and postgresql://... are supported."
        )
        url = "sqlite:///frontdesk.sqlite3"
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as error:
        reason = str(error).replace(url, shown)
        reader.problems.append(f"DATABASE_URL={shown!r} cannot be read: {reason}")
        config = dict(dj_database_url.parse("sqlite:///frontdesk.sqlite3"))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock
            # when a transaction starts, so two writers queue instead of failing mid-way.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        # Django's backend, with write transactions that queue for their turn (its docstring).
        config["ENGINE"] = "frontdesk.core.sqlite3"
    else:
        config["CONN_HEALTH_CHECKS"] = True
    return config


def cache_config(url: str, reader: EnvReader) -> dict[str, Any]:
    """The cache: Redis when FRONTDESK_REDIS_URL names one that answers, else the database."""
    database_cache = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "frontdesk_cache",
    }
    if not url:
        return database_cache
    # Imported only for a desk that uses Redis: the client and its asyncio half cost every
    # command a few hundred milliseconds at start.
    import redis

    shown = url_without_password(url)
    try:
        client = redis.Redis.from_url(
            url, socket_connect_timeout=CONNECT_SECONDS, socket_timeout=CONNECT_SECONDS
        )
        client.ping()
        client.close()
    except ValueError as error:  # not a redis://, rediss:// or unix:// address
        reader.problems.append(f"FRONTDESK_REDIS_URL={shown!r}: {error}")
        return database_cache
    except redis.RedisError as error:
        reason = str(error).replace(url, shown)
        reader.problems.append(f"FRONTDESK_REDIS_URL={shown!r} does not answer: {reason}")
        return database_cache
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


def secret_key(reader: EnvReader, data_dir: Path) -> str:
    """The configured secret key, or one generated once and kept in the data folder."""
    configured = reader.text("FRONTDESK_SECRET_KEY", "")
    if configured:
        if len(configured) < 32:
            reader.problems.append("FRONTDESK_SECRET_KEY must be at least 32 characters long.")
        return configured
    key_file = data_dir / "secret_key"
    key = secrets.token_urlsafe(50)
    try:
        if key_file.exists():
            return key_file.read_text().strip()
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.touch(mode=0o600)
        key_file.write_text(key)
    except OSError as error:
        if any(problem.startswith("FRONTDESK_DATA_DIR") for problem in reader.problems):
            return key  # the folder itself is already named as the problem
        reader.problems.append(
            f"FRONTDESK_DATA_DIR={str(data_dir)!r}: the secret key cannot be kept there "
            f"({error.strerror}); make the folder writable or set FRONTDESK_SECRET_KEY."
        )
    return key


def s3_storage(reader: EnvReader, bucket: str) -> dict[str, Any]:
    """The storage of attachments in an S3-compatible bucket (the `s3` extra installs it)."""
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        reader.problems.append(
            "FRONTDESK_S3_BUCKET is set but django-storages is not installed: "
            "pip install 'frontdesk[s3]'."
        )
    options = {
        "bucket_name": bucket,
        "location": reader.text("FRONTDESK_S3_PREFIX", "attachments").strip("/"),
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    if endpoint := reader.text("FRONTDESK_S3_ENDPOINT_URL", ""):
        options["endpoint_url"] = endpoint
    if region := reader.text("FRONTDESK_S3_REGION", ""):
        options["region_name"] = region
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def default_environ() -> Mapping[str, str]:
    """The process environment (a seam for tests)."""
    return os.environ
