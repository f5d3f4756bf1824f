"""Fault drill: Redis goes away under a running portal, then comes back.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/okienko_drill \
        .venv/bin/python bench/redis_outage_drill.py

Needs a migrated database with the demo content (`manage.py seed_demo`) and
`redis-server` on the PATH. Starts its own Redis on a free port and gunicorn (production
settings, 2 workers) on another, both on 127.0.0.1, and stops them at the end. Three
phases - Redis up, Redis killed, Redis restarted - each requests the home page, a
consultation, the login page, the newsletter form, a search, /healthz, and logs in
(session cookie, then the profile page). Prints statuses and timings per phase and the
outage lines gunicorn logged; exits 1 on any 5xx or failed login. About a minute.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 10
RETRY_WAIT = 11  # portal.cache.OUTAGE_RETRY_SECONDS + 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """Plain HTTP to gunicorn as nginx would forward it (X-Forwarded-Proto: https);
    cookies kept by hand because they are Secure."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies = {}

    def request(self, path, data=None):
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        started = time.perf_counter()
        try:
            response = opener.open(req, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        text = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, text, elapsed


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(port, email, password) -> bool:
    client = Client(port)
    status, page, _ = client.request("/konto/login/")
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not found:
        print(f"login page answered {status}: {page[:300]!r}")  # noqa: T201
        return False
    token = found.group(1)
    status, _, _ = client.request(
        "/konto/login/", {"csrfmiddlewaretoken": token, "login": email, "password": password}
    )
    profile, _, _ = client.request("/konto/profil/")
    return status == 302 and profile == 200


def phase(name, port, urls, account) -> dict:
    client = Client(port)
    statuses, times = {}, []
    for _ in range(ROUNDS):
        for url in urls:
            status, _, ms = client.request(url)
            statuses.setdefault(url, set()).add(status)
            times.append(ms)
    _, health, _ = client.request("/healthz")
    times.sort()
    return {
        "phase": name,
        "requests": len(times),
        "statuses": {url: sorted(s) for url, s in statuses.items()},
        "median_ms": round(times[len(times) // 2], 1),
        "p95_ms": round(times[int(len(times) * 0.95)], 1),
        "healthz": json.loads(health)["status"],
        "login": log_in(port, *account),
    }


def main() -> int:
    redis_port, web_port = free_port(), free_port()
    work = Path(tempfile.mkdtemp(prefix="okienko-drill-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": os.urandom(32).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "LOG_LEVEL": "WARNING",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
    }
    subprocess.run(  # noqa: S603 - the manifest storage needs collected files
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    redis_cmd = ["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"]
    redis = subprocess.Popen(redis_cmd, stdout=subprocess.DEVNULL)  # noqa: S603
    web_log = open(work / "web.log", "w")  # noqa: SIM115
    web = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).with_name("gunicorn")), "portal.wsgi", "--workers", "2"]
        + ["--bind", f"127.0.0.1:{web_port}", "--timeout", "30"],
        cwd=ROOT,
        env=env,
        stdout=web_log,
        stderr=subprocess.STDOUT,
    )
    try:
        return drill(env, redis_cmd, web_port, work, redis)
    finally:
        web.send_signal(signal.SIGTERM)
        web.wait(30)
        redis.poll() is None and redis.terminate()


def drill(env, redis_cmd, web_port, work, redis) -> int:
    code = (
        "import django; django.setup(); from consultations.models import ConsultationPage;"
        "from accounts.demo import DEMO_ACCOUNTS;"
        "print(ConsultationPage.objects.live().first().url); print(*DEMO_ACCOUNTS[-1][1:])"
    )
    lines = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    consultation, account = lines[0], tuple(lines[1].split(" ", 1))
    urls = ["/", consultation, "/konto/login/", "/newsletter/", "/szukaj/?q=uchwa%C5%82a"]
    for _ in range(100):
        try:
            if Client(web_port).request("/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    results = [phase("redis up", web_port, urls, account)]
    redis.terminate()
    redis.wait(10)
    results.append(phase("redis killed", web_port, urls, account))
    redis = subprocess.Popen(redis_cmd, stdout=subprocess.DEVNULL)  # noqa: S603
    time.sleep(RETRY_WAIT)
    results.append(phase("redis restarted", web_port, urls, account))
    redis.terminate()
    log = (work / "web.log").read_text()
    outages = [line for line in log.splitlines() if "unreachable" in line]
    recovered = re.compile(r"Redis at \S+ answers again")
    recoveries = [line for line in log.splitlines() if recovered.search(line)]
    for result in results:
        print(json.dumps(result, ensure_ascii=False))  # noqa: T201
    print(f"outage warnings: {len(outages)}, recoveries: {len(recoveries)} (2 workers)")  # noqa: T201
    print(*outages, *recoveries, sep="\n")  # noqa: T201
    errors = [line for line in log.splitlines() if '"level": "ERROR"' in line]
    print(f"errors logged: {len(errors)}", *errors[:3], sep="\n")  # noqa: T201
    failed = any(
        status >= 500 for r in results for statuses in r["statuses"].values() for status in statuses
    ) or not all(r["login"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
