"""records.trusted: the same records model_construct builds, field for field."""

from __future__ import annotations

import datetime as dt

from factcheck.models import Claim, DateValue, Mention, MoneyValue, NumberValue, PercentValue
from factcheck.records import trusted


def _claim_fields() -> dict[str, object]:
    value = NumberValue(value=19.0, low=18.5, high=19.5, unit="人")
    return {
        "id": "a.txt#10", "source": "a.txt", "line": 1, "column": 11, "start": 10, "end": 13,
        "subject": "hengda", "subject_text": "恒达", "predicate": "deaths",
        "trigger_text": "死亡", "object": None, "value_text": "19人", "value": value,
        "time_text": "13日", "time": DateValue(timex="2025-01-13", start=dt.date(2025, 1, 13),
                                               end=dt.date(2025, 1, 13)),
        "modality": "asserted", "sentence": "恒达称19人死亡。", "sentence_start": 0,
    }


def test_every_field_given_is_the_record_model_construct_builds() -> None:
    fields = _claim_fields()
    built, expected = trusted(Claim, **fields), Claim.model_construct(**fields)
    assert built == expected
    assert list(built.__dict__) == list(Claim.model_fields)  # field order, as validated
    assert built.model_dump_json() == expected.model_dump_json()
    assert built.model_fields_set == set(Claim.model_fields)
    assert hash(built) == hash(expected)


def test_values_and_mentions() -> None:
    cases = [
        (MoneyValue, {"kind": "money", "amount": 1e9, "low": 9.5e8, "high": 1.05e9,
                      "currency": "USD", "mod": None}),
        (PercentValue, {"kind": "percent", "value": 45.0, "low": 44.5, "high": 45.5,
                        "mod": "approx"}),
        (NumberValue, {"kind": "number", "value": 3.0, "low": 2.5, "high": 3.5, "unit": None,
                       "mod": None}),
    ]
    for cls, fields in cases:
        value = trusted(cls, **fields)
        assert value == cls(**fields)
        mention = trusted(Mention, text="x", start=0, end=1, kind=fields["kind"], value=value)
        assert mention.model_dump() == Mention.model_construct(
            text="x", start=0, end=1, kind=fields["kind"], value=value
        ).model_dump()


def test_fields_left_out_take_their_defaults() -> None:
    fields = _claim_fields()
    del fields["modality"], fields["object"]
    built = trusted(Claim, **fields)
    assert built.modality == "asserted"
    assert built.object is None
    assert built == Claim.model_construct(**fields)


def test_a_copy_with_changes_leaves_the_shared_field_set_alone() -> None:
    first = trusted(NumberValue, kind="number", value=3.0, low=2.5, high=3.5, unit=None,
                    mod=None)
    second = trusted(NumberValue, kind="number", value=4.0, low=3.5, high=4.5, unit=None,
                     mod=None)
    copied = first.model_copy(update={"unit": "人"})
    assert copied.unit == "人"
    assert first.unit is None
    assert second.model_fields_set == set(NumberValue.model_fields)
