"""compose.yaml, checked without Docker Compose (CI machines seldom have it; .ci/run adds
`docker compose config` where they do): every service's command, health check and volume
against the Dockerfile, the Varnish configuration and the README."""

import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management import get_commands

from tests.engine_processes import require
from tests.site_processes import REPO

COMPOSE = yaml.safe_load((REPO / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (REPO / "Dockerfile").read_text()
README = (REPO / "README.md").read_text()
SITE_VCL = (REPO / "deploy" / "varnish" / "site.vcl").read_text()
SITE_SERVICES = ("migrate", "web", "worker", "scheduler")
ENV_EXAMPLE = REPO / "deploy" / "compose.env.example"


def dockerfile_instruction(name: str) -> str:
    return re.search(rf"^{name} (.+)$", DOCKERFILE, re.MULTILINE).group(1)


def production_section() -> str:
    start = README.index("## Production with Docker Compose")
    return README[start : README.index("\n## ", start + 1)]


def test_every_site_service_runs_the_image_the_dockerfile_builds():
    for name in SITE_SERVICES:
        assert SERVICES[name]["build"] == ".", name
        assert SERVICES[name]["image"] == "kcp-site", name


def test_the_web_service_runs_the_dockerfiles_own_command_on_its_exposed_port():
    assert SERVICES["web"]["command"] == json.loads(dockerfile_instruction("CMD"))
    assert f"0.0.0.0:{dockerfile_instruction('EXPOSE')}" in SERVICES["web"]["command"]


def test_the_worker_and_scheduler_run_the_commands_the_dockerfile_and_readme_name():
    commands = get_commands()
    for name in ("migrate", "worker", "scheduler"):
        command = SERVICES[name]["command"]
        assert command[:2] == ["python", "manage.py"], name
        assert command[2] in commands, f"{name}: no manage.py {command[2]}"
    worker = shlex.join(SERVICES["worker"]["command"][2:])
    assert f"manage.py {worker}" in DOCKERFILE
    assert f"manage.py {worker}" in README


def test_every_long_running_service_has_a_health_check_the_others_wait_for():
    for name, service in SERVICES.items():
        if name == "migrate":
            assert service["healthcheck"] == {"disable": True}
            continue
        assert service["healthcheck"]["test"][0] == "CMD", name
    web_check = " ".join(SERVICES["web"]["healthcheck"]["test"])
    assert f"127.0.0.1:8000{settings.HEALTH_CHECK_PATH}" in web_check
    assert settings.HEALTH_CHECK_PATH in dockerfile_instruction("HEALTHCHECK")
    for name in ("web", "worker", "scheduler"):
        waits_for = SERVICES[name]["depends_on"]
        assert waits_for["db"]["condition"] == "service_healthy"
        assert waits_for["migrate"]["condition"] == "service_completed_successfully"


def test_the_database_and_media_live_in_named_volumes_at_the_images_paths():
    assert set(COMPOSE["volumes"]) == {"db", "media"}
    media_root = re.search(r"MEDIA_ROOT=(\S+)", DOCKERFILE).group(1)
    assert json.loads(f'"{dockerfile_instruction("VOLUME")}"') == media_root
    for name in ("web", "worker", "scheduler"):
        assert f"media:{media_root}" in SERVICES[name]["volumes"], name
    assert "db:/var/lib/postgresql/data" in SERVICES["db"]["volumes"]


def test_varnish_reaches_the_web_service_and_only_the_compose_network_may_purge():
    assert re.search(r'\.host = "web";\s*\.port = "8000";', SITE_VCL)
    subnet = COMPOSE["networks"]["kcp"]["ipam"]["config"][0]["subnet"]
    address, bits = subnet.split("/")
    assert f'"{address}"/{bits};' in SITE_VCL
    assert "./deploy/varnish:/etc/varnish:ro" in SERVICES["varnish"]["volumes"]
    assert "-f" in SERVICES["varnish"]["command"]
    assert SERVICES["varnish"]["command"][SERVICES["varnish"]["command"].index("-f") + 1] == (
        "/etc/varnish/kcp.vcl"
    )
    environment = SERVICES["web"]["environment"]
    assert environment["KCP_VARNISH_URL"] == "http://varnish:80"
    assert SERVICES["varnish"]["environment"]["KCP_PUBLIC_HOST"].startswith("${SITE_HOST")


def test_redis_evicts_as_the_readme_says_and_keeps_nothing_on_disk():
    command = SERVICES["redis"]["command"]
    policy = command[command.index("--maxmemory-policy") + 1]
    assert policy == "allkeys-lru"
    assert f"--maxmemory-policy {policy}" in production_section()
    assert command[command.index("--save") + 1] == ""


def test_the_readme_names_every_variable_compose_requires_and_the_example_sets_them():
    required = set(re.findall(r"\$\{(\w+):\?", (REPO / "compose.yaml").read_text()))
    example = dict(
        line.split("=", 1) for line in ENV_EXAMPLE.read_text().splitlines() if "=" in line
    )
    assert required == {
        "SECRET_KEY",
        "KCP_OUTREACH_SUPPRESSION_KEY",
        "POSTGRES_PASSWORD",
        "SITE_HOST",
    }
    assert required <= set(example)
    section = production_section()
    assert "cp deploy/compose.env.example .env" in section
    for name in required:
        assert name in section, name


def test_the_production_vcl_compiles():
    """varnishd -C compiles it as the varnish service would; the backend's host is swapped
    for an address this machine resolves (compose's "web" exists only on its network)."""
    varnishd = require("varnishd", "varnish")
    tmp_path = Path(tempfile.mkdtemp(prefix="vcl"))
    os.chmod(tmp_path, 0o755)  # varnishd's compiler runs unprivileged
    (tmp_path / "site.vcl").write_text(SITE_VCL.replace('"web"', '"127.0.0.1"'))
    shutil.copy(REPO / "deploy" / "varnish" / "kcp.vcl", tmp_path / "kcp.vcl")
    compiled = subprocess.run(
        [
            varnishd,
            "-C",
            "-f",
            str(tmp_path / "kcp.vcl"),
            "-n",
            str(tmp_path / "n"),
            "-p",
            f"vcl_path={tmp_path}",
        ],
        capture_output=True,
        text=True,
    )
    shutil.rmtree(tmp_path)
    assert compiled.returncode == 0, compiled.stderr
