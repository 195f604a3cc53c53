"""Who works on which Sustainable Development Goal target.

How documents say it:
  "UNODC continues to contribute to the achievement of target 4.7 of the Sustainable Development Goals through ..."
  "The Council of Europe offers ... guidance and support for achieving targets 5.2, 8.7 and 16.2 of the ..."
  "IOM plays a key role in Alliance 8.7, a global partnership established to assist Member States to achieve
   target 8.7 ..." (the target belongs to the partnership the apposition describes, not to IOM)
"""
from __future__ import annotations

import re

from tipkg.extract.context import ParagraphContext
from tipkg.extract.rules import rule
from tipkg.model import Mention

CUE = re.compile(r"\b(?:achiev\w*|contribut\w*|implement\w*|support\w*|attain\w*|work\w* (?:on|towards)|advanc\w*|"
                 r"in line with|progress (?:on|towards))\b", re.I)
APPOSITION = re.compile(r"^\s*,\s+(?:a|an|the)\s+[^,;]{0,80}?\b(?:partnership|initiative|network|alliance|programme|"
                        r"platform|coalition|mechanism|fund)\b")
CONTRIBUTOR_KINDS = {"organization", "government", "initiative"}


@rule("sdg.contribution", "sdg",
      "A sentence naming a Sustainable Development Goal target: the agent the sentence says works on it — the "
      "entity an apposition describes ('Alliance 8.7, a global partnership established to ... achieve target "
      "8.7'), else the sentence's own subject when a contribution cue (achieve, contribute, support) says it "
      "works on the target. A target only mentioned ('recalling targets 5.2, 8.7 and 16.2', 'progress is "
      "insufficient to meet target 3.8') is recorded with no contributor: nobody is defaulted to the section's "
      "or the document's actor.")
def contribution(ctx: ParagraphContext):
    if "arget" not in ctx.text and "SDG" not in ctx.text:
        return
    for sentence in ctx.sentences:
        targets = ctx.within(sentence.start, sentence.end, {"sdg-target"})
        if not targets:
            continue
        contributor = (_apposed(ctx, sentence, targets[0]) or _working_subject(ctx, sentence, targets[0])
                       or _asked(ctx, sentence, targets[0]) or _whose_work(ctx, sentence, targets[0]))
        measured = _asked_on_indicator(ctx, sentence, targets) if contributor is None else {}
        for t in targets:
            roles = {"sdgTarget": [t.entity]}
            if contributor is not None or t.entity.key in measured:
                roles["contributor"] = [contributor or measured[t.entity.key]]
            yield ctx.assertion("sdg", sentence, "sdg.contribution", roles)


def _working_subject(ctx: ParagraphContext, sentence, target: Mention):
    """The sentence's subject, named before the target, when a contribution cue stands between them:
    "UNODC continues to contribute to the achievement of target 4.7"."""
    subject = ctx.subject(sentence)
    if subject is None or subject.entity.kind not in CONTRIBUTOR_KINDS or subject.end > target.start:
        return None
    return subject.entity if CUE.search(ctx.text, subject.end, target.start) else None


# an operative paragraph that asks an actor to work on a target: "Encourages Member States to pursue ... target 15.3"
ASKED = re.compile(r"(?:(?:also|further|strongly|again)\s+)*(?:encourages|urges|calls\s+upon|calls\s+on|invites|"
                   r"requests)\s+(?P<actor>(?:all\s+|the\s+|relevant\s+)*)", re.I)
ASKED_KINDS = CONTRIBUTOR_KINDS | {"group", "state"}


def _asked(ctx: ParagraphContext, sentence, target: Mention):
    """The actor an operative paragraph asks "to" do something towards the target: named first after the verb."""
    m = ASKED.match(ctx.text, sentence.start)
    if not m or not re.search(r"\bto\s+\w", ctx.text[m.end():target.start]):
        return None
    first = next(iter(ctx.within(m.end("actor"), target.start)), None)
    if first is None or first.start != m.end("actor") or first.entity.kind not in ASKED_KINDS:
        return None
    return first.entity


# a later clause of the sentence asks an actor to act on the target's indicator: "..., in particular target 16.10, and
# calls upon States to strengthen national collection of ... data ..., in accordance with ... indicator 16.10.1"
ASKED_LATER = re.compile(r"\b(?:encourages|urges|calls\s+upon|calls\s+on|invites|requests)\s+(?:all\s+|the\s+|relevant\s+)*",
                         re.I)


def _asked_on_indicator(ctx: ParagraphContext, sentence, targets: list[Mention]) -> dict:
    """Target key -> the actor a clause after the targets asks to act in accordance with one of its indicators."""
    out = {}
    for m in ASKED_LATER.finditer(ctx.text, targets[-1].end, sentence.end):
        first = next(iter(ctx.within(m.end(), sentence.end)), None)
        if first is None or first.start != m.end() or first.entity.kind not in ASKED_KINDS:
            continue
        clause_end = ctx.text.find(";", first.end, sentence.end)
        clause = ctx.text[first.end:clause_end if clause_end > 0 else sentence.end]
        if not re.match(r"\s+to\s+\w", clause):
            continue
        for t in targets:
            if re.search(rf"\bindicator\s+{re.escape(t.entity.key)}\.\d+\b", clause):
                out.setdefault(t.entity.key, first.entity)
    return out


def _apposed(ctx: ParagraphContext, sentence, target: Mention):
    """"X, a global partnership established to ... achieve target 8.7": X."""
    for m in ctx.within(sentence.start, target.start):
        if m.entity.kind in CONTRIBUTOR_KINDS and APPOSITION.match(ctx.text[m.end:target.start]):
            return m.entity
    return None


# the noun of an actor's work, then the actor: "Welcoming the work of the Regional Centre in support of ... target 16.4"
WORK_OF = re.compile(r"\b(?:work|efforts?|contributions?|activities)\s+(?:of|by)\s+(?:the\s+)?$", re.I)
WORK_KINDS = CONTRIBUTOR_KINDS | {"group", "state"}


def _whose_work(ctx: ParagraphContext, sentence, target: Mention):
    """The actor whose work the sentence names, when a contribution cue leads from it to the target: "the work by
    the Regional Centre in support of the achievement of Sustainable Development Goals 5 and 16, in particular
    target 5.2"."""
    for m in ctx.within(sentence.start, target.start):
        if (m.entity.kind in WORK_KINDS and WORK_OF.search(ctx.text, max(sentence.start, m.start - 40), m.start)
                and CUE.search(ctx.text, m.end, target.start)):
            return m.entity
    return None
