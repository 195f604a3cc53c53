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
    by_form = sorted(forms, key=len, reverse=True)

    def alternation(predicate) -> re.Pattern:
        words = [re.escape(f).replace(r"\ ", r"\s+") for f in by_form if predicate(f)]
        return re.compile(r"\b(?P<verb>" + "|".join(words) + r")\b", re.I)

    third = alternation(lambda f: f.split()[0].endswith("s") and not f.split()[0].endswith("ss"))
    past = alternation(lambda f: f.split()[0].endswith("ed") or f in ("called for",))
    participle = alternation(lambda f: f.split()[0].endswith("ing"))
    return Lexicon(forms, third, past, participle)
