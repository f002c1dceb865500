"""A throwaway PostgreSQL server for one test run, started from Debian's binaries.

It listens on a unix socket only (no port, nothing on the network), runs as the `postgres`
user when the tests run as root (initdb refuses root), and dies with the test process."""

import ctypes
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL is needed for the test suite (it is the production database). "
    "Install it with: apt-get install -y postgresql"
)
PR_SET_PDEATHSIG = 1


def find_postgres_bin() -> Path:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "postgres").exists():
            return candidate
    raise RuntimeError(INSTALL_HINT)


def _die_with_parent() -> None:
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class ThrowawayPostgres:
    running: "ThrowawayPostgres | None" = None  # this test process's server, once started

    def __init__(self) -> None:
        self.bin_dir = find_postgres_bin()
        # A short path in the system temp dir: a socket path may not exceed 107 bytes.
        self.base_dir = Path(tempfile.mkdtemp(prefix="pg", dir="/tmp"))
        self.data_dir = self.base_dir / "data"
        self.socket_dir = self.base_dir
        self.process: subprocess.Popen | None = None
        self.run_as = {}
        if os.geteuid() == 0:
            postgres_user = pwd.getpwnam("postgres")
            os.chown(self.base_dir, postgres_user.pw_uid, postgres_user.pw_gid)
            self.run_as = {"user": "postgres", "group": "postgres", "extra_groups": []}

    def start(self) -> str:
        subprocess.run(
            [
                str(self.bin_dir / "initdb"),
                "-D", str(self.data_dir),
                "-U", "postgres",
                "-A", "trust",
                "-E", "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            cwd=self.base_dir,
            **self.run_as,
        )  # fmt: skip
        ThrowawayPostgres.running = self
        return self._launch()

    def _launch(self) -> str:
        self.process = subprocess.Popen(
            [
                str(self.bin_dir / "postgres"),
                "-D", str(self.data_dir),
                "-k", str(self.socket_dir),
                "-h", "",
                "-F",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=50",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.base_dir,
            preexec_fn=_die_with_parent,  # the server must die with pytest, even a killed one
            **self.run_as,
        )  # fmt: skip
        socket = self.socket_dir / ".s.PGSQL.5432"
        deadline = time.monotonic() + 30
        while not socket.exists():
            if self.process.poll() is not None:
                raise RuntimeError(f"PostgreSQL did not start: {self.process.stderr.read()!r}")
            if time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL did not start within 30 seconds.")
            time.sleep(0.05)
        # The socket appears slightly before the server accepts connections.
        for _ in range(100):
            ready = subprocess.run(
                [str(self.bin_dir / "pg_isready"), "-h", str(self.socket_dir), "-U", "postgres"],
                capture_output=True,
            )
            if ready.returncode == 0:
                break
            time.sleep(0.05)
        return str(self.socket_dir)

    def restart(self) -> None:
        """A fast shutdown and a start on the same data, as an operator's restart: every open
        connection is cut."""
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)
        (self.socket_dir / ".s.PGSQL.5432").unlink(missing_ok=True)
        self._launch()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.base_dir, ignore_errors=True)
