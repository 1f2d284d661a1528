# WSGI entry point for the pretix benchmark. pretix's own pretix.wsgi plus WhiteNoise serving
# /static/ from pretix's built static.dist (precompressed .br/.gz by setup.sh). In pretix's
# documented production setup nginx serves /static/; WhiteNoise stands in for it so one gunicorn
# on one port serves the whole site. Pages themselves go through pretix unchanged.
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from whitenoise import WhiteNoise  # noqa: E402

application = WhiteNoise(
    get_wsgi_application(),
    root=settings.STATIC_ROOT,
    prefix=settings.STATIC_URL,
    max_age=365 * 24 * 3600,
)
