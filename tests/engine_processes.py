"""Real Varnish and Redis servers for the tests, started from Debian's binaries in a temp dir,
on free ports, dying with the test process. A missing binary is an error naming the package
to install, never a skip: CI (.ci/run) installs both."""

import ctypes
import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.site_processes import REPO, free_port

PR_SET_PDEATHSIG = 1
DEPLOY_VARNISH = REPO / "deploy" / "varnish"
PUBLIC_HOST = "testserver"  # WAGTAILADMIN_BASE_URL's host in the test settings


def _die_with_parent() -> None:
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def require(binary: str, package: str) -> str:
    found = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/usr/bin")
    if found is None:
        raise RuntimeError(
            f"{binary} is needed for these tests (the production set-up runs it). "
            f"Install it with: apt-get install -y {package}"
        )
    return found


def wait_for_port(port: int, process: subprocess.Popen, name: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise RuntimeError(f"{name} did not start: {output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not listen within {seconds} s.") from None
            time.sleep(0.05)


class RedisServer:
    """redis-server on 127.0.0.1, nothing saved to disk; can be killed and started again."""

    def __init__(self) -> None:
        self.binary = require("redis-server", "redis-server")
        self.base_dir = Path(tempfile.mkdtemp(prefix="redis"))
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self.base_dir),
                "--maxmemory", "64mb",
                "--maxmemory-policy", "allkeys-lru",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=_die_with_parent,
        )  # fmt: skip
        wait_for_port(self.port, self.process, "redis-server")

    def kill(self) -> None:
        """As if the server crashed: SIGKILL, no goodbye to the clients."""
        if self.is_running:
            self.process.kill()
            self.process.wait(timeout=10)

    def key_count(self) -> int:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as conn:
            conn.sendall(b"DBSIZE\r\n")
            return int(conn.recv(64).decode().strip().lstrip(":"))

    def stop(self) -> None:
        if self.is_running:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.base_dir, ignore_errors=True)


class VarnishServer:
    """varnishd in the foreground with deploy/varnish/kcp.vcl in front of `backend_port`,
    purges and bans allowed from 127.0.0.1. `vcl` replaces kcp.vcl (the control tests' careless
    rules)."""

    def __init__(self, backend_port: int, public_host: str, vcl: str | None = None) -> None:
        self.binary = require("varnishd", "varnish")
        self.base_dir = Path(tempfile.mkdtemp(prefix="varnish"))
        os.chmod(self.base_dir, 0o755)  # varnishd's unprivileged child reads the VCL
        self.port = free_port()
        self.public_host = public_host
        (self.base_dir / "site.vcl").write_text(
            f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
            'acl purgers { "127.0.0.1"; }\n'
        )
        self.vcl_file = DEPLOY_VARNISH / "kcp.vcl"
        if vcl is not None:
            self.vcl_file = self.base_dir / "careless.vcl"
            self.vcl_file.write_text(vcl)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "-F",
                "-a", f"127.0.0.1:{self.port}",
                "-T", "none",
                "-f", str(self.vcl_file),
                "-p", f"vcl_path={self.base_dir}:{DEPLOY_VARNISH}",
                "-n", str(self.base_dir / "work"),
                "-s", "malloc,64m",
                # Bans are checked at lookup: the lurker need not hurry.
                "-p", "ban_lurker_sleep=0.1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "KCP_PUBLIC_HOST": self.public_host},
            preexec_fn=_die_with_parent,
        )  # fmt: skip
        wait_for_port(self.port, self.process, "varnishd")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.base_dir, ignore_errors=True)


@dataclasses.dataclass
class Answer:
    status: int
    headers: dict
    text: str

    @property
    def cache(self) -> str:
        """hit, miss or pass, as Varnish says (deploy/varnish/kcp.vcl)."""
        return self.headers.get("x-cache", "")


class Front:
    """Reads the site through a Varnish server, as a reader's browser would."""

    def __init__(self, server) -> None:
        self.server = server

    def get(self, path: str, cookies: dict | None = None) -> Answer:
        headers = {"Host": PUBLIC_HOST}
        if cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        request = urllib.request.Request(self.server.url + path, headers=headers)
        try:
            with _NOT_FOLLOWING_REDIRECTS.open(request, timeout=10) as response:
                return Answer(response.status, _lower(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, _lower(error.headers), error.read().decode())

    def within(self, seconds: float, path: str, shows) -> Answer:
        """The first answer for `path` that `shows` accepts, asked until `seconds` pass."""
        deadline = time.monotonic() + seconds
        while True:
            answer = self.get(path)
            if shows(answer) or time.monotonic() > deadline:
                return answer
            time.sleep(0.05)


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect itself is the answer


_NOT_FOLLOWING_REDIRECTS = urllib.request.build_opener(_KeepRedirects)


def _lower(headers) -> dict:
    return {name.lower(): value for name, value in headers.items()}
