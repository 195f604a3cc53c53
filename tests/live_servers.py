"""Real servers for the end-to-end tests of serving and pushing: `tipkg serve`, an Oxigraph server and
OpenLink Virtuoso, each started on free loopback ports in a folder of its own, awaited until it answers a
query, and stopped (then killed if it lingers) when the test module is done.
"""
from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from conftest import tipkg_command
from tipkg.remote import group_concat_columns

STARTUP_S = 90  # Virtuoso creates its database on first start; a busy machine with two cores is slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, log: Path, params: dict | None = None) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, params=params, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{process.args[0]} did not answer at {url} within {STARTUP_S} s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def running(command: list[str], ready_url: str, folder: Path,
            params: dict | None = None) -> Iterator[subprocess.Popen]:
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=folder)
    try:
        wait_until_answering(ready_url, process, log, params)
        yield process
    finally:
        stop(process)


@contextlib.contextmanager
def tipkg_server(store: Path, folder: Path, *options: str) -> Iterator[str]:
    """`tipkg serve` on a store; yields the base URL (the endpoint is base + /sparql)."""
    with tipkg_serving(store, folder, *options) as served:
        yield served.base


@dataclass
class Served:
    base: str                   # the endpoint is base + /sparql
    process: subprocess.Popen   # the server's own process (its query workers are its children)
    log: Path


@contextlib.contextmanager
def tipkg_serving(store: Path, folder: Path, *options: str) -> Iterator[Served]:
    """`tipkg serve` on a store, with its process and its log, for the tests that watch them."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = tipkg_command() + ["serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port), *options]
    with running(command, base + "/health", folder) as process:
        yield Served(base, process, folder / "server.log")


def oxigraph_binary() -> str:
    found = Path(sys.executable).parent / "oxigraph"
    if found.exists():
        return str(found)
    which = shutil.which("oxigraph")
    if not which:
        pytest.skip("no `oxigraph` server: pip install oxigraph (a test dependency of tipkg)")
    return which


@contextlib.contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """An Oxigraph server with its own database folder; yields its query endpoint (…/query)."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"]
    endpoint = f"http://127.0.0.1:{port}/query"
    with running(command, endpoint, folder, {"query": "ASK {}"}):
        yield endpoint


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 2000
MaxDirtyBuffers = 1200

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
EnabledDavVSP = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


@contextlib.contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """OpenLink Virtuoso (Debian's virtuoso-opensource) with a fresh database, whose administrator is dba
    with password dba; yields its query endpoint (…/sparql)."""
    binary = shutil.which("virtuoso-t")
    if not binary:
        pytest.skip("no virtuoso-t: `make test` installs virtuoso-opensource (scripts/install-system-deps)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=free_port(), http_port=http_port))
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    with running([binary, "+configfile", str(ini), "+foreground"], endpoint, folder, {"query": "ASK {}"}):
        yield endpoint


# --- comparing rows across engines ------------------------------------------------------------------

def comparable(rows: list[dict], sparql: str) -> list[tuple]:
    """Rows as a sorted list, for comparing the answers of two engines. SPARQL 1.1 leaves the order of the
    values a GROUP_CONCAT joins to the engine (Oxigraph and Virtuoso differ), so those lists are compared
    as sorted lists; every other value is compared as it is."""
    lists = group_concat_columns(sparql)

    def value(column: str, v: str | None) -> str:
        if v is None:
            return "\0unbound"  # apart from "", and sortable with strings
        if column not in lists:
            return v
        return lists[column].join(sorted(v.split(lists[column])))

    return sorted(tuple((k, value(k, v)) for k, v in sorted(row.items())) for row in rows)
