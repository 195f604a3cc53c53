"""The verbs of UN resolutions, read from ontology/verbs.ttl: every written form ("Urges", "urged",
"calls upon", "takes note of") mapped to its Verb concept and stance (request, acknowledge, recall)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from tipkg.iris import TIP

VERBS_FILE = Path(__file__).resolve().parents[3] / "ontology" / "verbs.ttl"
ADVERBS = r"(?:(?:also|further|again|once again|strongly|firmly|deeply|furthermore|moreover|and|also strongly|further also)\s+)*"


@dataclass(frozen=True)
class Verb:
    key: str  # local name in the ontology: "VerbUrge"
    base: str  # "urge", "call upon"
    stance: str | None  # request | acknowledge | recall


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, Verb]  # lower-case written form -> verb
    third_person: re.Pattern  # "Urges", "calls upon", "takes note of" at a paragraph's start
    past: re.Pattern  # "urged", "called upon"
    participle: re.Pattern  # "Recalling", "Taking note"

    def verb(self, written: str) -> Verb | None:
        return self.forms.get(re.sub(r"\s+", " ", written.lower()).strip())


@lru_cache(maxsize=1)
def lexicon(path: Path = VERBS_FILE) -> Lexicon:
    g = Graph()
    g.parse(path, format="turtle")
    forms: dict[str, Verb] = {}
    for node in g.subjects(RDF.type, TIP.Verb):
        key = str(node).rsplit("#", 1)[-1]
        base = str(g.value(node, SKOS.prefLabel))
        stance = g.value(node, TIP.stance)
        verb = Verb(key, base, str(stance) if stance else None)
        for label in [base] + [str(a) for a in g.objects(node, SKOS.altLabel)]:
            forms.setdefault(label.lower(), verb)

    def alternation(predicate) -> re.Pattern:
        return re.compile(r"\b(?P<verb>" + _prefix_tree([f for f in forms if predicate(f)]) + r")\b", re.I)

    third = alternation(lambda f: f.split()[0].endswith("s") and not f.split()[0].endswith("ss"))
    past = alternation(lambda f: f.split()[0].endswith("ed") or f in ("called for",))
    participle = alternation(lambda f: f.split()[0].endswith("ing"))
    return Lexicon(forms, third, past, participle)


def _prefix_tree(forms: list[str]) -> str:
    """The forms as one regex factored by their common prefixes ("urge(?:s|d)?"...): the paragraph rules search
    every paragraph for a verb, and a flat alternation of some 200 forms tries each at every word (2x slower).
    A longer form is tried before its prefix, as in an alternation sorted by length; a space matches any space."""
    tree: dict = {}
    for form in forms:
        node = tree
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + pattern(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return pattern(tree)
