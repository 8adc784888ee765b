"""Who does what: the subject and object of a claim from the entities around its trigger,
with pronouns ("他", "该公司", "the company") resolved to the subject of earlier sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.counted import person_predicate
from factcheck.cues import Cues, ends_with
from factcheck.entities import EntityMention
from factcheck.frozen import frozen
from factcheck.predicates import Predicate

_ORG_TYPES = frozenset({"org", "company", "agency"})
_ARTICLES = ("the", "an", "a")
PERSON_AFTER = 4  # characters between a trigger ("現年") and the person it describes ("62歲的")


@frozen
class Placed:
    """An entity mention with the marker before it: plain, oblique, agent or source."""

    mention: EntityMention
    marker: str


@dataclass(slots=True)
class Discourse:
    """Subjects carried from sentence to sentence, by the kind of pronoun that can take them."""

    last: dict[str, EntityMention] = field(default_factory=dict)

    def copy(self) -> Discourse:
        return Discourse(dict(self.last))

    def resolve(self, pronoun_class: str) -> EntityMention | None:
        return self.last.get(pronoun_class) or self.last.get("any")

    def update(self, placed: Sequence[Placed]) -> None:
        plain = [p.mention for p in placed if p.marker == "plain" and p.mention.type != "place"]
        if not plain:
            return
        self.last["any"] = plain[0]
        for cls, types in (("person", {"person"}), ("org", _ORG_TYPES)):
            first = next((m for m in plain if m.type in types), None)
            if first is not None:
                self.last[cls] = first


def _skip_article(folded: str, pos: int, floor: int) -> int:
    """Where a marker would end before an English article: "according to the Lingxi …"."""
    end = pos
    while end > floor and folded[end - 1] == " ":
        end -= 1
    for article in _ARTICLES:
        start = end - len(article)
        if start >= floor and folded[start:end] == article and (
            start == floor or not folded[start - 1].isalnum()
        ):
            return start
    return pos


def place(mentions: Sequence[EntityMention], folded: str, floor: int, cues: Cues) -> list[Placed]:
    """Each mention with the grammatical marker written just before it."""
    out = []
    for m in mentions:
        marker = "plain"
        before = _skip_article(folded, m.start, floor)
        for name, matcher in (
            ("source", cues.attribution), ("agent", cues.agent), ("oblique", cues.oblique)
        ):
            if ends_with(matcher, folded, before, floor) is not None:
                marker = name
                break
        out.append(Placed(m, marker))
    return out


@frozen
class Roles:
    subject: EntityMention | None = None
    object: EntityMention | None = None


def _inside(m: EntityMention, scope: Sequence[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in scope)


def _nearest(cands: Sequence[Placed], scope: Sequence[tuple[int, int]]) -> EntityMention | None:
    """The last candidate, preferring the value's clauses and a non-place: in "美国企业债券…"
    the country is a modifier unless nothing else is there."""
    groups = (
        [p for p in cands if _inside(p.mention, scope) and p.mention.type != "place"],
        [p for p in cands if _inside(p.mention, scope)],
        [p for p in cands if p.mention.type != "place"],
        list(cands),
    )
    return next((g[-1].mention for g in groups if g), None)


def _aged_person_after(
    predicate: Predicate | None,
    after: Sequence[Placed],
    anchor: tuple[int, int],
    scope: Sequence[tuple[int, int]],
) -> bool:
    return (
        predicate is not None and person_predicate(predicate.name)
        and bool(after) and after[0].mention.type in ("person", "name")
        and after[0].mention.start - anchor[1] <= PERSON_AFTER
        and _inside(after[0].mention, scope)
    )


def find_roles(
    placed: Sequence[Placed],
    anchor: tuple[int, int],
    predicate: Predicate | None,
    pronoun: str | None,
    discourse: Discourse,
    scope: Sequence[tuple[int, int]],
    anchor_clause: tuple[int, int],
    heading: bool = True,
) -> Roles:
    """Subject and object for a trigger (or a value) at `anchor` in one sentence.

    The subject is the nearest plain entity before the anchor — "马斯克向法院提交诉状" skips
    the court after 向 — or the agent of a passive (由/被/by); then a pronoun's antecedent;
    then, in a heading such as "2024年诉讼：马斯克起诉OpenAI" (`heading`: the anchor's clause
    ends in a colon, or the sentence has no closing mark), the first entity of the next clause
    — in a full sentence ("The 24-year-old, seeded seventh, broke Novak's serve") that entity
    is more often an object, and the subject is the one carried from before;
    then the previous sentence's subject."""
    usable = [p for p in placed if p.marker != "source"]
    before = [p for p in usable if p.mention.end <= anchor[0]]
    after = [p for p in usable if p.mention.start >= anchor[1]]
    plain_before = [p for p in before if p.marker == "plain"]
    agents_before = [p for p in before if p.marker == "agent"]
    agent: EntityMention | None = None
    patient: EntityMention | None = None
    if _aged_person_after(predicate, after, anchor, scope):
        # "took best director for 34-year-old Hsu Kai-yin", "現年62歲的林國華": an age is the
        # age of the person named right after it, whoever the sentence is about before.
        agent = after[0].mention
        after = after[1:]
    elif agents_before and (
        not plain_before or agents_before[-1].mention.start > plain_before[-1].mention.start
    ):
        agent = agents_before[-1].mention
        patient = next(
            (p.mention for p in reversed(plain_before) if p.mention.start < agent.start), None
        )
    elif plain_before:
        agent = _nearest(plain_before, scope)
        if after and after[0].marker == "agent":  # "OpenAI was founded by Musk"
            agent, patient = after[0].mention, agent
    elif pronoun is not None:
        agent = discourse.resolve(pronoun)
    elif (
        after and after[0].mention.type == "person"
        and after[0].mention.start - anchor[1] <= PERSON_AFTER and _inside(after[0].mention, scope)
    ):
        # "現年62歲的林國華", "the 66-year-old Lin": the person the figure describes follows it.
        agent = after[0].mention
        after = after[1:]
    elif (
        heading and after and after[0].marker == "plain"
        and after[0].mention.start >= anchor_clause[1]
    ):
        # A heading: "2024年诉讼：马斯克起诉OpenAI". In the anchor's own clause the entity
        # after the verb is its object, and the subject is one this reader did not see.
        agent = after[0].mention
        after = after[1:]
    else:
        agent = discourse.resolve("any")
    if patient is None and agent is not None:
        # The object stays in the value's and trigger's clauses.
        between = [
            p.mention for p in before
            if p.marker == "oblique" and p.mention.start > agent.start
            and p.mention.id != agent.id and _inside(p.mention, scope)
        ]
        later = [p.mention for p in after if p.mention.id != agent.id and _inside(p.mention, scope)]
        patient = later[0] if later else (between[-1] if between else None)
    if predicate is None or not predicate.takes_object:
        return Roles(agent, None)
    if predicate.about_object and patient is not None:
        return Roles(patient, agent)
    return Roles(agent, patient)
