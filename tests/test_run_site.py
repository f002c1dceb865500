"""`make run` survives a dead worker: scripts/run-site.sh starts it again while the web server
keeps serving, and the task the worker was running is run again after the lease."""

import os
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.site_processes import REPO, copy_site, free_port, manage, site_environment


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition, timeout: float, what: str) -> None:
    """Wait for another process to do something (it has no way to tell us but the files it
    writes and the port it opens)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def status_of(url: str) -> int | str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except OSError as error:
        return repr(error)


class Visitor(threading.Thread):
    """Keeps asking for the home page and the health check, recording every answer."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.answers: list[int | str] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.05):
            self.answers.append(status_of(self.base + "/"))
            self.answers.append(status_of(self.base + "/health/"))


@pytest.fixture
def site(migrated_sqlite_site, tmp_path):
    var_dir = copy_site(migrated_sqlite_site, tmp_path / "var")
    port = free_port()
    console = open(tmp_path / "console.log", "w+")
    environment = site_environment(
        var_dir,
        BIN=str(Path(os.environ.get("VIRTUAL_ENV", REPO / ".venv")) / "bin"),
        PORT=str(port),
        KCP_TASK_LEASE_SECONDS="1",
        KCP_SCHEDULER_TICK_SECONDS="0.05",
        KCP_RESTART_DELAY_SECONDS="0.1",
    )
    script = subprocess.Popen(
        ["bash", "scripts/run-site.sh"],
        cwd=REPO,
        env=environment,
        stdout=console,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: status_of(base + "/health/") == 200, 60, "the web server")
        yield {"base": base, "var_dir": var_dir, "console": console, "script": script}
    finally:
        if script.poll() is None:
            script.send_signal(signal.SIGTERM)
            try:
                script.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(script.pid, signal.SIGKILL)
        console.close()


# Each starts the site's five processes (and, first in a test process, migrates a SQLite
# database): minutes on a loaded two-core machine, more than the suite's 300-second default.
@pytest.mark.timeout(900)
def test_a_killed_worker_is_restarted_its_task_rerun_and_the_web_server_serves_throughout(
    site, tmp_path
):
    var_dir, run_dir = site["var_dir"], site["var_dir"] / "run"
    marks = tmp_path / "marks"
    marks.mkdir()
    manage(
        var_dir,
        "shell",
        "-c",
        "from tests.home.background_tasks import wait_for_release; "
        f"wait_for_release.enqueue({str(marks)!r})",
    )
    wait_until(lambda: (marks / "started-1").exists(), 30, "the worker to start the task")
    visitor = Visitor(site["base"])
    visitor.start()

    first_worker = int((run_dir / "worker.pid").read_text())
    os.kill(first_worker, signal.SIGKILL)
    wait_until(
        lambda: (run_dir / "worker.pid").read_text().strip() not in ("", str(first_worker)),
        30,
        "a new worker",
    )
    (marks / "release").touch()
    wait_until(lambda: (marks / "done").exists(), 60, "the task to be run again")
    visitor.stopped.set()
    visitor.join()

    assert (marks / "started-2").exists()  # run again by the new worker, after the lease
    assert is_alive(int((run_dir / "worker.pid").read_text()))
    assert visitor.answers and set(visitor.answers) == {200}
    site["console"].seek(0)
    console = site["console"].read()
    assert "KCP: the worker stopped (exit status 137); starting it again" in console
    assert "The rest of the site keeps running." in console


@pytest.mark.timeout(900)
def test_ctrl_c_stops_the_web_server_the_worker_and_the_scheduler(site):
    run_dir = site["var_dir"] / "run"
    pids = [int((run_dir / f"{name}.pid").read_text()) for name in ("web", "worker", "scheduler")]
    site["script"].send_signal(signal.SIGINT)
    site["script"].wait(timeout=120)
    wait_until(lambda: not any(is_alive(pid) for pid in pids), 60, "every process to stop")
    assert status_of(site["base"] + "/health/") != 200
