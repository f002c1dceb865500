"""Agenda day through Varnish: `.venv/bin/python bench/burst.py [--members 10000]`.

In one run on this machine: a throwaway PostgreSQL, gunicorn with production settings (its
access log counted), Varnish with deploy/varnish/kcp.vcl in front, --members email members
who hear at once. A report is published (the site purges it after the commit), and while the
alert fan-out for every member runs in this process, wrk plays --readers concurrent readers
of that report through Varnish; half-way the report is published again (a second purge).

Prints: the readers' p50 and p95 latency (target p95 < 50 ms), how many of their requests
reached gunicorn per purge (target 1), the fan-out's time, and the rate of a Varnish hit as
a percentage of gunicorn's rate for a static file (target >= 100 %), both measured with wrk.
Not a test: figures vary by machine.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import alerts_fanout  # noqa: E402 - bench/ is put on the path just above
import site_speed  # noqa: E402

from tests.engine_processes import VarnishServer  # noqa: E402
from tests.throwaway_postgres import ThrowawayPostgres  # noqa: E402

PUBLIC_HOST = "localhost"
DATABASE = "kcp_bench_burst"
# wrk prints the latency percentiles this script asks for, in microseconds.
PERCENTILES_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p50 %d\\np95 %d\\nrequests %d\\nerrors %d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("kinds connect %d, read %d, write %d, status %d, timeout %d\\n",
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def wrk(url: str, *, connections: int, seconds: float, script: Path | None = None) -> str:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "-H", f"Host: {PUBLIC_HOST}"]
    command += ["-H", "X-Forwarded-Proto: https"]  # as from the TLS proxy in front
    if script is not None:
        command += ["-s", str(script)]
    wrk_binary = shutil.which("wrk")
    if wrk_binary is None:
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    return subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout


def requests_per_second(output: str) -> float:
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def publish_again(report, title: str) -> None:
    report.title = title
    report.save_revision().publish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0, help="the readers' burst")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    args = parser.parse_args()

    print(f"Start: {site_speed.load_average()}")
    server = ThrowawayPostgres()
    socket_dir = server.start()
    static_root = tempfile.mkdtemp(prefix="kcp-burst-static-")
    work = Path(tempfile.mkdtemp(prefix="kcp-burst-"))
    access_log = work / "access.log"
    gunicorn = varnish = None
    try:
        url = f"postgres://postgres@{socket_dir.replace('/', '%2F')}/{DATABASE}"
        env = {
            **site_speed.site_env(url, static_root, cache_seconds=300),
            "KCP_ALERT_BUNDLE_SECONDS": "0",
            "WAGTAILADMIN_BASE_URL": f"http://{PUBLIC_HOST}",
        }
        site_speed.postgres_tool("createdb", DATABASE, socket_dir=socket_dir)
        site_speed.manage(env, "migrate", "--no-input")
        site_speed.manage(env, "collectstatic", "--no-input", "-v0")
        gunicorn, port = serve_with_access_log(env, args.workers, access_log)
        varnish = VarnishServer(port, PUBLIC_HOST)
        varnish.start()
        os.environ.update(env, KCP_VARNISH_URL=varnish.url)
        import django

        django.setup()
        from members.alerts import sending as alerts
        from papers.models import ReportPage

        group, meeting = alerts_fanout.make_meeting()
        alerts_fanout.make_members(args.members, group)
        report = ReportPage(
            title="Health inequalities in the north of the borough",
            purpose="This paper sets out the gap in life expectancy.",
        )
        meeting.add_child(instance=report)
        report.save_revision().publish()  # purged on commit (nothing cached yet)
        paper = report.url
        access_log.write_text("")  # count from the burst on

        script = work / "percentiles.lua"
        script.write_text(PERCENTILES_LUA)
        readers: dict[str, str] = {}
        burst = threading.Thread(
            target=lambda: readers.update(
                out=wrk(varnish.url + paper, connections=args.readers, seconds=args.seconds,
                        script=script)
            )
        )  # fmt: skip
        burst.start()
        started = time.perf_counter()
        republish = threading.Timer(
            args.seconds / 2, publish_again, [report, report.title + " (corrected)"]
        )
        republish.start()
        queued = alerts.send_due_postings()
        fan_out = time.perf_counter() - started
        burst.join()
        republish.join()
        figures = dict(re.findall(r"^(p50|p95|requests|errors) (\d+)$", readers["out"], re.M))
        reached = sum(paper in line for line in access_log.read_text().splitlines())

        print(
            f"\n{args.readers} readers of a just-published paper through Varnish for "
            f"{args.seconds:.0f} s, while the alert fan-out to {args.members} members ran:"
        )
        print(f"  fan-out: {queued} messages queued in {fan_out:.1f} s")
        print(
            f"  latency p50 {int(figures['p50']) / 1000:.1f} ms, p95 "
            f"{int(figures['p95']) / 1000:.1f} ms (target p95 < 50 ms); "
            f"{figures['requests']} requests, {figures['errors']} errors"
        )
        print("  errors by " + re.search(r"^kinds (.*)$", readers["out"], re.M).group(1))
        # Two purges: the first publish (then nothing was cached yet) and the re-publish.
        print(
            f"  requests that reached gunicorn for the paper: {reached} for 2 purges "
            f"(the publish and the re-publish) = {reached / 2:g} per page per purge (target 1)"
        )

        page = urllib.request.urlopen(
            urllib.request.Request(
                varnish.url + paper, headers={"Host": PUBLIC_HOST, **site_speed.HTTPS}
            )
        ).read()
        css = re.search(rb'<link rel="stylesheet" href="([^"]+)"', page).group(1).decode()
        hit_rate = requests_per_second(wrk(varnish.url + paper, connections=10, seconds=5))
        static_rate = requests_per_second(
            wrk(f"http://127.0.0.1:{port}{css}", connections=10, seconds=5)
        )
        print(
            f"\nwrk, 10 connections, 5 s each: Varnish hit {hit_rate:.0f} req/s; gunicorn "
            f"static file {static_rate:.0f} req/s: a hit runs at "
            f"{100 * hit_rate / static_rate:.0f} % of the static rate (target >= 100 %)"
        )
        print(f"\nEnd: {site_speed.load_average()}")
        from django.db import connections

        connections.close_all()
    finally:
        if varnish is not None:
            varnish.stop()
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        server.stop()
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def serve_with_access_log(env: dict, workers: int, access_log: Path):
    port = site_speed.free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "kcp_site.wsgi:application",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers),
            "--forwarded-allow-ips", "*",
            "--access-logfile", str(access_log),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)
            return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not start: {process.stderr.read()[-2000:]!r}")


if __name__ == "__main__":
    main()
