"""The WSGI application served by `frontdesk serve`: Django, behind the trusted proxy's headers."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from frontdesk.config.proxy import TrustedProxyMiddleware

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
django_application = get_wsgi_application()
application = TrustedProxyMiddleware(django_application, trusted_proxy=settings.TRUSTED_PROXY)
