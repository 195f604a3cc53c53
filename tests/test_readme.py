"""The README's tour, run as written: every command shown after `$ ` in a code block runs, in order, in a scratch
project (the repository's data, Makefile and virtual environment linked in), and prints what the README shows
below it. A README example that drifts from what the commands do fails here.

How the shown output is compared: line by line, after trailing spaces; a line `...` stands for any number of
lines; `...` or `…` inside a line stands for any text (a truncated cell, a folder's time stamp); a duration
(`in 4.2 s`) matches any duration. Commands ending in `&` start a server in the background (its output is not
shown); the ports the README uses are replaced by free ones, and paths under /srv by the scratch folder.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO, tipkg_command
from test_build_validation import JAPAN, QATAR, write_report

README = REPO / "README.md"
PORT = re.compile(r"127\.0\.0\.1:(\d{4,5})")
DURATION = re.compile(r"\d+(?:\.\d+)? s\b")


@dataclass
class Example:
    line: int              # where the command is in the README
    command: str
    expected: list[str] = field(default_factory=list)

    @property
    def background(self) -> bool:
        return self.command.rstrip().endswith("&")


def examples(text: str) -> list[Example]:
    """The `$ ` commands of the README's code blocks, each with the output shown under it."""
    found: list[Example] = []
    in_block, current = False, None
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            in_block, current = not in_block, None
        elif in_block and line.startswith("$ "):
            command, start = line[2:], i + 1
            while command.endswith("\\") and i + 1 < len(lines):  # a command continued on the next line
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            current = Example(start, command)
            found.append(current)
        elif in_block and current is not None:
            current.expected.append(line.rstrip())
        i += 1
    for example in found:
        while example.expected and not example.expected[-1]:
            example.expected.pop()
    return found


EXAMPLES = examples(README.read_text(encoding="utf-8"))


def _pattern(line: str) -> re.Pattern:
    parts = re.split(r"(\.\.\.|…|\d+(?:\.\d+)? s\b)", line)
    regex = "".join(".*" if p in ("...", "…") else r"\d+(?:\.\d+)? s" if DURATION.fullmatch(p) else re.escape(p)
                    for p in parts)
    return re.compile(regex)


def shows(expected: list[str], actual: list[str]) -> bool:
    """Whether the actual lines are what the README shows (`...` lines skipping any number of lines)."""
    def match(e: int, a: int) -> bool:
        if e == len(expected):
            return a == len(actual)
        if expected[e].strip() in ("...", "…"):
            return any(match(e + 1, k) for k in range(a, len(actual) + 1))
        return a < len(actual) and _pattern(expected[e]).fullmatch(actual[a]) is not None and match(e + 1, a + 1)
    return match(0, 0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the background command ended: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(0.5)  # the port opens a moment before the server answers
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def tour(tmp_path_factory) -> dict[int, tuple[str, list[str]]]:
    """Every example run in order in one scratch project: line -> (command as run, output lines)."""
    project = tmp_path_factory.mktemp("readme")
    for name in ("data", "Makefile", "pyproject.toml", ".venv"):
        (project / name).symlink_to(REPO / name)
    (project / "srv").mkdir()  # where the README's server keeps its database (/srv on a real machine)
    write_report(project / "docs", QATAR, JAPAN)  # the report of the SHACL example: a ratification after its date
    ports = {p: _free_port() for p in sorted(set(PORT.findall(README.read_text(encoding="utf-8"))))}
    bin_dir = str(Path(tipkg_command()[0]).parent)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "200"}
    env.pop("TIPKG_ENDPOINT_PASSWORD", None)
    for inherited in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS"):  # under `make test`, make would announce its directories
        env.pop(inherited, None)
    background: list[subprocess.Popen] = []
    results: dict[int, tuple[str, list[str]]] = {}
    try:
        for example in EXAMPLES:
            command = re.sub(r"\b\d{4,5}\b", lambda m: str(ports.get(m[0], m[0])), example.command)
            command = command.replace(" /srv/", f" {project}/srv/")
            if command.startswith("make "):  # the suite runs inside the installed environment: do not reinstall
                command = command.replace("make ", "make -o .venv/.installed ", 1)
            if example.background:
                log = project / f"background-{example.line}.log"
                process = subprocess.Popen(["bash", "-c", command[:-1]], cwd=project, env=env,
                                           stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
                background.append(process)
                _wait_for(next(p for readme_port, p in ports.items() if readme_port in example.command), process, log)
                results[example.line] = (command, [])
                continue
            run = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=project, env=env,
                                 capture_output=True, text=True, timeout=600)
            output = run.stdout + run.stderr
            for readme_port, port in ports.items():
                output = output.replace(f"127.0.0.1:{port}", f"127.0.0.1:{readme_port}")
            output = output.replace(str(project) + "/", "")
            results[example.line] = (command, [line.rstrip() for line in output.rstrip("\n").splitlines()])
    finally:
        for process in background:
            with_group = os.getpgid(process.pid) if process.poll() is None else None
            if with_group:
                os.killpg(with_group, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(with_group, signal.SIGKILL)
    return results


def test_the_readme_has_a_tour_to_run():
    assert len(EXAMPLES) >= 8 and any(e.command == "make run" for e in EXAMPLES)


SHOWN = [e for e in EXAMPLES if not e.background]  # a server started in the background shows nothing itself


@pytest.mark.parametrize("example", SHOWN, ids=[f"README:{e.line}" for e in SHOWN])
def test_a_readme_example_prints_what_the_readme_shows(example, tour):
    command, actual = tour[example.line]
    assert shows(example.expected, actual), (
        f"README line {example.line}: `{command}` printed\n" + "\n".join(actual)
        + "\n\nwhere the README shows\n" + "\n".join(example.expected))


def test_the_comparison_can_fail():
    """The matching rules are lenient about durations and truncations only."""
    assert shows(["Built 3 documents in 4.2 s", "...", "SHACL: conforms"],
                 ["Built 3 documents in 0.9 s", "a", "b", "SHACL: conforms"])
    assert not shows(["Built 3 documents in 4.2 s"], ["Built 4 documents in 4.2 s"])
    assert not shows(["2016  UNODC"], ["2016  UNODC", "2017  OHCHR"])  # a line the README does not show
    assert shows(["2017  Office of the United Nations High Commissio…"],
                 ["2017  Office of the United Nations High Commissio…"])
