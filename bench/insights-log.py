#!/usr/bin/env python3
"""Writes synthetic access-log lines for bench/insights-bench.sh: what a busy help center's
nginx writes (pages, assets, events, 404s, crawlers), with a long tail of one-off queries,
some JSON lines as a CDN writes them, hostile queries and garbage. Deterministic (seeded).

    insights-log.py MEGABYTES OUT.log
"""
import random
import sys
from urllib.parse import quote

size = int(sys.argv[1]) * 1024 * 1024
out = open(sys.argv[2], "w", encoding="utf-8", newline="\n")
rnd = random.Random(19)
words = ("facebook instagram linkedin token password reconnect expired disconnect page admin business "
         "account google youtube twitter tiktok pinterest login security checkpoint permission revoke app "
         "renew lifespan error code blocked restricted verify email phone two factor").split()
pages = ["facebook-instagram/password-or-security-alert/", "linkedin/token-expiration/", "faq/",
         "getting-started/how-to-reconnect/", "getting-started/token-lifespans/", "", "search/", "lifespans/"]
assets = ["assets/kb.css", "assets/js/kb-search.js", "assets/js/kb-ui.js", "search/data/manifest.js", "favicon.ico"]
agents = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
          'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)']
common = [" ".join(rnd.sample(words, rnd.randint(1, 3))) for _ in range(400)]
hostile = ["<script>alert(1)</script>", "\x1b[2J\x1b[31mred", "\u202eevil", "x" * 10000]


def query():
    r = rnd.random()
    if r < 0.85:
        return common[min(int(rnd.paretovariate(1.2)) - 1, len(common) - 1)]
    if r < 0.999:
        return " ".join(rnd.choice(words) for _ in range(2)) + " " + str(rnd.randint(0, 10**9))  # long tail
    return rnd.choice(hostile)


def target():
    r = rnd.random()
    if r < 0.30:
        return "/" + rnd.choice(pages), 200
    if r < 0.60:
        return "/" + rnd.choice(assets), 200
    if r < 0.65:
        return "/old/" + rnd.choice(words) + "-" + rnd.choice(words) + "/", 404
    q = quote(query(), safe="")
    kind = rnd.random()
    if kind < 0.6:
        return "/_kb/e?t=search&q=%s&n=%d&lang=en&src=box" % (q, rnd.choice([0, 3, 8])), 204
    if kind < 0.85:
        return "/_kb/e?t=choose&q=%s&r=%d&u=%s&lang=en&src=box" % (q, rnd.randint(1, 8), quote(rnd.choice(pages), safe="")), 204
    page = quote(rnd.choice(pages[:4]), safe="")
    if kind < 0.95:
        return "/_kb/e?t=vote&p=%s&v=%s&lang=en" % (page, rnd.choice(["yes", "yes", "no"])), 204
    return "/_kb/e?t=reason&p=%s&why=%s&lang=en" % (page, rnd.choice(["outdated", "unclear", "unanswered"])), 204


written = 0
second = 0
while written < size:
    block = []
    for _ in range(2000):
        second += 1
        path, status = target()
        stamp = "%02d/Dec/2026:%02d:%02d:%02d +0000" % (1 + second // 86400 % 28, second // 3600 % 24, second // 60 % 60, second % 60)
        r = rnd.random()
        if r < 0.05:
            block.append('{"timestamp":"2026-12-%02dT%02d:%02d:%02dZ","httpRequest":{"requestMethod":"GET","requestUrl":"https://help.example.com%s","status":%d,"userAgent":"%s"}}'
                         % (1 + second // 86400 % 28, second // 3600 % 24, second // 60 % 60, second % 60, path, status, agents[0]))
        elif r < 0.051:
            block.append("\x00\x01 garbage that is no request " + str(second))
        else:
            block.append('203.0.113.%d - - [%s] "GET %s HTTP/1.1" %d %d "-" "%s"'
                         % (rnd.randint(1, 254), stamp, path, status, rnd.randint(0, 40000), rnd.choice(agents)))
    text = "\n".join(block) + "\n"
    out.write(text)
    written += len(text.encode("utf-8"))
out.close()
