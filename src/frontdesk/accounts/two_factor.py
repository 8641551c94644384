"""Two-factor log-in with django-otp: a six-digit code from an authenticator app (TOTP) and ten
recovery codes, each used once, for when the phone is lost.

The app's key is made on the set-up page and kept in the agent's session until they confirm
it with a code, so a set-up left half-way leaves nothing behind. Keys and recovery codes are
plain in the database (an app needs the key itself), so a backup holds them too."""

from __future__ import annotations

import time
from base64 import b32encode
from binascii import unhexlify

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Invalid

RECOVERY_CODES = 10
APP_DEVICE = "authenticator app"
RECOVERY_DEVICE = "recovery codes"
# Codes a step early or late still count: a phone's clock may be 30 s off.
TOLERANCE_STEPS = 1


def two_factor_required(*, agent: User) -> bool:
    """Whether the agent's role must log in with a second factor (FRONTDESK_2FA_ROLES)."""
    return agent.role in settings.TWO_FACTOR_ROLES


def two_factor_active(*, agent: User) -> bool:
    """Whether the agent has set up an authenticator app."""
    return bool(TOTPDevice.objects.filter(user=agent, confirmed=True).exists())


def recovery_codes_left(*, agent: User) -> int:
    """How many of the agent's recovery codes are still unused."""
    left: int = StaticToken.objects.filter(device__user=agent, device__confirmed=True).count()
    return left


def two_factor_key_new() -> str:
    """A new key for an authenticator app, as hex (django-otp's own form)."""
    return str(random_hex(20))


def key_text(key: str) -> str:
    """The key as an app asks for it when typed: base32, in groups of four."""
    text = b32encode(unhexlify(key)).decode()
    return " ".join(text[start : start + 4] for start in range(0, len(text), 4))


def key_qr_svg(*, agent: User, key: str) -> str:
    """The key as a QR code (an SVG to put in the page) that an app scans."""
    device = TOTPDevice(user=agent, key=key)
    qr = segno.make(device.config_url, error="m")
    return str(qr.svg_inline(scale=4, dark="#000", light="#fff", title=_("Key as a QR code")))


def _code(raw: str) -> str:
    return "".join(raw.split()).lower()


@transaction.atomic
def two_factor_confirm(*, agent: User, key: str, code: str) -> tuple[Device, list[str]]:
    """Turn the agent's second factor on once a code from their app matches the key: the app's
    device, and the new recovery codes to be shown once."""
    totp = TOTP(unhexlify(key))
    totp.time = time.time()
    digits = _code(code)
    if not digits.isdigit() or not totp.verify(int(digits), TOLERANCE_STEPS):
        raise Invalid(_("That code does not match. Check the app's clock and try the next code."))
    TOTPDevice.objects.filter(user=agent).delete()
    # The code just used cannot log in again (django-otp refuses steps up to last_t).
    device = TOTPDevice.objects.create(
        user=agent, name=APP_DEVICE, key=key, confirmed=True, last_t=totp.t()
    )
    audit_record(actor=agent, action="2fa_on", obj=agent)
    return device, recovery_codes_renew(agent=agent)


@transaction.atomic
def recovery_codes_renew(*, agent: User) -> list[str]:
    """Ten new recovery codes for the agent; the old ones stop working."""
    StaticDevice.objects.filter(user=agent).delete()
    device = StaticDevice.objects.create(user=agent, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_check(*, agent: User, code: str) -> Device | None:
    """The device a code from the app, or an unused recovery code, belongs to (a recovery code
    is used up); None when it matches neither."""
    token = _code(code)
    if not token:
        return None
    with transaction.atomic():
        for device in devices_for_user(agent, confirmed=True, for_verify=True):
            if device.verify_token(token):
                return device
    return None


def two_factor_remove(*, agent: User) -> int:
    """Delete the agent's app key and recovery codes; how many devices went."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        _deleted, kinds = model.objects.filter(user=agent).delete()
        count += kinds.get(model._meta.label, 0)
    return count
