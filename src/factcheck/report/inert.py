"""Untrusted source text made safe for a terminal: every control character visible, inert.

An article may carry ANSI/OSC escape sequences, C0/C1 controls, bidirectional overrides or
zero-width characters; printed raw they could retitle the window, recolor the report or
reorder what the reader sees. Each becomes a visible stand-in of the same meaning.
"""

from __future__ import annotations

from factcheck import rxcache

# C0 controls and DEL as Unicode control pictures (ESC -> ␛); tab and newline as spaces.
_C0 = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421", 0x09: " ", 0x0A: " "}

# C1 controls, bidi embeddings/overrides/isolates and marks, zero-width and invisible
# formatting characters, line/paragraph separators: shown as <U+XXXX>.
_INVISIBLE = rxcache.compile(
    r"[\x80-\x9f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029"
    r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\p{Co}]"
)


def inert(text: str) -> str:
    """`text` with every character that could act on a terminal made visible."""
    text = text.translate(_C0)
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


__all__ = ["inert"]
