#!/usr/bin/env python3
"""kb serve: time from saving one article to its page changing on disk and to the SSE reload event.

usage: python3 bench/preview-latency.py KB_JAR CONTENT TEMPLATES OUT ARTICLE RUNS
e.g.   python3 bench/preview-latency.py target/kb.jar bench/work/corpus-10000/kb/content templates \
           /tmp/kb-preview bench/work/corpus-10000/kb/content/articles/<section>/<slug>.md 10
Starts `kb serve --port 0`, appends a marker line to ARTICLE RUNS times (PAUSE seconds apart,
default 3), prints each run and the medians, and puts the article back as it was.
"""
import os, re, subprocess, sys, threading, time, socket, statistics, queue

jar, content, templates, out, article, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
page = os.path.join(out, os.path.relpath(article, os.path.join(content, "articles"))[:-3], "index.html")
proc = subprocess.Popen(["java", "-jar", jar, "serve", "--content", content, "--templates", templates, "--out", out, "--port", "0"],
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = None
log = []
for line in proc.stdout:
    log.append(line.rstrip())
    m = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", line)
    if m:
        port = int(m.group(1)); break
print("\n".join(log[-3:]))
threading.Thread(target=lambda: [log.append(l.rstrip()) for l in proc.stdout], daemon=True).start()
events = queue.Queue()
def sse():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /__kb/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    buf = b""
    while True:
        b = s.recv(65536)
        if not b: return
        buf += b
        while b"\n\n" in buf:
            ev, buf = buf.split(b"\n\n", 1)
            if b"event: reload" in ev: events.put(("reload", time.perf_counter()))
            if b"event: error" in ev: events.put(("error", time.perf_counter()))
threading.Thread(target=sse, daemon=True).start()
time.sleep(2)
original = open(article).read()
disk, reload = [], []
for i in range(runs):
    time.sleep(float(os.environ.get("PAUSE", "3")))
    while not events.empty(): events.get()
    text = open(article).read()
    marker = "Latency marker %d %d." % (i, time.time_ns())
    t0 = time.perf_counter()
    with open(article, "w") as f: f.write(text.rstrip("\n") + "\n\n" + marker + "\n")
    while True:
        try:
            if marker in open(page).read(): break
        except FileNotFoundError: pass
        if time.perf_counter() - t0 > 60: raise SystemExit("page never updated")
        time.sleep(0.002)
    disk.append((time.perf_counter() - t0) * 1000)
    kind, t = events.get(timeout=60)
    reload.append((t - t0) * 1000)
    print("run %d: on disk %.0f ms, reload event %.0f ms" % (i + 1, disk[-1], reload[-1]), flush=True)
print("median on disk %.0f ms (min %.0f, max %.0f); median reload event %.0f ms" % (
    statistics.median(disk), min(disk), max(disk), statistics.median(reload)))
print("\n".join(l for l in log if "updated" in l or "search" in l)[-2000:])
with open(article, "w") as f: f.write(original)
proc.terminate(); proc.wait()
