from tests.mail.conftest import relay  # noqa: F401 - the relay fixture
