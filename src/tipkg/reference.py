"""The gazetteers of data/reference: names, aliases, acronyms and codes of States, organizations and
bodies, instruments, well-known initiatives, stakeholder groups, places and SDG goals and targets.
They never hold a relation."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tipkg.model import Entity

REFERENCE_DIR = Path(os.environ.get("TIPKG_REFERENCE", Path(__file__).resolve().parents[2] / "data" / "reference"))

STATE_CLASSES = {"member": "MemberState", "observer": "ObserverState", "territory": "Territory"}
PLACE_CLASSES = {"city": "City", "region": "Region", "subregion": "Region", "area": "Place"}
INSTRUMENT_CLASSES = {"Convention", "Protocol", "PlanOfAction", "Compact", "Declaration", "Agenda", "Charter",
                      "Framework"}


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: the entity and every way texts write it."""

    entity: Entity
    names: tuple[str, ...]  # official name, short name and aliases
    acronyms: tuple[str, ...] = ()
    short_forms: tuple[str, ...] = ()  # "the Office": resolved in context, never alone
    parent: str | None = None
    demonyms: tuple[str, ...] = ()
    codes: dict = field(default_factory=dict, hash=False, compare=False)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Gazetteer:
    """Every entry of the reference tables, with lookups by key and by written form."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_key: dict[tuple[str, str], Entry] = {(e.entity.kind, e.entity.key): e for e in entries}

    def get(self, kind: str, key: str) -> Entry | None:
        return self.by_key.get((kind, key))

    def entity(self, kind: str, key: str) -> Entity | None:
        entry = self.get(kind, key)
        return entry.entity if entry else None

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.entity.kind == kind]

    def parent_of(self, entity: Entity) -> Entity | None:
        entry = self.get(entity.kind, entity.key)
        return self.entity(entity.kind, entry.parent) if entry and entry.parent else None


def load_gazetteer(folder: Path = REFERENCE_DIR) -> Gazetteer:
    folder = Path(folder)
    entries: list[Entry] = []
    for row in _rows(folder / "states.csv"):
        entity = Entity("state", row["key"], row["name"], (STATE_CLASSES.get(row["status"], "State"),))
        entries.append(Entry(entity, (row["name"],) + _split(row.get("aliases")) + _formal(row.get("formal_name")),
                             demonyms=_split(row.get("demonyms")),
                             codes={"iso3": row["key"], "m49": row.get("m49") or None, "status": row["status"]}))
    for row in _rows(folder / "organizations.csv"):
        acronym = row.get("acronym") or None
        entity = Entity("organization", row["key"], row["name"], (row["class"],), acronym)
        entries.append(Entry(entity, (row["name"],) + _split(row.get("aliases")),
                             acronyms=(acronym,) if acronym else (), short_forms=_split(row.get("short_forms")),
                             parent=row.get("parent") or None, codes={"established": row.get("established") or None}))
    for row in _rows(folder / "instruments.csv"):
        cls = row["class"] if row["class"] in INSTRUMENT_CLASSES else "Instrument"
        entity = Entity("instrument", row["key"], row.get("short_name") or row["name"], (cls,))
        names = (row["name"],) + ((row["short_name"],) if row.get("short_name") else ()) + _split(row.get("aliases"))
        entries.append(Entry(entity, names, short_forms=_split(row.get("short_forms"))))
    for row in _rows(folder / "initiatives.csv"):
        acronym = row.get("acronym") or None
        entity = Entity("initiative", row["key"], row["name"], (row.get("class") or "Initiative",), acronym)
        entries.append(Entry(entity, (row["name"],) + _split(row.get("aliases")), acronyms=(acronym,) if acronym else ()))
    for row in _rows(folder / "groups.csv"):
        entity = Entity("group", row["key"], row["name"], (row.get("class") or "StakeholderGroup",))
        entries.append(Entry(entity, (row["name"],) + _split(row.get("aliases"))))
    for row in _rows(folder / "places.csv"):
        entity = Entity("place", row["key"], row["name"], (PLACE_CLASSES.get(row["kind"], "Place"),))
        entries.append(Entry(entity, (row["name"],) + _split(row.get("aliases")),
                             codes={"country": row.get("country") or None, "kind": row["kind"]}))
    for row in _rows(folder / "sdg.csv"):
        kind = "sdg-goal" if row["kind"] == "goal" else "sdg-target"
        label = f"SDG {row['key']}" if kind == "sdg-goal" else f"Target {row['key']}"
        entity = Entity(kind, row["key"], label, ("SDGGoal" if kind == "sdg-goal" else "SDGTarget",))
        entries.append(Entry(entity, (), codes={"goal": row.get("goal") or None, "text": row.get("label") or None}))
    return Gazetteer(entries)


def _formal(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    name = name.strip()
    return (name[4:] if name.lower().startswith("the ") else name,)


@lru_cache(maxsize=4)
def gazetteer(folder: str | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return load_gazetteer(Path(folder) if folder else REFERENCE_DIR)


@lru_cache(maxsize=4)
def document_series(folder: str | None = None) -> dict[str, str]:
    """Symbol series -> issuing organ ("A/HRC" -> "Human Rights Council"), from series.csv."""
    path = (Path(folder) if folder else REFERENCE_DIR) / "series.csv"
    return {row["prefix"]: row["body"] for row in _rows(path)}


def series_of(symbol: str) -> tuple[str, str] | None:
    """The longest listed series a symbol starts with, and its organ: "E/CN.15/2019/8" -> ("E/CN.15", ...)."""
    parts = symbol.split("/")
    series = document_series()
    for n in range(len(parts) - 1, 0, -1):
        prefix = "/".join(parts[:n])
        if prefix in series:
            return prefix, series[prefix]
    return None
