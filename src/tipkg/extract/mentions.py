"""Mentions: where a paragraph names a State, organization, body, instrument, group, place, SDG target,
resolution or document.

Names, aliases and acronyms come from the gazetteers and are matched token by token (longest match wins,
so "Council of Europe" is not "Europe"). Short forms ("the Office", "the Group", "the Assembly") name
nothing alone: they resolve to an entity that has that short form and is named in the same paragraph, is
the subject of the section, was named in the paragraphs just before in the same section, or is named in
the document's title or is its issuing body — in that order. What none of these gives stays unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tipkg.extract.symbols import NamedBody, body_of_symbol, body_short_forms, find_document_symbols, find_resolutions
from tipkg.model import Document, Entity, Mention, Paragraph
from tipkg.reference import Entry, Gazetteer

FUNCTION_WORDS = {"of", "the", "and", "for", "on", "in", "against", "to", "at", "by", "with", "de", "la", "del",
                  "des", "du", "et", "a", "an"}
TOKEN = re.compile(r"[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:['’‐‑\-.][^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+)*|[^\s]")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
GOVERNMENT = re.compile(r"\b(?P<word>Governments?)\s+of\s+(?:the\s+)?$")
# a list of targets may hold an indicator ("targets 9.1.2, 9.a and 3.9"): an indicator is no target
TARGETS = re.compile(
    r"\b(?:(?:Sustainable Development )?Goal\s+)?[Tt]argets?\s+(?P<list>\d{1,2}\.[\da-c]{1,2}(?:\.\d{1,2})?"
    r"(?:(?:,\s*|,?\s+and\s+)\d{1,2}\.[\da-c]{1,2}(?:\.\d{1,2})?)*)")
TARGET_NUMBER = re.compile(r"(?<![\d.])\d{1,2}\.[\da-c]{1,2}(?!\.?\d)")
OTHER_GOAL = re.compile(r"\s+of\s+goal\s+\d")
SDG_TARGET = re.compile(r"\bSDG\s+(?P<t>\d{1,2}\.[\da-c]{1,2})\b")
COREF_WINDOW = 3  # paragraphs before, in the same section, where a short form may find its antecedent
# people and Secretariat units act under resolutions but adopt none ("made to the Secretary-General in its resolution")
NOT_ADOPTERS = {"Post", "UNDepartment", "UNOffice"}
# the organ a resolution's text says adopted it, or that opens its preamble (ingestion may have joined the lines)
SPEAKING_ORGAN = re.compile(r"\b(?:Resolution|Decision)\s+adopted\s+by\s+the\s+(?P<name>[A-Z][^\n]{2,80}?)\s+on\b|"
                            r"(?:^|\s)The\s+(?P<name2>(?:[A-Z]\w+\s+){0,5}(?:Assembly|Council|Commission)),\s")
ADOPTED = re.compile(r"\b(?:Resolution|Decision)\s+adopted\s+by\s+the\s+[A-Z]")
OWN_VOICE_KINDS = {"resolution", "draft-resolution", "decision", "draft-decision"}  # texts where "its" is the organ
BODY_ENTITY_KEYS = {"GA", "SC", "ECOSOC", "HRC", "CCPCJ", "CND", "CSW", "COP-UNTOC"}


@lru_cache(maxsize=1 << 16)  # the same few thousand words, over and over
def _norm(token: str) -> str:
    token = token.translate(APOSTROPHES)
    low = token.lower()
    if low in FUNCTION_WORDS:
        return low
    if "-" in token:  # "Inter-agency" and "Inter-Agency", "UN-Habitat" and "UN-HABITAT" are written both ways
        head, rest = token.split("-", 1)
        return head + "-" + rest.lower()
    return token


@dataclass
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    entries: list[tuple[Entry, str]] = field(default_factory=list)  # (entry, how: name | acronym | short)


class NameIndex:
    """A trie of every written form in the gazetteer, by normalized tokens."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.root = _Node()
        self.short_forms: dict[tuple[str, ...], list[Entry]] = {}
        for entry in gazetteer.entries:
            for name in entry.names:
                self._add(name, entry, "name")
            for acronym in entry.acronyms:
                self._add(acronym, entry, "acronym")
            for short in entry.short_forms:
                tokens = tuple(t for t, _, _ in tokenize(short))
                if tokens and tokens[0] == "the":
                    tokens = tokens[1:]
                self.short_forms.setdefault(tokens, []).append(entry)
                self._add_tokens(tokens, entry, "short")

    def _add(self, text: str, entry: Entry, how: str) -> None:
        # tokenized as the texts are, so that "People's" in a name meets "People" + "'s" in a paragraph
        self._add_tokens([t for t, _, _ in tokenize(text)], entry, how)

    def _add_tokens(self, tokens, entry: Entry, how: str) -> None:
        if not tokens:
            return
        node = self.root
        for t in tokens:
            node = node.children.setdefault(t, _Node())
        if all(e is not entry for e, _ in node.entries):
            node.entries.append((entry, how))

    def matches(self, tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, list[tuple[Entry, str]]]]:
        """Longest, leftmost matches: (first token index, last token index + 1, candidates)."""
        out = []
        i, n = 0, len(tokens)
        while i < n:
            node = self.root
            best = None
            j = i
            while j < n:
                child = node.children.get(tokens[j][0])
                if child is None:
                    break
                node = child
                j += 1
                if node.entries:
                    best = (j, node.entries)
            if best:
                out.append((i, best[0], best[1]))
                i = best[0]
            else:
                i += 1
        return out


def tokenize(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in TOKEN.finditer(text):
        token = m.group(0)
        start, end = m.start(), m.end()
        norm = _norm(token)
        if len(token) > 2 and norm.endswith("'s") and not norm.startswith("'"):
            out.append((_norm(token[:-2]), start, end - 2))
            out.append(("'s", end - 2, end))
            continue
        out.append((norm, start, end))
    return out


class MentionFinder:
    """Finds the mentions of one document, paragraph by paragraph, in reading order."""

    def __init__(self, gazetteer: Gazetteer, index: NameIndex | None = None):
        self.gazetteer = gazetteer
        self.index = index or NameIndex(gazetteer)
        self.body_short_forms = body_short_forms(gazetteer.of_kind("organization"))
        self._own_of: tuple[Document, NamedBody | None] | None = None  # the last document's own body

    def find(self, document: Document) -> list[Mention]:
        title_entities = self._title_entities(document)
        section_entities = self.section_entities(document)
        mentions: list[Mention] = []
        recent: dict[str | None, list[list[Entity]]] = {}  # per section: entities of the last paragraphs
        instruments: list[Entity] = []  # named in full so far: a text names an instrument once, then by its short form
        for paragraph in document.paragraphs:
            if paragraph.kind == "header":
                continue
            found = self.in_paragraph(document, paragraph, section_entities, recent.get(paragraph.section, []),
                                      title_entities + instruments[::-1])
            mentions.extend(found)
            instruments += [m.entity for m in found if m.entity.kind == "instrument" and m.rule == "gazetteer:name"]
            recent.setdefault(paragraph.section, []).append([m.entity for m in found])
            del recent[paragraph.section][:-COREF_WINDOW]
        return mentions

    def _title_entities(self, document: Document) -> list[Entity]:
        meta = document.metadata
        return self.named_in(" ".join(t for t in (meta.title, meta.issuing_body) if t))

    def section_entities(self, document: Document) -> dict[str, list[Entity]]:
        """The entities each section heading names, inherited by its subsections."""
        out: dict[str, list[Entity]] = {}
        for section in document.sections:
            own = self.named_in(section.heading)
            out[section.key] = own + (out.get(section.parent, []) if section.parent else [])
        return out

    def named_in(self, text: str) -> list[Entity]:
        return [e for e, _, _, _ in self._gazetteer_hits(text, lambda *_: None, [])]

    def in_paragraph(self, document: Document, paragraph: Paragraph, section_entities: dict[str, list[Entity]],
                     recent: list[list[Entity]], title_entities: list[Entity]) -> list[Mention]:
        text = paragraph.text
        so_far: list[tuple[Entity, int, int]] = []  # named so far in the paragraph: entity, start, end

        def resolve(candidates: list[Entry], at: int, end: int) -> Entity | None:
            keys = {(c.entity.kind, c.entity.key) for c in candidates}

            def pick(entities) -> Entity | None:
                for e in entities:
                    if (e.kind, e.key) in keys:
                        return e
                return None

            named_before = pick(e for e, pos, _ in reversed(so_far) if pos < at)
            if named_before is not None:
                return named_before
            if _common_noun_before(text, at, end, [(s, e) for _, s, e in so_far]):
                return None
            return (pick(section_entities.get(paragraph.section or "", []))
                    or pick(e for para in reversed(recent) for e in reversed(para))
                    or pick(title_entities))

        mentions: list[Mention] = []
        for entity, start, end, rule in self._gazetteer_hits(text, resolve, so_far):
            mentions.append(Mention(entity, paragraph.key, start, end, text[start:end], rule))
        mentions = self._governments(text, paragraph, mentions)
        mentions.extend(self._resolutions(document, text, paragraph, mentions))
        mentions.extend(self._documents(text, paragraph, mentions))
        mentions.extend(self._targets(text, paragraph))
        return sorted(mentions, key=lambda m: m.start)

    def _gazetteer_hits(self, text, resolve, so_far):
        """Hits in text order, each short form resolved against what came before it."""
        tokens = tokenize(text)
        for i, j, candidates in self.index.matches(tokens):
            start, end = tokens[i][1], tokens[j - 1][2]
            named = [(e, how) for e, how in candidates if how != "short"]
            # "the Monterrey Consensus and the Doha Declaration", after the Doha Declaration on Financing for
            # Development was named in full: the short form of the text named before, not the other text that bears
            # the same words as its own short name
            earlier = resolve([e for e, how in candidates if how == "short"], start, end) \
                if named and len(named) < len(candidates) else None
            if earlier is not None and all(e.entity != earlier for e, _ in named):
                so_far.append((earlier, start, end))
                yield earlier, _the_start(text, start), end, "coref:short-form"
                continue
            if named:
                entry, how = named[0]
                so_far.append((entry.entity, start, end))
                yield entry.entity, start, end, f"gazetteer:{how}"
                continue
            if not _preceded_by_the(text, start) or _heads_unknown_name(text, start, end, candidates):
                continue
            resolved = resolve([e for e, _ in candidates], start, end)
            if resolved is not None:
                so_far.append((resolved, start, end))
                yield resolved, _the_start(text, start), end, "coref:short-form"

    def _governments(self, text: str, paragraph: Paragraph, mentions: list[Mention]) -> list[Mention]:
        """"the Government of Mexico" is the Government, an actor, not the State as a place."""
        out = []
        for m in mentions:
            if m.entity.kind == "state":
                g = GOVERNMENT.search(text[max(0, m.start - 30):m.start])
                if g:
                    start = max(0, m.start - 30) + g.start()
                    government = Entity("government", m.entity.key, f"Government of {m.entity.label}",
                                        ("Government",))
                    out.append(Mention(government, paragraph.key, start, m.end, text[start:m.end], "pattern:government"))
                    continue
            out.append(m)
        return out

    def _resolutions(self, document: Document, text: str, paragraph: Paragraph,
                     mentions: list[Mention]) -> list[Mention]:
        bodies = [self._named_body(m.entity.key, m.start, m.end) for m in mentions
                  if m.entity.kind == "organization" and m.entity.key != "UN"
                  and not set(m.entity.classes) & NOT_ADOPTERS]
        own = self._own_body(document)
        meta = document.metadata
        dated = (meta.adoption_date or meta.date or "")[:4]
        out = []
        for ref in find_resolutions(text, default_body=self._sentence_body(mentions), bodies=bodies, own_body=own,
                                    citing_year=int(dated) if dated.isdigit() else None,
                                    its_is_own=self._own_voice(document), short_forms=self.body_short_forms):
            details = tuple((k, v) for k, v in (("body", ref.body), ("year", ref.year), ("session", ref.session),
                                                ("symbol", ref.symbol)) if v)
            entity = Entity("resolution", ref.key, ref.written, ("Resolution",), details=details)
            out.append(Mention(entity, paragraph.key, ref.start, ref.end, text[ref.start:ref.end], "symbol:resolution"))
        return out

    def _named_body(self, key: str, start: int, end: int) -> NamedBody:
        entry = self.gazetteer.get("organization", key)
        short = tuple(re.sub(r"^the\s+", "", s) for s in (entry.short_forms if entry else ()))
        return NamedBody(start, end, key, short)

    def _own_body(self, document: Document) -> NamedBody | None:
        """The body that speaks in the document: its issuing organ, or the organ its resolution symbol names. Read
        once per document (it was read again for each paragraph: 14% of the extraction's time)."""
        if self._own_of is None or self._own_of[0] is not document:
            self._own_of = (document, self._read_own_body(document))
        return self._own_of[1]

    def _read_own_body(self, document: Document) -> NamedBody | None:
        meta = document.metadata
        key = body_of_symbol(meta.symbol or "") if self._own_voice(document) else None
        for name in ([meta.issuing_body] if meta.issuing_body else []) + self._speaking_organ(document):
            if key is not None:
                break
            named = [e for e in self.named_in(name) if e.kind == "organization" and e.key != "UN"]
            key = named[0].key if named else None
        return self._named_body(key, -1, -1) if key else None

    @staticmethod
    def _own_voice(document: Document) -> bool:
        """Whether the document speaks as an organ ("its resolution" is the organ's): a resolution or decision, or
        a text that says it was adopted ("Resolution adopted by the General Assembly on ...")."""
        return document.metadata.kind in OWN_VOICE_KINDS or bool(ADOPTED.search(document.text[:4000]))

    @classmethod
    def _speaking_organ(cls, document: Document) -> list[str]:
        """Where the header did not give the issuing organ: the one the text says adopted it, or that opens the
        preamble ("Resolution adopted by the General Assembly on ...", "The General Assembly,")."""
        if not cls._own_voice(document):
            return []
        head = document.text[:4000]
        return [m["name"] or m["name2"] for m in SPEAKING_ORGAN.finditer(head)][:1]

    @staticmethod
    def _sentence_body(mentions: list[Mention]) -> str | None:
        for m in mentions:
            if m.entity.kind == "organization" and m.entity.key in BODY_ENTITY_KEYS:
                return m.entity.key
        return None

    def _documents(self, text: str, paragraph: Paragraph, mentions: list[Mention]) -> list[Mention]:
        out = []
        for symbol, start, end in find_document_symbols(text):
            entity = Entity("document", symbol, symbol, ("Document",))
            out.append(Mention(entity, paragraph.key, start, end, symbol, "symbol:document"))
        return out

    def _targets(self, text: str, paragraph: Paragraph) -> list[Mention]:
        out = []
        for m in TARGETS.finditer(text):
            if OTHER_GOAL.match(text, m.end()):
                continue  # "target 1.3 of goal 1" of the global forest goals: the SDGs write their Goals in capitals
            base = m.start("list")
            for t in TARGET_NUMBER.finditer(m["list"]):
                entity = self.gazetteer.entity("sdg-target", t.group(0)) or Entity(
                    "sdg-target", t.group(0), f"Target {t.group(0)}", ("SDGTarget",))
                out.append(Mention(entity, paragraph.key, base + t.start(), base + t.end(), t.group(0), "pattern:sdg-target"))
        for m in SDG_TARGET.finditer(text):
            entity = self.gazetteer.entity("sdg-target", m["t"]) or Entity("sdg-target", m["t"], f"Target {m['t']}",
                                                                          ("SDGTarget",))
            out.append(Mention(entity, paragraph.key, m.start("t"), m.end("t"), m["t"], "pattern:sdg-target"))
        return out


def _common_noun_before(text: str, start: int, end: int, named: list[tuple[int, int]]) -> bool:
    """Whether the paragraph introduced, before a short form and outside the names it holds, a thing the
    gazetteer does not know by the same noun: in "the INTERPOL expert group ... the Group", the Group is
    INTERPOL's, not ICAT."""
    short = text[start:end]
    if not short[:1].isupper():
        return False
    # "the Committee of Experts on International Cooperation in Tax Matters ... encourages the Committee": the
    # Committee is that one, which the gazetteer does not know, not the Second Committee
    unknown_name = rf"|\b{re.escape(short)}\s+{LONGER_NAME}"
    return any(not any(s <= m.start() < e for s, e in named)
               for m in re.finditer(rf"\b{re.escape(short.lower())}\b{unknown_name}", text[:start]))


# what follows the head of a longer name: "Committee of Experts on ...", "Council for the Development of ..."
LONGER_NAME = r"(?P<link>of|on|for|against)\s+(?:the\s+)?[A-Z]"


def _heads_unknown_name(text: str, start: int, end: int, candidates) -> bool:
    """Whether a short form opens a longer name that none of the entities it may stand for bears: "the Committee of
    Experts on International Cooperation in Tax Matters" is not the Second Committee, but "the Office of the High
    Commissioner" may be the Office of the United Nations High Commissioner for Human Rights."""
    following = re.match(r"\s+" + LONGER_NAME, text[end:end + 16])
    if not following:
        return False
    words = f"{text[start:end]} {following['link']} "
    return not any(words in name for entry, _ in candidates for name in entry.names)


def _preceded_by_the(text: str, start: int) -> bool:
    return bool(re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start]))


def _the_start(text: str, start: int) -> int:
    m = re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start])
    return max(0, start - 5) + m.start() if m else start


__all__ = ["MentionFinder", "NameIndex", "tokenize"]
