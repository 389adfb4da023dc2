"""Docker test fixtures: one engine check, locally built images, a Compose runner.

Where no Docker engine answers, every test here skips with one reason. Where it
answers, nothing skips: a failing image build or a missing Compose tool is a failure.
Images are built by deploy/build-images, which only rebuilds what changed (base
images are cached by tag, debootstrap tarballs and wheels in ~/.cache/sitrep-images).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Read by testcontainers when it is first imported: the Ryuk reaper image cannot be
# pulled here, so the fixtures below remove every container they start themselves.
os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")

__all__ = ["Compose", "DockerImages", "docker_cli"]

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "deploy" / "build-images"
COMPOSE_FILE = REPO / "deploy" / "compose.yaml"
BUILD_TIMEOUT_S = 1800


def _engine_problem() -> str | None:
    """Why no Docker engine can be used, or None when one answers."""
    try:
        import docker  # noqa: PLC0415 - the SDK comes with testcontainers
    except ImportError:
        return "the docker SDK (installed with testcontainers) is missing"
    try:
        client = docker.from_env(timeout=10)
        client.ping()
        client.close()
    except Exception as exc:  # noqa: BLE001 - any failure means "no engine here"
        return f"no Docker engine reachable ({type(exc).__name__})"
    return None


_SKIP_PREFIX = "Docker tests skipped: "


def _skip_no_engine(problem: str) -> None:
    pytest.skip(_SKIP_PREFIX + problem)


@pytest.fixture(scope="session")
def docker_engine() -> None:
    """Skip when no engine answers; where it answers nothing may skip (a missing CLI fails)."""
    problem = _engine_problem()
    if problem is not None:
        _skip_no_engine(problem)
    if shutil.which("docker") is None:
        pytest.fail("a Docker engine answers but the `docker` CLI is not on PATH")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Report every "no engine" skip at one location, so `-ra` prints ONE reason line."""
    outcome = yield
    report = outcome.get_result()
    longrepr = report.longrepr
    if report.skipped and isinstance(longrepr, tuple) and str(longrepr[2]).startswith(
        "Skipped: " + _SKIP_PREFIX
    ):
        line = _skip_no_engine.__code__.co_firstlineno  # 0-based next line: the skip call
        report.longrepr = (str(Path(__file__)), line, longrepr[2])


@pytest.fixture(autouse=True)
def _needs_docker(docker_engine: None) -> None:
    """Every test in this folder needs the engine."""


def docker_cli(*args: str, timeout: float = 120, check: bool = True) -> str:
    """Run ``docker ARGS`` and return stdout; on failure, show stderr in the error."""
    proc = subprocess.run(  # noqa: S603 - fixed executable, our own arguments
        ["docker", *args], capture_output=True, text=True, timeout=timeout, check=False
    )
    if check and proc.returncode != 0:
        msg = f"docker {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
        raise AssertionError(msg)
    return proc.stdout


@dataclass(frozen=True)
class DockerImages:
    """Tags of the locally built images."""

    app: str
    redis: str


@pytest.fixture(scope="session")
def images(docker_engine: None) -> DockerImages:
    """Build (or reuse) the images once per session with deploy/build-images."""
    tags = DockerImages(
        app=os.environ.get("SITREP_IMAGE", "sitrep:local"),
        redis=os.environ.get("SITREP_REDIS_IMAGE", "sitrep-redis:bookworm"),
    )
    if os.environ.get("SITREP_SKIP_IMAGE_BUILD") == "1":  # e.g. CI built them in a prior step
        return tags
    started = time.monotonic()
    proc = subprocess.run(  # noqa: S603 - our own script
        ["bash", str(BUILD_SCRIPT)],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False, cwd=REPO,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"deploy/build-images failed ({proc.returncode}):\n{proc.stderr[-4000:]}",
            pytrace=False,
        )
    print(f"\n[docker] images ready in {time.monotonic() - started:.1f}s\n{proc.stderr}")  # noqa: T201
    return tags


def _compose_command() -> list[str]:
    """`docker compose` (v2 plugin) when it works, else `docker-compose` (v1)."""
    probe = subprocess.run(
        ["docker", "compose", "version"], capture_output=True, check=False  # noqa: S607
    )
    if probe.returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    pytest.fail("a Docker engine runs but neither `docker compose` nor `docker-compose` exists")
    raise AssertionError  # unreachable: pytest.fail raises


@dataclass
class Compose:
    """One Compose project of deploy/compose.yaml, with its own name and environment."""

    command: list[str]
    project: str
    env: dict[str, str] = field(default_factory=dict)

    def run(self, *args: str, timeout: float = 180, check: bool = True) -> str:
        proc = subprocess.run(  # noqa: S603 - the Compose tool with our arguments
            [*self.command, "-p", self.project, "-f", str(COMPOSE_FILE), *args],
            capture_output=True, text=True, timeout=timeout, check=False,
            env={**os.environ, **self.env}, cwd=COMPOSE_FILE.parent,
        )
        if check and proc.returncode != 0:
            msg = f"compose {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
            raise AssertionError(msg)
        return proc.stdout + proc.stderr

    def container_ids(self, service: str) -> list[str]:
        """Running containers of ``service`` (by label: same with Compose v1 and v2)."""
        out = docker_cli(
            "ps", "-q", "--no-trunc",
            "--filter", f"label=com.docker.compose.project={self.project}",
            "--filter", f"label=com.docker.compose.service={service}",
        )
        return sorted(out.split())

    def redis_cli(self, *args: str) -> list[str]:
        """Run redis-cli INSIDE the Redis container; raw replies, one element a line."""
        (redis,) = self.container_ids("redis")
        out = docker_cli("exec", redis, "redis-cli", *args)
        return out.splitlines()

    def logs(self) -> str:
        return self.run("logs", "--no-color", "--tail", "40", check=False, timeout=60)

    def down(self) -> None:
        self.run("down", "-v", "--remove-orphans", "-t", "5", check=False, timeout=120)


@pytest.fixture
def compose_projects(images: DockerImages) -> Iterator[Callable[..., Compose]]:
    """A factory of fresh, uniquely named projects; each is `down -v`-ed at teardown."""
    command = _compose_command()
    made: list[Compose] = []

    def make(**env: str) -> Compose:
        project = Compose(
            command=command,
            project=f"sitreptest{uuid.uuid4().hex[:10]}",
            env={"SITREP_IMAGE": images.app, "SITREP_REDIS_IMAGE": images.redis, **env},
        )
        made.append(project)
        return project

    try:
        yield make
    finally:
        for project in made:
            project.down()
