"""The ledger in claims/: validation with file and line, facts as claims, `ledger add`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import LedgerError
from factcheck.frozen import replace
from factcheck.ledger import Fact, load_ledger, parse_ledger_file
from factcheck.ledger_add import append_fact, pick_claim

ERRORS = yaml.safe_load((Path(__file__).parent / "cases" / "ledger_errors.yaml").read_text())

LEDGER = """\
# canonical facts of one story
aliases:
  openai: [OpenAI, 開放人工智能]
triggers:
  lawsuit.filed: [提告]
facts:
  - subject: elon_musk
    predicate: lawsuit.filed
    object: openai
    value: 2024-02-29   # unquoted: stays the string the editor wrote
    source: "court filing"
  - subject: elon_musk
    predicate: acquisition.bid
    value: "US$97.4 billion"
    time: "2025年2月"
    note: unsolicited
"""


@pytest.mark.parametrize("case", ERRORS, ids=[c["name"] for c in ERRORS])
def test_errors_name_file_line_and_field(case: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "bad.yaml").write_text(case["text"], encoding="utf-8")
    with pytest.raises(LedgerError) as info:
        load_ledger(tmp_path / "claims", root=tmp_path)
    assert info.value.path == "claims/bad.yaml"
    assert info.value.line == case["line"]
    assert case["message"] in info.value.message


def test_scalars_stay_as_written() -> None:
    parsed, _marks = parse_ledger_file(Path("x.yaml"), LEDGER, "x.yaml")
    assert parsed.facts[0].value == "2024-02-29"
    assert parsed.aliases == {"openai": ["OpenAI", "開放人工智能"]}  # short form
    assert parsed.triggers == {"lawsuit.filed": ["提告"]}


def test_facts_become_claims_at_their_place(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "story.yaml").write_text(LEDGER, encoding="utf-8")
    ledger = load_ledger(tmp_path / "claims", root=tmp_path)
    first, second = ledger.claims
    assert (first.source, first.line, first.column) == ("claims/story.yaml", 10, 12)
    assert LEDGER[first.start : first.end] == "2024-02-29"
    assert first.value.kind == "date"
    assert first.value.timex == "2024-02-29"  # type: ignore[union-attr]
    assert (first.subject, first.predicate, first.object) == (
        "elon_musk",
        "lawsuit.filed",
        "openai",
    )
    assert (second.line, second.column) == (14, 13)  # inside the quotes
    assert LEDGER[second.start : second.end] == "US$97.4 billion"
    assert second.value.kind == "money"
    assert second.value.amount == pytest.approx(97.4e9)  # type: ignore[union-attr]
    assert second.time is not None
    assert second.time.timex == "2025-02"
    assert ledger.aliases["openai"].names == ["OpenAI", "開放人工智能"]


def test_unreadable_value_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    text = "facts:\n  - subject: a\n    predicate: b\n    value: sometime soon\n"
    (tmp_path / "c" / "x.yml").write_text(text, encoding="utf-8")
    with pytest.raises(LedgerError, match="not a date, amount") as info:
        load_ledger(tmp_path / "c", root=tmp_path)
    assert info.value.line == 4


def test_append_creates_then_extends_keeping_comments(tmp_path: Path) -> None:
    path = tmp_path / "claims" / "ledger.yaml"
    one = Fact(subject="openai", predicate="org.founded", value="2015")
    two = Fact(subject="elon_musk", predicate="lawsuit.filed", value="2024-02-29", note="法院")
    assert append_fact(path, one) == 2
    text = path.read_text("utf-8")
    path.write_text("# kept comment\n" + text, encoding="utf-8")
    assert append_fact(path, two) == 6
    final = path.read_text("utf-8")
    assert final.startswith("# kept comment\nfacts:\n  - subject: openai\n")
    parsed, _ = parse_ledger_file(path, final, "ledger.yaml")
    assert [f.value for f in parsed.facts] == ["2015", "2024-02-29"]
    assert parsed.facts[1].note == "法院"
    assert not list(path.parent.glob(".ledger.yaml.*"))  # no temporary file left behind


def test_append_refuses_when_facts_is_not_last(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text("facts:\n  - {subject: a, predicate: b, value: '1'}\naliases: {}\n", "utf-8")
    before = path.read_text("utf-8")
    with pytest.raises(LedgerError, match="must be the last key"):
        append_fact(path, Fact(subject="a", predicate="b", value="2"))
    assert path.read_text("utf-8") == before


def test_pick_claim_by_id_and_position(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "story.yaml").write_text(LEDGER, encoding="utf-8")
    claims = load_ledger(tmp_path / "claims", root=tmp_path).claims
    path = "claims/story.yaml"
    assert pick_claim(claims, claim_id=claims[1].id, at=None, path=path) is claims[1]
    assert pick_claim(claims, claim_id=str(claims[0].start), at=None, path=path) is claims[0]
    assert pick_claim(claims, claim_id=None, at="14:15", path=path) is claims[1]
    assert pick_claim(claims, claim_id=None, at="10", path=path) is claims[0]
    with pytest.raises(LedgerError, match="no claim at 3:1"):
        pick_claim(claims, claim_id=None, at="3:1", path=path)


VOCAB = """\
aliases:
  acme_robotics: [Acme Robotics, 艾克米機器人]
  zeta_labs: {names: [Zeta Labs], type: company}
triggers:
  product.recalled: {phrases: [recalled, 召回], kinds: [number]}
facts:
  - {subject: 艾克米機器人, predicate: org.founded, value: "2015"}
  - {subject: Zeta Labs, predicate: product.recalled, value: "12,000"}
  - {subject: Some New Name, predicate: employees, value: "1,200"}
"""


def test_predicate_kinds_and_names_are_resolved(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "v.yaml").write_text(VOCAB, encoding="utf-8")
    founded, recalled, staff = load_ledger(tmp_path / "claims", root=tmp_path).claims
    assert founded.subject == "acme_robotics"
    assert founded.value.kind == "date"  # a bare year, for a predicate that takes dates
    assert recalled.subject == "zeta_labs"
    assert recalled.value.kind == "number"
    assert staff.subject == "some_new_name"  # the id articles give an unknown name


def test_extraction_files_carry_aliases_and_triggers(tmp_path: Path) -> None:
    from factcheck.ledger import extraction_files

    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "v.yaml").write_text(VOCAB, encoding="utf-8")
    ledger = load_ledger(tmp_path / "claims", root=tmp_path)
    aliases, lexicon = extraction_files(ledger, tmp_path / "cache")
    entities = yaml.safe_load(aliases[0].read_text("utf-8"))["entities"]
    assert entities["acme_robotics"] == {"names": ["Acme Robotics", "艾克米機器人"], "type": "org"}
    assert entities["zeta_labs"]["type"] == "company"
    predicates = yaml.safe_load(lexicon[0].read_text("utf-8"))["predicates"]
    assert predicates["product.recalled"] == {
        "kinds": ["number"],
        "en": ["recalled"],
        "zh": ["召回"],
    }
    assert extraction_files(load_ledger(tmp_path / "nothing"), tmp_path / "c2") == ([], [])


def test_relative_dates_are_written_as_the_date_they_meant() -> None:
    import datetime as dt

    from factcheck.ledger_add import fact_from_claim
    from factcheck.models import Claim, DateValue

    day = DateValue(timex="2025-03-04", start=dt.date(2025, 3, 4), end=dt.date(2025, 3, 4))
    claim = Claim(
        id="a.md#5", source="a.md", line=2, column=3, start=5, end=12, subject="metropay",
        predicate="ruling.date", value_text="Tuesday", value=day, time_text="on Tuesday",
        time=day, sentence="The court ruled on Tuesday.", sentence_start=0,
    )  # fmt: skip
    fact = fact_from_claim(claim, note="checked")
    assert (fact.value, fact.time, fact.source, fact.note) == (
        "2025-03-04", "2025-03-04", "a.md:2:3", "checked"
    )  # fmt: skip
    plain = replace(claim, value_text="March 4, 2025", predicate=None)
    with pytest.raises(LedgerError, match="no predicate"):
        fact_from_claim(plain)
    assert fact_from_claim(plain, predicate="ruling.date").value == "March 4, 2025"
