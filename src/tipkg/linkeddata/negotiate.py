"""Content negotiation: the formats a linked-data resource is served in, and the choice among them from an
HTTP Accept header (RFC 9110 §12.5.1, with q-values and wildcards).

One table ties each format to its media type, its file extension (the document URL a resource IRI is
redirected to, and the file `tipkg publish` writes) and the pyoxigraph serializer that writes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    rdf_format: ox.RdfFormat | None  # None: an HTML page
    aliases: tuple[str, ...] = field(default=())  # other media types a client may ask for it by
    charset: bool = True  # text formats are UTF-8 and say so in Content-Type

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type

    def accepts(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


HTML = Format("html", "text/html", "html", None, ("application/xhtml+xml",))
TURTLE = Format("turtle", "text/turtle", "ttl", ox.RdfFormat.TURTLE, ("application/x-turtle",))
JSON_LD = Format("json-ld", "application/ld+json", "jsonld", ox.RdfFormat.JSON_LD, ("application/json",), charset=False)
N_TRIPLES = Format("n-triples", "application/n-triples", "nt", ox.RdfFormat.N_TRIPLES, ("text/plain",))
RDF_XML = Format("rdf-xml", "application/rdf+xml", "rdf", ox.RdfFormat.RDF_XML, ("application/xml", "text/xml"))

# server preference when a client likes several equally (a browser's */*): HTML first, then Turtle
FORMATS: tuple[Format, ...] = (HTML, TURTLE, JSON_LD, N_TRIPLES, RDF_XML)
RDF_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.rdf_format is not None)
BY_EXTENSION = {f.extension: f for f in FORMATS}

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_MEDIA_RANGE = re.compile(rf"\s*({_TOKEN})/({_TOKEN})\s*((?:;\s*{_TOKEN}\s*=\s*(?:{_TOKEN}|\"(?:[^\"\\]|\\.)*\")\s*)*)")
_PARAMETER = re.compile(rf";\s*({_TOKEN})\s*=\s*({_TOKEN}|\"(?:[^\"\\]|\\.)*\")")
_Q_VALUE = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches a media type: 3 exact, 2 type/*, 1 */*, 0 not at all."""
        main, sub = media_type.split("/", 1)
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type == main and self.subtype == "*":
            return 2
        return 3 if (self.type, self.subtype) == (main, sub) else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed ranges and q-values are ignored, as RFC 9110 lets a
    server do. No header at all means any type."""
    if header is None or not header.strip():
        return [MediaRange("*", "*", 1.0)]
    ranges = []
    for part in _split_unquoted(header):
        m = _MEDIA_RANGE.fullmatch(part)
        if not m:
            continue
        main, sub = m.group(1).lower(), m.group(2).lower()
        if main == "*" and sub != "*":
            continue
        q = 1.0
        for name, value in _PARAMETER.findall(m.group(3)):
            if name.lower() == "q":
                if not _Q_VALUE.match(value):
                    break
                q = float(value)
        else:
            ranges.append(MediaRange(main, sub, q))
    return ranges


def _split_unquoted(header: str) -> list[str]:
    """Splits on commas outside quoted strings (a profile parameter may hold one)."""
    parts, current, quoted, escaped = [], [], False, False
    for ch in header:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in (p.strip() for p in parts) if p]


def quality(ranges: list[MediaRange], fmt: Format) -> float:
    """The q-value a client gives a format: that of the most specific range matching any of its media types."""
    best_specificity, best_q = 0, 0.0
    for media_type in fmt.accepts():
        for r in ranges:
            s = r.matches(media_type)
            # an alias matched exactly counts as exact, but the format's own type wins a tie
            if s > best_specificity or (s == best_specificity and s and r.q > best_q):
                best_specificity, best_q = s, r.q
    return best_q


def choose(accept: str | None, offered: tuple[Format, ...] = FORMATS) -> Format | None:
    """The format to answer with, or None when the client accepts none of those offered (406)."""
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for fmt in offered:  # in server preference order: a later format must be strictly better
        q = quality(ranges, fmt)
        if q > best_q:
            best, best_q = fmt, q
    return best


def split_extension(path: str) -> tuple[str, Format | None]:
    """"state/JPN.ttl" -> ("state/JPN", TURTLE); a path without a known extension is returned whole."""
    stem, dot, ext = path.rpartition(".")
    if dot and stem and "/" not in ext and ext in BY_EXTENSION:
        return stem, BY_EXTENSION[ext]
    return path, None
