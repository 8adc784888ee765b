"""The matching view keeps every position of the original text."""

import pytest

from factcheck.normalize.script import fold

CASES = [
    ("２０２５年1月17日", "2025年1月17日"),
    ("馬斯克提交訴狀索賠千億美元", "马斯克提交诉状索赔千亿美元"),
    ("ＯｐｅｎＡＩ，微軟", "openai,微软"),
    ("Sam Altman", "sam altman"),
    ("…", "…"),  # NFKC would make three dots: kept as is
    ("İstanbul", "İstanbul"),  # lower() would add a character: kept as is
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert len(fold(text)) == len(text)
