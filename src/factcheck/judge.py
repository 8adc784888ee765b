"""Verdicts on aligned claims: contradiction, agreement or review, with a code, a confidence
and a one-line explanation in plain words.

A contradiction needs incompatible values, a confident alignment, the same relation, and
nothing that could reconcile the two: a forecast, a hedge or a denial on either side, or
different "as of" times. Anything related but not provably the same fact is a review.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import PurePath

from factcheck import codes, describe, frozen, rxcache
from factcheck.align import Pair, states, status_time, value_key, year_dated
from factcheck.counted import person_predicate
from factcheck.intervals import (
    ValueMatch,
    as_percent,
    comparable_kind,
    compare_values,
    magnitude,
    value_noun,
)
from factcheck.misreport import misreport_like, written_digits, written_in_figures
from factcheck.models import (
    Claim,
    DateValue,
    Finding,
    Side,
)

CONFIDENT = 0.7  # alignment score a contradiction needs
NEAR_IDENTICAL = 0.9  # context similarity that makes an unknown relation the same statement
FAR_APART = 12.0  # a ratio of values beyond which two figures are not one fact misreported
TIME_DOUBT = 0.05  # confidence lost when the two claims' event times differ
WEEK = 7  # a weekday resolved against the document's date may be a week off
_SOFT_MODALITIES = ("forecast", "hedged", "negated")
_YEARLESS_DAY = rxcache.compile(r"XXXX-(\d\d)-(\d\d)")
_MISMATCH = {"date": "FC101", "money": "FC102", "number": "FC103", "percent": "FC104"}


def side(claim: Claim) -> Side:
    return Side(claim=claim.id,
        source=claim.source,
        line=claim.line,
        column=claim.column,
        value_text=claim.value_text,
        value=claim.value,
        sentence=claim.sentence,
        sentence_start=claim.sentence_start,
        start=claim.start,
        end=claim.end,
        subject=claim.subject,
        predicate=claim.predicate,
        modality=claim.modality,
    )


def judge(
    pair: Pair, *, rates: Mapping[str, float] | None = None, now: dt.date | None = None
) -> Finding:
    """The verdict on one aligned pair. `now` is when the story is told (the latest date of
    its sources), which tells a scheduled date from one that has passed."""
    a, b = pair.a, pair.b
    if pair.relation == "related":
        text = (
            f"different predicates: {describe.predicate(a.predicate)} vs "
            f"{describe.predicate(b.predicate)} "
            f"({describe.value(a.value)} vs {describe.value(b.value)})"
        )
        return _finding("FC201", pair, text, pair.score, predicate=None)
    match = compare_values(a.value, b.value, rates=rates)
    if match.status == "compatible" and _bound_reordered(pair):
        # "高达5870亿美元" holds 5,780億美元 as a bound, but the same digits in another order
        # are one figure misreported: 高达 stresses a figure more often than it caps one.
        match = ValueMatch("incompatible", (
            f"{value_noun(a.value)} differ: {describe.value(a.value)} vs "
            f"{describe.value(b.value)}, "
            "the same digits in another order"))
    if match.status == "compatible":
        return _finding("FC301", pair, match.explanation, pair.score)
    if match.status == "loose" and not _reordered(a, b):
        return _finding("FC203", pair, match.explanation, pair.score)
    if match.status == "loose":
        # "about 1,520" and 約1,250 overlap at their edges, but the same three digits in
        # another order are one figure misreported, not two roundings of it.
        match = ValueMatch("incompatible", match.explanation.replace(
            "overlap only at the edges", "differ"))
    if match.status == "incomparable":
        code = "FC202" if match.reason == "currency" else "FC207"
        return _finding(code, pair, match.explanation, pair.score)
    return _incompatible(pair, match, now)


def _incompatible(pair: Pair, match: ValueMatch, now: dt.date | None = None) -> Finding:
    a, b = pair.a, pair.b
    scheduled = _scheduled(a, b, now)
    if (
        a.modality != b.modality
        and {a.modality, b.modality} & set(_SOFT_MODALITIES)
        and not _estimate_misreported(a, b)
        and not scheduled
    ):
        text = f"{a.modality} vs {b.modality} statement; {match.explanation}"
        return _finding("FC205", pair, text, pair.score)
    # Two sources giving a planned event different dates ("will step down on March 31" vs
    # "将于4月30日离任") disagree about one schedule; two forecast figures may both be fair.
    # So do two reports of one planned or estimated figure with its digits or scale word
    # slipped (1,500 vs 约1万5,000 jobs expected; repairs estimated at 3億 vs 30 million
    # baht): that is no difference of opinion.
    planned = scheduled or (a.modality == b.modality and (
        (a.modality == "forecast" and isinstance(a.value, DateValue))
        or (a.modality in ("forecast", "hedged") and misreport_like(a, b, close=False))))
    if a.modality == b.modality and a.modality in _SOFT_MODALITIES and not planned:
        text = f"both {a.modality}; {match.explanation}"
        return _finding("FC205", pair, text, pair.score)
    confidence = pair.score
    ta, tb = a.time, b.time
    if (
        not isinstance(a.value, DateValue)
        and ta is not None
        and tb is not None
        and compare_values(ta, tb).status == "incompatible"
    ):
        # A count as of Monday and a count as of Friday may both be right. Only a status
        # time on both sides says so: "on Monday" or a dateline's date is when the news
        # came out, not when the figure held.
        if status_time(a) and status_time(b):
            text = f"different times: as of {ta.timex} vs as of {tb.timex}; {match.explanation}"
            return _finding("FC204", pair, text, pair.score)
        confidence -= TIME_DOUBT
    if (doubt := _doubt(a, b)) is not None:
        return _finding("FC206", pair, f"{doubt}; {match.explanation}", confidence)
    if pair.relation == "context":
        if pair.context >= NEAR_IDENTICAL:
            return _finding("FC105", pair, match.explanation, confidence)
        return _finding("FC206", pair, f"possibly the same fact; {match.explanation}", confidence)
    if confidence < CONFIDENT or not pair.confirmed:
        # Without the same subject on both sides, a relation alone does not make one fact.
        return _finding("FC206", pair, f"possibly the same fact; {match.explanation}", confidence)
    return _finding(_MISMATCH[comparable_kind(a.value)], pair, match.explanation, confidence)


def _bound_reordered(pair: Pair) -> bool:
    """A confirmed pair where a bound ("up to", "more than") holds the other figure only
    because its bound is wide, while the two are written with the same digits reordered."""
    a, b = pair.a, pair.b
    bounds = ("at_most", "at_least", "over", "under")
    return (
        pair.confirmed
        and (a.value.mod in bounds or b.value.mod in bounds)
        and _reordered(a, b)
    )


def _reordered(a: Claim, b: Claim) -> bool:
    """The same three or more written digits in another order (1,520 vs 1,250)."""
    da, db = written_digits(a.value), written_digits(b.value)
    return len(da) >= 3 and da != db and sorted(da) == sorted(db)


def _scheduled(a: Claim, b: Claim, now: dt.date | None) -> bool:
    """A date planned in one source ("將於2028年啟用") and stated plainly in the other for a
    day still to come when the story was told ("opens in 2027"): both tell the schedule, so
    they disagree about one fact; a plain date already past is what happened instead."""
    if now is None or {a.modality, b.modality} - {"forecast", "asserted", "reported"}:
        return False
    if "forecast" not in (a.modality, b.modality):
        return False
    plain = b if a.modality == "forecast" else a
    v = plain.value
    if not isinstance(v, DateValue):
        return False
    start = v.start if v.start is not None else _nearest_day(v.timex, now)
    return start is not None and start > now


def _nearest_day(timex: str, now: dt.date) -> dt.date | None:
    """A day written without its year ("Jan. 15"), taken in the year that puts it nearest
    to `now`: a story of Dec. 2 means the coming Jan. 15."""
    found = _YEARLESS_DAY.fullmatch(timex)
    if found is None:
        return None
    days = []
    for year in (now.year - 1, now.year, now.year + 1):
        try:
            days.append(dt.date(year, int(found[1]), int(found[2])))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - now).days), default=None)


def _estimate_misreported(a: Claim, b: Claim) -> bool:
    """An estimate told firmly in one source and as an estimate in the other ("analysts
    estimated about $4.8 billion" vs 據估算約480億美元) with its digits or scale word
    slipped: the hedge does not explain the difference. A forecast or a denial still does."""
    if not {a.modality, b.modality} <= {"hedged", "reported", "asserted"}:
        return False
    # Only the strong signs: the same digits, scaled or reordered. A digit dropped or added
    # (11.5 vs 15) is as often another figure, which a hedge may well be.
    da, db = written_digits(a.value), written_digits(b.value)
    return sorted(da) == sorted(db) and misreport_like(a, b, close=False)


def _doubt(a: Claim, b: Claim) -> str | None:
    """Why two differing values are more likely a misalignment than one fact told two ways:
    magnitudes far apart (a slipped scale word is an exact power of ten; 10 vs 21.7 million
    is two different figures), or a date written without digits ("Sunday", "yesterday")
    resolved against the document's date and landing within a week of the other."""
    va, vb = a.value, b.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        near = va.start and vb.start and abs((va.start - vb.start).days) <= WEEK
        if near and not (written_in_figures(a.value_text) and written_in_figures(b.value_text)):
            return "possibly the same fact, a date resolved from a weekday or relative word"
        return None
    x, y = magnitude(as_percent(va)), magnitude(as_percent(vb))
    if x is None or y is None or min(x, y) <= 0:
        return None
    ratio = max(x, y) / min(x, y)
    power = math.log10(ratio)
    if ratio > FAR_APART and abs(power - round(power)) > 0.01:
        return "possibly not the same fact, magnitudes far apart"
    return None


def _finding(
    code: str, pair: Pair, explanation: str, confidence: float, *, predicate: str | None = ""
) -> Finding:
    spec = codes.get(code)
    return Finding(kind=spec.kind,
        code=spec.code,
        name=spec.name,
        subject=pair.a.subject or pair.b.subject,
        predicate=(pair.a.predicate or pair.b.predicate) if predicate == "" else predicate,
        explanation=explanation,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        sides=sorted((side(pair.a), side(pair.b)), key=lambda s: (s.source, s.start, s.claim)),
    )


def judge_all(
    pairs: Sequence[Pair],
    *,
    rates: Mapping[str, float] | None = None,
    now: dt.date | None = None,
) -> list[Finding]:
    """Findings for every pair; agreements that share a claim merge into one finding with
    every side, so three sources telling one fact give one agreement, not three."""
    findings = [judge(p, rates=rates, now=now) for p in pairs]
    partners = _agreeing(pairs, findings)
    findings = _triangulate(list(pairs), findings, partners, rates)
    findings = _told_apart(findings, partners)
    return _merge_agreements(findings)


def _agreeing(pairs: Sequence[Pair], findings: Sequence[Finding]) -> dict[str, list[Claim]]:
    """Claim id -> the claims of other sources it agrees with (one finding per pair)."""
    partners: dict[str, list[Claim]] = {}
    for pair, found in zip(pairs, findings, strict=True):
        if found.code == "FC301" and pair.relation != "related":
            partners.setdefault(pair.a.id, []).append(pair.b)
            partners.setdefault(pair.b.id, []).append(pair.a)
    return partners


def _told_apart(findings: list[Finding], partners: dict[str, list[Claim]]) -> list[Finding]:
    """A contradiction between X and Y is doubtful when a third source agrees with X in one
    claim and with Y in another: it states both figures, as two facts (a frozen NT$31 billion
    and a total of NT$3.1 trillion). Such a pair is shown as a review."""
    if not partners:
        return findings
    out = list(findings)
    for i, found in enumerate(findings):
        if found.kind != "contradiction" or len(found.sides) != 2:
            continue
        # Only a figure equal to each counts: "the two-hour barrier" holds 2:00:21 but does
        # not state it.
        sx, sy = found.sides
        by_x = _by_source(c for c in partners.get(sx.claim, ()) if states(c.value, sx.value))
        by_y = _by_source(c for c in partners.get(sy.claim, ()) if states(c.value, sy.value))
        for source in sorted(by_x.keys() & by_y.keys()):
            if by_x[source] != by_y[source] and not by_x[source] & by_y[source]:
                name = PurePath(source).name
                note = f"; {name} states both figures, as two facts"
                out[i] = _finding_as(found, "FC206", note)
                break
    return out


def _by_source(claims: Iterable[Claim]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for claim in claims:
        out.setdefault(claim.source, set()).add(claim.id)
    return out


def _finding_as(found: Finding, code: str, note: str) -> Finding:
    spec = codes.get(code)
    return frozen.replace(
        found, kind=spec.kind, code=spec.code, name=spec.name,
        explanation=found.explanation + note,
    )


def _triangulate(
    pairs: list[Pair],
    findings: list[Finding],
    partners: dict[str, list[Claim]],
    rates: Mapping[str, float] | None,
) -> list[Finding]:
    """Two sources that agree on a fact make a third source's differing figure for it a
    contradiction, however doubtful that third claim's own subject was: when A and B agree
    and X, aligned with A on the same relation, differs from both, X misreports the fact.
    A pair held back only by a doubtful alignment (FC206) is set against both A and B; a
    pair held back for a reason that may reconcile the values (a forecast, a hedge,
    different "as of" times, magnitudes far apart) stays as it is."""
    if not partners:
        return findings
    judged = {frozenset((p.a.id, p.b.id)): i for i, p in enumerate(pairs)}
    out = list(findings)
    added: dict[frozenset[str], Finding] = {}
    for i, (pair, found) in enumerate(zip(pairs, findings, strict=True)):
        if pair.relation == "related" or found.code not in _FIRM | {"FC206"}:
            continue
        if not (pair.a.predicate or pair.b.predicate):
            continue  # paired on context alone, no relation read: too loose a tie to outvote
        if person_predicate(pair.a.predicate or pair.b.predicate):
            continue  # two people's ages agree and differ alike: a name is needed, not a vote
        for odd, known in ((pair.a, pair.b), (pair.b, pair.a)):
            for other in partners.get(known.id, ()):
                if other.source in (odd.source, known.source):
                    continue
                if _dated_apart(odd, known, other):
                    continue
                if any(p.source == other.source for p in partners.get(odd.id, ())):
                    continue  # the odd claim agrees with that source: no clear odd one out
                # The agreeing pair may have been read as two relations; giving the same
                # telling figure (NT$560 million, 新台幣5.6億元) makes it one fact anyway.
                if other.predicate not in (None, known.predicate, odd.predicate) and (
                    value_key(other) is None or value_key(other) != value_key(known)
                ):
                    continue
                firm = _odd_one_out(pair, odd, other, rates)
                if firm is None:
                    continue
                if found.code == "FC206":
                    out[i] = _firm(pair, rates, other) or out[i]
                key = frozenset((odd.id, other.id))
                if key not in judged and key not in added:
                    added[key] = firm
    return out + [added[k] for k in sorted(added, key=sorted)]


_FIRM = frozenset(_MISMATCH.values())


def _dated_apart(odd: Claim, *agreeing: Claim) -> bool:
    """A figure dated to a year ("its record, set in 2021, was HK$126 million") where no
    agreeing source dates theirs to a year (undated, or the day of the news) may be another
    moment's figure: two sources agreeing do not outvote it. Years on both sides are often
    read from other clauses and hold nothing back. Dates are left out: a date is its own
    time."""
    return (
        not isinstance(odd.value, DateValue)
        and year_dated(odd)
        and not any(c.time is not None and c.time.granularity == "year" for c in agreeing)
    )


def _odd_one_out(
    pair: Pair, odd: Claim, other: Claim, rates: Mapping[str, float] | None
) -> Finding | None:
    """The contradiction between the odd claim and the second agreeing claim, when their
    values differ for no reason that could reconcile them."""
    if compare_values(odd.value, other.value, rates=rates, explain=False).status != "incompatible":
        return None
    known = pair.a if odd is pair.b else pair.b
    if not (misreport_like(odd, known) and misreport_like(odd, other)):
        return None
    a, b = (odd, other) if odd.source < other.source else (other, odd)
    return _firm(Pair(a, b, "same", pair.score, pair.context, True), rates, None)


def _firm(pair: Pair, rates: Mapping[str, float] | None, agreeing: Claim | None) -> Finding | None:
    """The verdict on a pair taken as confirmed, when that verdict is a contradiction."""
    # Two agreeing sources outweigh the small doubt of differing event times (a year read
    # from another clause), not a reconciling reason: those still make a review.
    floor = CONFIDENT + TIME_DOUBT
    confirmed = replace(pair, relation="same", confirmed=True, score=max(pair.score, floor))
    match = compare_values(confirmed.a.value, confirmed.b.value, rates=rates)
    if match.status != "incompatible":
        return None
    found = _incompatible(confirmed, match)
    if found.code not in _FIRM:
        return None
    if agreeing is not None:
        # The file's name, not its path: a report reads the same wherever the files sit.
        name = PurePath(agreeing.source).name
        note = f"; {name} also says {describe.value(agreeing.value)}"
        found = frozen.replace(found, explanation=found.explanation + note)
    return found


def _merge_agreements(findings: list[Finding]) -> list[Finding]:
    """Join agreements that share a claim, as long as each group keeps one claim per source
    (a chain a1~b1~a2 would otherwise put two claims of one source in one agreement)."""
    group_of: dict[str, int] = {}
    groups: list[list[Finding]] = []
    sources: list[set[str]] = []
    for f in sorted((f for f in findings if f.code == "FC301"), key=_first_claims):
        hit = next((group_of[s.claim] for s in f.sides if s.claim in group_of), None)
        new = {s.source for s in f.sides if s.claim not in group_of}
        known = {s.claim for s in f.sides if s.claim in group_of}
        if hit is None or new & sources[hit] or any(group_of[c] != hit for c in known):
            hit = len(groups)
            groups.append([])
            sources.append(set())
        groups[hit].append(f)
        for s in f.sides:
            group_of.setdefault(s.claim, hit)
            sources[hit].add(s.source)
    merged = [f for f in findings if f.code != "FC301"]
    for group in groups:
        if len(group) == 1:
            merged.append(group[0])
            continue
        sides = {s.claim: s for f in group for s in f.sides}
        ordered = sorted(sides.values(), key=lambda s: (s.source, s.start, s.claim))
        merged.append(
            frozen.replace(
                group[0],
                sides=ordered,
                confidence=min(f.confidence for f in group),
                explanation=min(group, key=lambda f: f.explanation).explanation,
            )
        )
    return merged


def _first_claims(f: Finding) -> tuple[str, ...]:
    return tuple(s.claim for s in f.sides)


__all__ = ["CONFIDENT", "NEAR_IDENTICAL", "judge", "judge_all", "side"]
