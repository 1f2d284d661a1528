# Creates (idempotently) the benchmark's organizer and free event, run as
#   python -m pretix shell < seed.py
# Organizer "forum", event "launch": "Forum launch", 6 June 2022 17:00 Europe/Rome, live, shop
# open (presale runs until 2099, since the date is past), one free admission product "Posto" in a
# quota of 200. Mirrors what pretix's event-creation wizard does (default plugins, check-in list,
# set_defaults, timezone/locale settings), minus the test mode it starts events in.
import datetime
import zoneinfo

from django.conf import settings
from django.db import transaction
from django_scopes import scopes_disabled
from i18nfield.strings import LazyI18nString

from pretix.base.models import Event, Item, Organizer, Quota

ROME = zoneinfo.ZoneInfo("Europe/Rome")

with scopes_disabled(), transaction.atomic():
    org, _ = Organizer.objects.get_or_create(slug="forum", defaults={"name": "Forum"})
    ev = Event.objects.filter(organizer=org, slug="launch").first()
    created = ev is None
    if created:
        ev = Event(organizer=org, slug="launch")
    ev.name = LazyI18nString({"it": "Forum launch", "en": "Forum launch"})
    ev.date_from = datetime.datetime(2022, 6, 6, 17, 0, tzinfo=ROME)
    ev.presale_end = datetime.datetime(2099, 12, 31, 23, 59, tzinfo=ROME)
    ev.currency = "EUR"
    ev.live = True
    ev.testmode = False
    ev.save()
    if created:
        ev.set_active_plugins(settings.PRETIX_PLUGINS_DEFAULT.split(","),
                              allow_restricted=settings.PRETIX_PLUGINS_DEFAULT.split(","))
        ev.save(update_fields=["plugins"])
        ev.checkin_lists.create(name="Default", all_products=True)
        ev.set_defaults()
    ev.settings.set("timezone", "Europe/Rome")
    ev.settings.set("locale", "it")
    ev.settings.set("locales", ["it"])

    item, _ = Item.objects.get_or_create(
        event=ev, internal_name="posto",
        defaults={"name": LazyI18nString({"it": "Posto", "en": "Posto"}), "default_price": 0,
                  "admission": True, "active": True},
    )
    quota, _ = Quota.objects.get_or_create(event=ev, name="Posto", defaults={"size": 200})
    quota.size = 200
    quota.save()
    quota.items.add(item)

    print(f"seed: event {org.slug}/{ev.slug} {'created' if created else 'updated'}; "
          f"item {item.pk} price {item.default_price}; quota {quota.size}")
