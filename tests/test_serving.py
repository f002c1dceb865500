"""The site as it is started for real: the SQLite default of `make run`, and the Dockerfile's
gunicorn command with production settings. Each runs in its own processes and folder."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCKERFILE = REPO / "Dockerfile"
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(tmp_path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "PG", "KCP_"))
    }
    env.update({"KCP_VAR_DIR": str(tmp_path / "var"), **extra})
    return env


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def fetch(url, headers=None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_until_serving(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read()}")
        try:
            return fetch(url)
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_sqlite_default_migrates_loads_demo_content_and_serves_the_home_page(tmp_path):
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="kcp_site.settings.dev")
    (tmp_path / "var").mkdir()
    assert manage(env, "migrate", "--no-input").returncode == 0
    loaded = manage(env, "load_demo_content")
    assert loaded.returncode == 0, loaded.stderr
    assert (tmp_path / "var" / "kcp.sqlite3").exists()
    journal = subprocess.run(
        [PYTHON, "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("
         "'pragma journal_mode').fetchone()[0])", str(tmp_path / "var" / "kcp.sqlite3")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert journal.stdout.strip() == "wal"
    port = free_port()
    # The same script `make run` uses: web server, worker and scheduler together.
    site = subprocess.Popen(
        ["bash", "scripts/run-site.sh"],
        cwd=REPO, env={**env, "PORT": str(port), "BIN": str(Path(PYTHON).parent)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        status, _, body = wait_until_serving(f"http://127.0.0.1:{port}/", site)
        assert status == 200
        assert b"<h1>Kensington and Chelsea Partnership</h1>" in body
        status, _, body = fetch(f"http://127.0.0.1:{port}/no-such-page/")
        assert status == 404 and b"Page not found" in body and b"Traceback" not in body
        status, _, _ = fetch(f"http://127.0.0.1:{port}/static/css/site.css")
        assert status == 200
        # Every process of the script's session: each runs under a supervisor that restarts it.
        children = subprocess.run(
            ["ps", "-o", "args=", "-s", str(site.pid)], capture_output=True, text=True
        ).stdout
        assert "db_worker" in children and "run_scheduler" in children
    finally:
        site.terminate()  # what Ctrl-C does to the script: it must stop all three
        output, _ = site.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in output
    assert "officer@kcp.example" in output and "Two-factor code now:" in output
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(site.pid, 0)  # no process of the group is left running


def dockerfile_command() -> list[str]:
    """The CMD of the Dockerfile, so this test runs exactly what the image runs."""
    text = (REPO / "Dockerfile").read_text()
    return json.loads(re.search(r"^CMD (\[.*\])$", text, re.MULTILINE).group(1))


def test_dockerfile_gunicorn_command_serves_home_health_check_and_static_files(tmp_path):
    port = free_port()
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="kcp_site.settings.production",
        SECRET_KEY="a-long-random-test-secret-key-" + "x" * 40,
        KCP_OUTREACH_SUPPRESSION_KEY="a-long-random-test-suppression-key-" + "s" * 40,
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        ALLOWED_HOSTS="kcp.example.org",  # the real host name, as in production
        WEB_CONCURRENCY="1",  # gunicorn's own variable, which the image sets
    )
    assert manage(env, "collectstatic", "--no-input", "-v0").returncode == 0
    assert manage(env, "migrate", "--no-input", "-v0").returncode == 0
    command = [
        str(Path(PYTHON).parent / "gunicorn") if part == "gunicorn" else part
        for part in dockerfile_command()
    ]
    assert "--workers" not in command and {"--max-requests", "--max-requests-jitter"} <= set(
        command
    )
    command[command.index("--bind") + 1] = f"127.0.0.1:{port}"
    server = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    https = {"X-Forwarded-Proto": "https", "Host": "kcp.example.org"}
    base = f"http://127.0.0.1:{port}"
    try:
        # The health check answers over plain HTTP (the load balancer's own check), to the
        # container's own address, which ALLOWED_HOSTS does not name...
        status, _, body = wait_until_serving(base + "/health/", server)
        assert (status, body) == (200, b"ok")
        healthcheck = re.search(r"^HEALTHCHECK .* CMD (.*)$", DOCKERFILE.read_text(), re.M)
        docker_check = healthcheck.group(1).replace("python ", f"{PYTHON} ", 1)
        docker_check = docker_check.replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        assert subprocess.run(docker_check, shell=True, timeout=10).returncode == 0
        # ...while everything else is sent to HTTPS...
        status, headers, _ = fetch(base + "/", {"Host": "kcp.example.org"})
        assert status == 301 and headers["Location"].startswith("https://")
        # ...and served when the proxy says the request came over TLS.
        status, headers, body = fetch(base + "/", https)
        assert status == 200, body[:500]
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "max-age" in headers["Strict-Transport-Security"]
        assert headers["Cache-Control"].startswith("public, max-age=")
        stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', body).group(1)
        status, headers, _ = fetch(base + stylesheet.decode(), https)
        assert status == 200
        assert "immutable" in headers.get("Cache-Control", "")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_image_makes_media_root_a_volume_its_user_owns():
    text = (REPO / "Dockerfile").read_text()
    media_root = re.search(r"MEDIA_ROOT=(\S+)", text).group(1)
    assert f"mkdir -p {media_root}" in text and "chown -R kcp:kcp /var/lib/kcp" in text
    assert re.search(rf"^VOLUME {media_root}$", text, re.MULTILINE)
    assert text.index("chown -R kcp:kcp") < text.index("USER kcp") < text.index("VOLUME")
    assert re.search(r"^FROM python:3\.11\.\d+-slim-\w+$", text, re.MULTILINE)
    assert "WEB_CONCURRENCY=" in text


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="kcp_site.settings.production")
    result = manage(env, "check")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "SECRET_KEY is not set: production settings refuse to start without it."
    )


def test_production_settings_refuse_to_start_without_the_outreach_suppression_key(tmp_path):
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="kcp_site.settings.production",
        SECRET_KEY="a-long-random-test-secret-key-" + "x" * 40,
    )
    result = manage(env, "check")
    assert result.returncode != 0
    assert result.stderr.strip().startswith(
        "KCP_OUTREACH_SUPPRESSION_KEY is not set: production settings refuse to start"
    )


def test_make_runs_settings_make_a_suppression_key_once_and_keep_it(tmp_path):
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="kcp_site.settings.dev")
    show = "from django.conf import settings; print(settings.KCP_OUTREACH_SUPPRESSION_KEY)"

    first = manage(env, "shell", "--no-imports", "-c", show)
    second = manage(env, "shell", "--no-imports", "-c", show)

    key_file = tmp_path / "var" / "outreach-suppression.key"
    assert first.returncode == 0, first.stderr
    assert len(first.stdout.strip()) >= 48
    assert second.stdout == first.stdout
    assert key_file.read_text() == first.stdout.strip()
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="kcp_site.settings.production",
        SECRET_KEY="b1" + "k3y-that-is-long-and-random-enough-for-django-check" * 2,
        KCP_OUTREACH_SUPPRESSION_KEY="a-long-random-test-suppression-key-" + "s" * 40,
        DATABASE_URL="postgres://kcp@localhost/kcp",
    )
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
