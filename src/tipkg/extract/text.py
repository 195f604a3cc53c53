"""Sentences of UN prose, with their offsets in the paragraph.

A sentence ends at ".", "!" or "?" followed by a space and a capital, a digit or an opening quote, except
after the abbreviations UN texts use ("e.g.", "No.", "vol.", "para.", "Mr.") and inside symbols
("A/CONF.234/11").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {"e.g", "i.e", "no", "nos", "vol", "vols", "para", "paras", "mr", "ms", "mrs", "dr", "st", "etc",
                 "inc", "co", "cf", "ibid", "corr", "rev", "add", "art", "arts", "op", "cit", "p", "pp", "sect",
                 "chap", "fig", "al", "jr", "sr", "u.s", "h.e", "approx", "ltd", "dept", "gen", "prof", "amb"}
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[A-Z0-9“\"‘(#*¹²³⁴⁵⁶⁷⁸⁹])")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets in the paragraph text
    end: int


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in BOUNDARY.finditer(text):
        end = m.start()
        word = re.search(r"([\w.]+)[.!?][\"”’)\]]*$", text[start:m.end()].rstrip())
        if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1 and word.group(1).isupper()):
            continue
        stretch = text[start:m.start() + len(m.group(0).rstrip())].rstrip()
        if stretch:
            out.append(Sentence(stretch.strip(), start, start + len(stretch.rstrip())))
        start = m.end()
    if text[start:].strip():
        out.append(Sentence(text[start:].strip(), start, len(text.rstrip())))
    return out
