"""HTTP bench: the site under gunicorn next to a bare Django view, driven by wrk.

    make bench-http            (or: DATABASE_URL=postgres://... python -m bench.http_load)

Starts three gunicorn servers on free ports of 127.0.0.1, each with 2 sync workers and the
repository's gunicorn.conf.py: the site with production settings (page cache on), the same
site with the page cache off (what a visitor gets when the cache is empty), and
`bench.bare_site` (one view returning a fixed 5 KB page). wrk drives them in interleaved rounds
(bare, warm, cold per page, so drift in the machine's load hits all three alike) and the table
gives requests per second, p50 and p99, and the ratio to the bare view. A last pass times
single requests right after the content token was renewed (a real cold request).

Needs PostgreSQL (DATABASE_URL; the bench uses a database of its own next to it, "<name>_http",
filled once with `load_demo_data`) and wrk (Debian package `wrk`; installed when run as root).
All traffic stays on 127.0.0.1, bounded by --duration, --rounds and --cold-requests.
"""

import argparse
import http.client
import importlib
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WARM_TARGET = 0.2  # of the bare view's requests per second
COLD_TARGET_MS = 25.0  # median of a single cold request of a profile or a practice
ACCEPT_ENCODING = "br, gzip"  # what browsers send


@dataclass
class Result:
    rps: list[float] = field(default_factory=list)
    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)

    def add(self, rps: float, p50: float, p99: float) -> None:
        self.rps.append(rps)
        self.p50.append(p50)
        self.p99.append(p99)

    @property
    def summary(self) -> tuple[float, float, float]:
        return (statistics.median(self.rps), statistics.median(self.p50), max(self.p99))


def require_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk from Debian packages...", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        found = shutil.which("wrk")
    if not found:
        sys.exit("The HTTP bench needs wrk: sudo apt-get install wrk")
    return found


def bench_database_url(url: str) -> str:
    """A database of the bench's own on the same server (created when missing)."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        sys.exit("The HTTP bench needs PostgreSQL: set DATABASE_URL=postgres://...")
    name = parts.path.lstrip("/") + "_http"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(database_url: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESS_LOG="",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra)
    return env


def prepare(env: dict) -> None:
    """Migrate (which also makes the cache table), load the demo data once, collect static."""
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo_data"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        print(f"… manage.py {' '.join(command)}", file=sys.stderr, flush=True)
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_server(app: str | None, port: int, env: dict) -> subprocess.Popen:
    command = [GUNICORN, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    command += ["--log-level", "warning"]
    if app:
        command.append(app)
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            single_request(port, "/")
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"no server on 127.0.0.1:{port}")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def single_request(port: int, path: str) -> tuple[int, float]:
    """One GET on a fresh connection; status and milliseconds to the last byte."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": ACCEPT_ENCODING})
        response = conn.getresponse()
        response.read()
    finally:
        conn.close()
    return response.status, (time.perf_counter() - started) * 1000


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(binary: str, port: int, path: str, args) -> tuple[float, float, float]:
    output = subprocess.run(
        [
            binary,
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-H",
            f"Accept-Encoding: {ACCEPT_ENCODING}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=args.duration + 30,
    ).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"{path}: non-2xx answers\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(name: str) -> float:
        value, unit = re.search(rf"^\s+{name}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNITS[unit]

    return rps, percentile("50"), percentile("99")


def cold_single(site, port: int, path: str, count: int) -> list[float]:
    """Single requests, each right after a renewed content token: nothing cached for them."""
    times = []
    for _ in range(count):
        site.content_changed()
        status, ms = single_request(port, path)
        if status != 200:
            raise RuntimeError(f"{path}: status {status}")
        times.append(ms)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cold-requests", type=int, default=15)
    parser.add_argument("--skip-prepare", action="store_true", help="data already loaded")
    parser.add_argument("--prepare-only", action="store_true", help="load the data and stop")
    args = parser.parse_args()

    binary = require_wrk()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to a PostgreSQL server (make bench-http does).")
    database_url = bench_database_url(os.environ["DATABASE_URL"])
    env = site_env(database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    if not args.skip_prepare:
        prepare(env)
    if args.prepare_only:
        return 0
    # The Django side (models, the content token) once the environment names the bench database.
    site = importlib.import_module("bench.http_site")
    urls = site.page_urls()

    ports = {"bare": free_port(), "warm": free_port(), "cold": free_port()}
    servers = [
        start_server("bench.bare_site:application", ports["bare"], env),
        start_server(None, ports["warm"], env),
        start_server(None, ports["cold"], site_env(database_url, PAGE_CACHE_ENABLED="0")),
    ]
    results: dict[tuple[str, str], Result] = {}
    cold_ms: dict[str, float] = {}
    try:
        for port in ports.values():
            wait_until_up(port)
        for path in urls.values():  # every page answers 200 before anything is measured
            for port in ports.values():
                if port != ports["bare"]:
                    status, _ms = single_request(port, path)
                    if status != 200:
                        raise RuntimeError(f"{path}: status {status}")
        for round_number in range(args.rounds):
            print(f"… round {round_number + 1} of {args.rounds}", file=sys.stderr, flush=True)
            for name, path in urls.items():
                for kind in ("bare", "warm", "cold"):
                    target = "/" if kind == "bare" else path
                    measured = wrk(binary, ports[kind], target, args)
                    results.setdefault((name, kind), Result()).add(*measured)
        print("… single cold requests", file=sys.stderr, flush=True)
        for name, path in urls.items():
            cold_ms[name] = statistics.median(
                cold_single(site, ports["warm"], path, args.cold_requests)
            )
    finally:
        for server in servers:
            stop_server(server)

    ok = True
    header = (
        f"{'page':<15} {'bare req/s':>10} {'warm req/s':>10} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'ratio':>6} {'cold req/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6} "
        f"{'1 cold ms':>9}"
    )
    print()
    print(header)
    print("-" * len(header))
    for name in urls:
        bare_rps = results[(name, "bare")].summary[0]
        warm = results[(name, "warm")].summary
        cold = results[(name, "cold")].summary
        warm_ok = warm[0] / bare_rps >= WARM_TARGET
        cold_ok = name not in {"profile", "practice"} or cold_ms[name] <= COLD_TARGET_MS
        ok = ok and warm_ok and cold_ok
        print(
            f"{name:<15} {bare_rps:>10.0f} {warm[0]:>10.0f} {warm[1]:>7.2f} {warm[2]:>7.2f} "
            f"{warm[0] / bare_rps:>5.2f}{'' if warm_ok else '!'} "
            f"{cold[0]:>10.0f} {cold[1]:>7.2f} {cold[2]:>7.2f} {cold[0] / bare_rps:>6.3f} "
            f"{cold_ms[name]:>8.1f}{'' if cold_ok else '!'}"
        )
    print(
        f"\n(wrk -t{args.threads} -c{args.connections} -d{args.duration}s, {args.rounds} "
        f"interleaved rounds, medians; p99 the worst round. gunicorn 2 sync workers, production "
        f"settings, PostgreSQL. warm: page cache on; cold: page cache off; '1 cold ms': median "
        f"of {args.cold_requests} single requests after a content write. Targets: warm ratio "
        f">= {WARM_TARGET}, a profile's and a practice's single cold request <= "
        f"{COLD_TARGET_MS:.0f} ms; '!' marks a miss.)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
