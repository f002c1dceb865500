"""A task for the tests of run-site.sh: it says it started, then waits to be released, so a
test can kill the worker in the middle of it."""

import time
from pathlib import Path

from django_tasks import task


@task(backend="background")
def wait_for_release(folder: str) -> None:
    folder_path = Path(folder)
    starts = len(list(folder_path.glob("started-*")))
    (folder_path / f"started-{starts + 1}").touch()
    while not (folder_path / "release").exists():
        time.sleep(0.05)  # another process creates the file: there is no event to wait on
    (folder_path / "done").touch()
