"""The corpora the benchmark builds: the three seeds, plus N documents of the General Assembly corpus taken as
an even spread over its sorted file names (every i*1155/N-th file), so that a small corpus holds the same mix
of draft resolutions (A/80/L.), committee drafts (A/C.1-6) and adopted resolutions (A/RES/78-80) as the whole.
The first N sorted files would be all draft resolutions of one session, shorter than the average document.
Each corpus is copied into a folder of its own. The size `both` is the seeds, the whole General Assembly corpus
and the whole second corpus (../shared/corpus/unhk: UN documents of many organs and decades), each in a subfolder
of its own, as a user builds them together (a folder of folders): their files share names.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".pdf")


@dataclass(frozen=True)
class Corpus:
    name: str  # seeds, 10, 100, all, both
    folder: Path  # the copies the build reads (for both: a folder of folders)
    documents: tuple[Path, ...]  # the copies, sorted
    from_corpus: int  # how many of them come from the corpora (the rest are the seeds)

    @property
    def input_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.documents)

    @property
    def held_out(self) -> Path:
        """The document the incremental rebuild removes and adds back: the corpus's last one; for both corpora, the
        second corpus's last one that the first does not hold too (removing a document another folder holds a copy
        of, such as a seed, would let the copy's cached graph take its place: nothing to reprocess)."""
        if self.name == "both":
            first = {p.name for p in self.documents if p.parent.name == "first"}
            return [p for p in self.documents if p.parent.name == "second" and p.name not in first][-1]
        return self.documents[-1]


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.suffix in SUFFIXES and p.is_file())


def spread(files: list[Path], n: int) -> list[Path]:
    """n files spread evenly over files (all of them when n >= len(files))."""
    if n >= len(files):
        return list(files)
    return [files[i * len(files) // n] for i in range(n)]


def size_count(size: str, available: int) -> int:
    """How many corpus documents a size names: seeds -> 0, all -> every one, else the number (both: see prepare)."""
    if size == "seeds":
        return 0
    if size == "all":
        return available
    return min(int(size), available)


def prepare(size: str, seeds: Path, corpus: Path, into: Path, second: Path | None = None) -> Corpus:
    folder = into / f"documents-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if size == "both":
        copied = 0
        for source, name in ((seeds, "seeds"), (corpus, "first"), (second, "second")):
            (folder / name).mkdir()
            for path in corpus_files(source) if source and source.is_dir() else []:
                shutil.copyfile(path, folder / name / path.name)
                copied += name != "seeds"
        return Corpus(size, folder, tuple(sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES)), copied)
    files = corpus_files(corpus) if corpus.is_dir() else []
    chosen = spread(files, size_count(size, len(files)))
    for path in corpus_files(seeds) + chosen:
        shutil.copyfile(path, folder / path.name)
    return Corpus(size, folder, tuple(corpus_files(folder)), len(chosen))
