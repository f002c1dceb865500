"""The hostile-parameter tests of test_fuzzing.py again on SQLite (the database of `make
run`), whose full-text search chokes on other characters than PostgreSQL's: in a process of
their own, since the suite's database is PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FUZZ_TESTS = Path(__file__).with_name("test_fuzzing.py")


def test_hostile_parameters_get_no_server_error_on_sqlite_either(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env.update(KCP_TEST_DATABASE="sqlite", KCP_VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(FUZZ_TESTS), "-q", "-p", "no:randomly",
         "-p", "no:xdist"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-5000:]
    assert "10 passed" in result.stdout, result.stdout[-2000:]
