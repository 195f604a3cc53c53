"""The registry of extraction rules. Each rule reads one paragraph (with its context) and yields
assertions; its id lands in the graph with every assertion it made, so a wrong triple leads straight
to the rule and the paragraph that made it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from tipkg.extract.context import ParagraphContext
from tipkg.model import Assertion


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # the kind of assertion it makes
    description: str
    apply: Callable[[ParagraphContext], Iterable[Assertion]]


RULES: dict[str, Rule] = {}


def rule(id: str, kind: str, description: str):
    """Registers a function ParagraphContext -> Iterable[Assertion] as a named rule."""
    def register(fn: Callable[[ParagraphContext], Iterable[Assertion]]):
        if id in RULES:
            raise ValueError(f"two rules named {id}")
        RULES[id] = Rule(id, kind, description, fn)
        return fn
    return register


# Rules that read a whole document at once, after the paragraph rules: its header lines (which paragraph rules
# skip), its mentions and the assertions the paragraph rules made: fn(document, mentions, assertions) -> assertions.
DOCUMENT_RULES: dict[str, Rule] = {}


def document_rule(id: str, kind: str, description: str):
    """Registers a function (Document, list[Mention], list[Assertion]) -> Iterable[Assertion] as a whole-document rule."""
    def register(fn):
        if id in RULES or id in DOCUMENT_RULES:
            raise ValueError(f"two rules named {id}")
        DOCUMENT_RULES[id] = Rule(id, kind, description, fn)
        return fn
    return register


def describe(rule_id: str) -> str | None:
    r = RULES.get(rule_id) or DOCUMENT_RULES.get(rule_id)
    return r.description if r else None
