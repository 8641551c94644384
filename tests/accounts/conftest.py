# The local SMTP relay the desk's outgoing mail goes to (invitations).
from tests.mail.conftest import relay  # noqa: F401
