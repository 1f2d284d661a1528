"""Registers one free ticket on the benchmark event over plain HTTP (as a browser without
JavaScript would) and counts what it took: user actions, pages shown, POSTs, redirects, HTTP
round trips and bytes. Run by measure.sh while pretix serves: python register.py BASE_URL"""
import re
import sys
import time

import requests

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3950"
EVENT = f"{BASE}/forum/launch/"
s = requests.Session()
s.headers["User-Agent"] = "pretix-bench-register/1"
trips = []  # (method, path, status, bytes)


def record(r):
    for h in r.history + [r]:
        trips.append((h.request.method, h.url.replace(BASE, ""), h.status_code, len(h.content)))
    r.raise_for_status()
    return r


def csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def form_action(html, pattern):
    m = re.search(r'<form[^>]*?action="(' + pattern + r'[^"]*)"', html, re.S)
    return BASE + m.group(1).replace("&amp;", "&")


t0 = time.perf_counter()
steps = []
# 1. The event page.
r = record(s.get(EVENT))
item = re.search(r'name="(item_\d+)"', r.text).group(1)
steps.append("open the event page")
# 2. Quantity 1 of "Posto", "Aggiungi al carrello": POST cart/add, redirected back to the event
#    page, now showing the cart (pretix's default: redirect_to_checkout_directly is off).
r = record(s.post(form_action(r.text, "/forum/launch/cart/add"),
                  data={"csrfmiddlewaretoken": csrf(r.text), item: "1"}))
assert "checkout/start" in r.text, "cart not shown"
steps.append("add 1 × Posto to the cart (POST)")
# 3. "Continua": GET checkout/start, redirected to the first checkout step (questions).
r = record(s.get(form_action(r.text, "/forum/launch/checkout/start")))
assert 'name="email"' in r.text, "no questions step"
steps.append("continue to checkout")
# 4. Contact step: the email (required; the invoice address is optional), POST, redirected to
#    the confirmation step (a free order skips the payment step).
r = record(s.post(r.url, data={"csrfmiddlewaretoken": csrf(r.text), "email": "ospite@example.org"}))
assert "/checkout/confirm/" in r.url, f"expected confirm step, got {r.url}"
steps.append("enter the email address (POST)")
# 5. "Invia ordine": POST confirm, redirected to the order page (?thanks=1).
r = record(s.post(r.url, data={"csrfmiddlewaretoken": csrf(r.text)}))
assert "/order/" in r.url and "thanks" in r.url, f"expected the order page, got {r.url}"
code = re.search(r"/order/([A-Z0-9]+)/", r.url).group(1)
steps.append("submit the order (POST)")
elapsed = time.perf_counter() - t0

posts = sum(1 for t in trips if t[0] == "POST")
redirects = sum(1 for t in trips if 300 <= t[2] < 400)
pages = sum(1 for t in trips if t[2] == 200)
print(f"register: order {code} confirmed in {elapsed * 1000:.0f} ms of HTTP "
      f"(one client, server otherwise idle)")
print(f"register: {len(steps)} user steps (" + "; ".join(steps) + ")")
print(f"register: {len(trips)} HTTP round trips for the HTML documents: {pages} pages shown, "
      f"{posts} POSTs, {redirects} redirects; {sum(t[3] for t in trips) / 1024:.1f} KB of HTML "
      f"(uncompressed; static files not counted)")
for m, path, status, size in trips:
    print(f"register:   {m:4} {path} -> {status} ({size} B)")

# Not counted: cancel the order again, so that repeated runs never fill the quota of 200.
r = s.get(r.url.split("?")[0] + "cancel")
m = re.search(r'<form[^>]*?action="([^"]*/cancel/do[^"]*)"', r.text, re.S)
if m:
    r = s.post(BASE + m.group(1).replace("&amp;", "&"), data={"csrfmiddlewaretoken": csrf(r.text)})
    print(f"register: (order {code} cancelled again: {r.status_code}, not counted)")
else:
    print(f"register: (could not find the cancel form; order {code} kept)")
