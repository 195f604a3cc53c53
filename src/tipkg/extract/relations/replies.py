"""States that replied to a request for information (a note verbale, a questionnaire).

How documents say it:
  "As at 15 April 2019, the following Member States had replied to that request: Algeria, Armenia, ..."
  "Replies were received from the Governments of Colombia, Mexico and Peru."
  "Information was submitted by Austria, Chile and Japan."
"""
from __future__ import annotations

import re

from tipkg.dates import DateError, parse_date
from tipkg.extract.context import ParagraphContext
from tipkg.extract.rules import rule

CUE = re.compile(
    r"\b(?:had |have |has )?(?:replied|responded)\b|\b(?:replies|responses|submissions|contributions|information|"
    r"inputs?)\b[^.;]{0,40}\b(?:were|was|had been|have been) (?:received|submitted|provided) (?:from|by)\b|"
    r"\breceived (?:replies|responses|submissions|contributions|information|inputs?) from\b")
AS_AT = re.compile(r"\b[Aa]s (?:at|of) (?P<date>\d{1,2} \w+ \d{4})")
# "the administering Power has not responded", "States that had not yet replied": no reply at all
NEGATED = re.compile(r"\b(?:not|never|yet to|failed to|failure to)\s+(?:yet\s+)?$")


@rule("replies.states-replied", "reply",
      "A sentence saying that States replied to a request (replied, responded, replies were received from, "
      "information was submitted by): each State (or Government) it names replied, as at the date the sentence states.")
def states_replied(ctx: ParagraphContext):
    if not CUE.search(ctx.text):
        return
    for sentence in ctx.sentences:
        cue = CUE.search(ctx.text, sentence.start, sentence.end)
        if not cue or NEGATED.search(ctx.text[max(sentence.start, cue.start() - 20):cue.start()]):
            continue
        # a Territory is what information is about ("information on French Polynesia"), not who replies
        named = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end
                 and m.entity.kind in ("state", "government") and "Territory" not in m.entity.classes]
        # the States listed after the cue ("had replied to that request: Algeria, ..."), or those that are
        # the sentence's subject ("Chile and Japan replied")
        states = [m for m in named if m.start > cue.start()] or [
            m for m in named if not re.search(r"[a-z]", ctx.text[sentence.start:m.start].replace("the", "").replace("and", ""))
            or ctx.subject(sentence) is m]
        if not states:
            continue
        as_at = AS_AT.search(ctx.text, sentence.start, sentence.end)
        try:
            date = parse_date(as_at["date"]) if as_at else None
        except DateError:
            date = None
        for m in states:
            state = m.entity if m.entity.kind == "state" else _state_of(m.entity)
            yield ctx.assertion("reply", sentence, "replies.states-replied", {"state": [state]}, {"asAt": date})


def _state_of(government):
    from tipkg.model import Entity
    from tipkg.reference import gazetteer

    return gazetteer().entity("state", government.key) or Entity("state", government.key, government.label, ("State",))
