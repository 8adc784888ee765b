"""extract_claims on case tables (tests/cases/extract.yaml) and on the mechanics around them:
skip spans, list numbering, claim ids and positions, paragraph-leading dates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from extract_helpers import case_mentions, document, mention, small_number
from factcheck.entities import load_entities
from factcheck.extract import extract_claims
from factcheck.frozen import replace
from factcheck.models import Claim, Document, Mention, Sentence
from factcheck.predicates import load_predicates
from growthkit import assert_linear

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "extract.yaml").read_text(encoding="utf-8")
)


def _claims(doc: Document, mentions: list[Mention]) -> list[Claim]:
    return extract_claims(doc, mentions, predicates=load_predicates(), entities=load_entities())


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['value']}|{case['text'][:30]}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_claim_case(case: dict[str, Any]) -> None:
    doc = document(case["text"])
    main, others = case_mentions(case)
    claims = {c.start: c for c in _claims(doc, [main, *others])}
    if case.get("drop"):
        assert main.start not in claims
        return
    claim = claims[main.start]
    got = {key: getattr(claim, key) for key in case["expect"]}
    assert got == case["expect"], claim


def test_claim_carries_id_position_and_exact_text() -> None:
    text = "第一行。\n2025年1月17日，馬斯克起訴OpenAI。"
    doc = document(text, path="a.txt")
    m = mention(text, "2025年1月17日", "date")
    [claim] = _claims(doc, [m])
    assert claim.id == f"a.txt#{m.start}"
    assert (claim.line, claim.column) == (2, 1)
    assert claim.value_text == text[claim.start : claim.end] == "2025年1月17日"
    assert claim.sentence == text[claim.sentence_start :].rstrip()
    assert claim.trigger_text == "起訴"  # the trigger as written, Traditional script kept


def test_mentions_in_skip_spans_make_no_claim() -> None:
    text = "---\ndate: 2025年1月1日\n---\n马斯克于2025年2月收购推特。"
    doc = document(text)
    doc = replace(doc, skip=[(0, text.index("马"))])
    inside = mention(text, "2025年1月1日", "date")
    outside = mention(text, "2025年2月", "date")
    claims = _claims(doc, [inside, outside])
    assert [c.start for c in claims] == [outside.start]


def test_list_numbering_is_noise_but_a_count_is_not() -> None:
    text = "1. 2. 3. 4. 5.\n洪水造成3人死亡。"
    doc = document(text)
    marks = [mention(text, str(n), "number") for n in range(1, 6)]
    count = mention(text, "3", "number", nth=1)
    claims = _claims(doc, [*marks, count])
    assert [(c.start, c.predicate) for c in claims] == [(count.start, "deaths")]


def test_paragraph_leading_date_qualifies_later_values() -> None:
    text = "2月：马斯克试图以974亿美元收购OpenAI，遭到拒绝。"
    doc = document(text)
    date = mention(text, "2月", "date")
    money = mention(text, "974亿美元", "money")
    by_start = {c.start: c for c in _claims(doc, [date, money])}
    assert by_start[money.start].predicate == "acquisition.bid"
    assert by_start[money.start].time_text == "2月"
    assert by_start[date.start].time_text is None  # a date is not its own qualifier


def test_date_without_event_dates_the_next_sentence() -> None:
    text = "分歧始于2018年，双方争执不下。失望之下，他辞去了董事会职务。"
    doc = document(text)
    claims = _claims(doc, [mention(text, "2018年", "date")])
    assert [c.predicate for c in claims] == ["person.left_role"]


@pytest.mark.parametrize(
    "text",
    [
        "Northwind posted revenue of about $3.1 billion in 2023, its best year. "
        "A court awarded damages later.",
        "该公司2023年营收约31亿元。法院随后判令其赔偿。",
    ],
)
def test_date_of_a_sentence_with_its_own_event_is_not_lent_to_the_next(text: str) -> None:
    year = "2023" if "2023年" not in text else "2023年"
    [claim] = _claims(document(text), [mention(text, year, "date")])
    assert claim.predicate is None


def test_bracketed_date_takes_no_trigger_outside_its_brackets() -> None:
    text = "到了今天（2025年10月），双方的诉讼仍在继续。"
    doc = document(text)
    [claim] = _claims(doc, [mention(text, "2025年10月", "date")])
    assert claim.predicate is None


def test_value_without_trigger_keeps_predicate_none() -> None:
    text = "这一数字是2.5亿美元。"
    [claim] = _claims(document(text), [mention(text, "2.5亿美元", "money")])
    assert claim.predicate is None
    assert claim.modality == "asserted"


def test_document_without_sentences_is_split() -> None:
    text = "Apple was founded in 1976."
    doc = Document(path="x.txt", text=text)
    [claim] = _claims(doc, [mention(text, "1976", "date")])
    assert claim.predicate == "org.founded"
    assert claim.subject == "apple"


@pytest.mark.parametrize(
    "unit", ["1,000,000,", "马斯克起诉公司1000人死亡，他说", "Musk sued 1000 people. "]
)
def test_time_is_linear_in_the_text(unit: str) -> None:
    """However long one sentence grows, each value costs the same (no value x trigger or
    value x entity loop over the whole sentence)."""
    def extraction(n: int) -> Callable[[], object]:
        text = unit * n
        digits = [i for i, c in enumerate(unit) if c.isdigit()]
        first = digits[0]
        width = len(unit[first:].split(",")[0].split("人")[0].split(" ")[0])
        mentions = [
            mention_at(text, k * len(unit) + first, width) for k in range(n)
        ]
        doc = Document(path="big.txt", text=text,
                       sentences=[Sentence(start=0, end=len(text), text=text, paragraph=0)])
        return lambda: _claims(doc, mentions)

    assert_linear(extraction(400), extraction(3_200), scale=8, slack=3)


def mention_at(text: str, start: int, width: int) -> Mention:
    return small_number(text[start : start + width], start)


@pytest.mark.parametrize(("text", "value"), [
    ("OSLO, March 4, 2025 (Nordic Wire) — A storm that struck on Monday killed 3 people.",
     "March 4, 2025"),
    ("本報訊（2025年3月4日）　暴雨3日襲擊該市，造成3人死亡。", "2025年3月4日"),
])
def test_dateline_date_makes_no_claim(text: str, value: str) -> None:
    import datetime as dt

    from factcheck.models import DateValue

    day = dt.date(2025, 3, 4)
    doc = replace(document(text), date=day)
    m = replace(
        mention(text, value, "date"), value=DateValue(timex="2025-03-04", start=day, end=day)
    )
    assert m.start not in {c.start for c in _claims(doc, [m])}


@pytest.mark.parametrize(("text", "dateline"), [
    # No document date (no year in the dateline), and a headline line before it.
    ("Ferry operator halts crossings after engine fire\n\nBERGEN, May 9 (Nordic Wire) - "
     "The ferry operator halted crossings on May 12 after an engine fire.", True),
    # A bracketed date with no document date to confirm it is an ordinary value.
    ("（2025年5月9日）渡輪公司宣布停航。", False),
])
def test_undated_dateline_makes_no_claim(text: str, dateline: bool) -> None:
    from factcheck.models import DateValue

    value = "May 9" if dateline else "2025年5月9日"
    m = replace(mention(text, value, "date"), value=DateValue(timex="XXXX-05-09"))
    claimed = m.start in {c.start for c in _claims(document(text), [m])}
    assert claimed is not dateline


def test_dateline_place_and_agency_are_nobodys_subject() -> None:
    import datetime as dt

    from factcheck.models import DateValue

    text = "OSLO, March 4, 2025 (Nordic Wire) — The storm killed 3 people on Monday."
    day = dt.date(2025, 3, 4)
    doc = replace(document(text), date=day)
    line = replace(
        mention(text, "March 4, 2025", "date"),
        value=DateValue(timex="2025-03-04", start=day, end=day),
    )
    count = mention(text, "3", "number")
    [claim] = _claims(doc, [line, count])
    assert (claim.predicate, claim.subject) == ("deaths", None)
