# Django settings for the pretix benchmark: pretix's own settings (read from PRETIX_CONFIG_FILE),
# with one change pretix.cfg cannot express: mail goes to files in <datadir>/mail instead of an
# SMTP server on localhost:25 (pretix hard-codes the SMTP backend; there is none on this machine).
import os

from pretix.settings import *  # noqa: F401,F403
from pretix.settings import DATA_DIR

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(DATA_DIR, "mail")
