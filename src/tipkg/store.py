"""The store stage: the embedded Oxigraph store on disk, written aside and swapped in whole.

A store folder holds `current`, a symbolic link to one `data-<stamp>` folder (the Oxigraph database, the
dumps and the validation reports). A build writes a new data folder and only when it is complete flips
the link (an atomic rename), so a failed or killed build leaves the previous graph readable and queryable.
"""
from __future__ import annotations

import gzip
import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

DEFAULT_STORE = Path("build") / "store"
ONTOLOGY_GRAPH = "https://w3id.org/tipkg/ontology"


class StoreError(RuntimeError):
    """A store that does not exist or cannot be opened."""


def current_data(store: Path) -> Path:
    """The data folder the store's `current` link points to."""
    link = Path(store) / "current"
    if not link.exists():
        raise StoreError(f"no graph in {store}: run `tipkg build` first (or pass --store)")
    return link.resolve()


def open_store(store: Path) -> ox.Store:
    """A read-only Oxigraph store of the current graph."""
    path = current_data(store) / "oxigraph"
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise StoreError(f"cannot open the store in {path}: {e}") from None


class StoreWriter:
    """Writes a new data folder beside the current one; `commit` swaps it in, `discard` removes it."""

    def __init__(self, store: Path):
        self.store = Path(store)
        self.store.mkdir(parents=True, exist_ok=True)
        self._clean_stale()
        stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        self.data = self.store / f"data-{stamp}"
        self.data.mkdir()
        (self.data / "dumps").mkdir()
        (self.data / "reports").mkdir()
        self.oxigraph = ox.Store(str(self.data / "oxigraph"))

    def load(self, nquads: bytes) -> None:
        if nquads:
            self.oxigraph.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)

    def load_graph(self, data: bytes, graph: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> None:
        self.oxigraph.bulk_load(input=data, format=fmt, to_graph=ox.NamedNode(graph))

    def write_dumps(self, canonical_nquads: bytes) -> None:
        """N-Quads (sorted, byte-identical for identical inputs), gzipped N-Quads, TriG."""
        dumps = self.data / "dumps"
        (dumps / "tipkg.nq").write_bytes(canonical_nquads)
        with gzip.GzipFile(dumps / "tipkg.nq.gz", "wb", mtime=0) as f:
            f.write(canonical_nquads)
        self.oxigraph.dump(str(dumps / "tipkg.trig"), format=ox.RdfFormat.TRIG)

    def commit(self) -> Path:
        self.oxigraph.flush()
        self.oxigraph.optimize()
        del self.oxigraph
        link = self.store / "current"
        tmp = self.store / f".current-{os.getpid()}"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        tmp.symlink_to(self.data.name)
        old = link.resolve() if link.exists() else None
        os.replace(tmp, link)  # the atomic swap
        if old and old != self.data and old.exists():
            shutil.rmtree(old, ignore_errors=True)
        return self.data

    def discard(self) -> None:
        if hasattr(self, "oxigraph"):
            del self.oxigraph
        shutil.rmtree(self.data, ignore_errors=True)

    def _clean_stale(self) -> None:
        """Data folders of builds that died before their swap."""
        live = (self.store / "current").resolve() if (self.store / "current").exists() else None
        for d in self.store.glob("data-*"):
            if d != live and d.is_dir():
                pid = d.name.split("-")[2] if d.name.count("-") >= 3 else ""
                if pid.isdigit() and _running(int(pid)) and int(pid) != os.getpid():
                    continue  # another build is writing it
                shutil.rmtree(d, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
