"""The front-matter reader that spares PyYAML: whatever block it takes, it must read to
exactly what yaml.safe_load gives; anything else it leaves to PyYAML. Checked on chosen
blocks and on many blocks put together at random from awkward pieces."""

from __future__ import annotations

import random
from typing import Any

import pytest
import yaml

from factcheck.frontmatter import read_front_matter, simple_block

TAKEN = [
    "title: 马斯克与奥特曼的人工智能之争\nlang: zh\ndraft: false\n",
    "audio: false\nmodel: x-ai/grok-4-fast:free\ntitle: Musk's suit, again\n",
    'title: "Quoted: with colon # and hash"\ndate: 2025-10-07\n',
    "title: 'it''s here'\nlang: en\n",
    "# a comment\n\n  # indented comment\ntitle: x   \n",
    "title:\nlang: ~\ndate: null\n",
    "title: a\ntitle: b\n",
    "tag: C#, [not a list], {nor a map}\n",
    "last-modified: yes\non_: On\nx: offside\n",
    "",
    "# only a comment\n",
]

LEFT = [
    "title: |\n  a\n",
    "title: >\n  a\n",
    "tags:\n  - a\n",
    "tags:\n- a\n",
    "title: a\n  continued\n",
    "title: a # comment\n",
    "title: a: b\n",
    "title: 1:20\n",
    "date: 2025-10-07 10:00\n",
    "date: 2025-02-30\n",
    "date: 2025-1-7\n",
    "title: 'open\n",
    'title: "esc\\"aped"\n',
    "title: &a x\n",
    "title: *a\n",
    "title: !!str 1\n",
    "yes: 1\n",
    "title:\tx\n",
    "title: a\u2028b\n",
    "title: a\ufeff\n",
    "title: -x\n",
    "title: 12\n",
    "title: .5\n",
    "key:value\n",
    "%YAML 1.1\n",
    "title: x:\n",
    "[a, b]\n",
]


@pytest.mark.parametrize("block", TAKEN)
def test_simple_blocks_read_as_pyyaml_reads_them(block: str) -> None:
    simple, data = simple_block(block)
    assert simple
    assert data == yaml.safe_load(block)
    assert [type(v) for v in (data or {}).values()] == [
        type(v) for v in (yaml.safe_load(block) or {}).values()
    ]


@pytest.mark.parametrize("block", LEFT)
def test_other_blocks_are_left_to_pyyaml(block: str) -> None:
    assert simple_block(block) == (False, None)


KEYS = ["title", "date", "lang", "language", "x", "on", "Null", "a-b", "_k", "ti tle", "1"]
VALUES = [
    "", " ", "word", "two words", "马斯克", "yes", "No", "off", "null", "~", "2025-10-07",
    "2025-13-01", "12", "-3", "+1", ".inf", "0x1f", "1_000", "1:20", "a:b", "a: b", "a #c",
    "a#c", "'q'", "'it''s'", "'bad'quote'", '"dq"', '"d\\"q"', '"open', "|", ">", "&x", "*x",
    "!t", "%d", "@x", "`x", "[1]", "{a: 1}", "-", "- x", "? x", "<<", "=", "y", "n", "True",
    "ON", "x\ty", "tail:", "é", "\u00a0x", "x\u0085y",
]


def _random_block(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 5)):
        roll = rng.random()
        if roll < 0.1:
            lines.append(rng.choice(["", "# note", "  # note", "   ", "  indented: x", "- x"]))
        else:
            sep = rng.choice([": ", ":", " : ", ":  "])
            lines.append(rng.choice(KEYS) + sep + rng.choice(VALUES) + rng.choice(["", "  "]))
    return "\n".join(lines) + rng.choice(["", "\n"])


def test_random_blocks_agree_with_pyyaml() -> None:
    rng = random.Random(20251128)
    taken = 0
    for _ in range(3000):
        block = _random_block(rng)
        simple, data = simple_block(block)
        if not simple:
            continue
        taken += 1
        expected: Any = yaml.safe_load(block)
        assert data == expected, block
        assert [type(v) for v in (data or {}).values()] == [
            type(v) for v in (expected or {}).values()
        ], block
    assert taken > 300  # the reader must take a good share, or this checks little


def test_simple_block_gives_the_same_front_matter() -> None:
    text = "---\ntitle: 周海明\ndate: 2024-03-05\nlang: zh-Hant\n---\nBody\n"
    front = read_front_matter(text, "a.md")
    assert (front.title, str(front.date), front.lang) == ("周海明", "2024-03-05", "zh-Hant")
    assert text[front.body_start :] == "Body\n"
