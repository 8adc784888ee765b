"""Bytes -> text: byte-order marks, UTF-8, UTF-16, then charset-normalizer for GB18030/Big5.

Decoding never yields lone surrogates: UTF-16 is decoded with "replace" (a broken pair
becomes U+FFFD) and every other codec refuses them. A file that is binary or that no codec
reads cleanly raises SourceError naming the file.
"""

from __future__ import annotations

import codecs

from factcheck import rxcache
from factcheck.errors import SourceError

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of formats people hand to a text tool by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
)

_CONTROL = rxcache.compile(r"[\x00-\x08\x0e-\x1f]")

# The codecs a source may be in when it is not UTF: Chinese ones and Western single-byte
# ones. Letting charset-normalizer also try Korean and Japanese codecs makes it read short
# Simplified Chinese texts as CP949.
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "cp950", "cp1252", "latin_1"]
_WESTERN = frozenset({"cp1252", "latin_1"})

# The non-ASCII characters a Chinese or English news text is made of: Han, the common
# Chinese and typographic punctuation, full-width letters and digits, accented Latin letters
# and a few symbols. Mojibake (GB18030 read as CP1252: "—" -> "¡ª") is made of others.
_PLAUSIBLE = rxcache.compile(
    r"[\x00-\x7f\p{Han}，。、；：？！「」『』（）《》〈〉【】—–‘’“”…·　％＋－"
    r"０-９Ａ-Ｚａ-ｚ\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f€£¥©®°«»\u00a0]++"
)

_HINT = "save the file as UTF-8 (or UTF-16 with a BOM, GB18030, Big5)"


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:12].startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, when it shows: every ASCII character (digits, spaces, line
    breaks) puts a NUL on one side of its pair -- the odd side in little-endian; a CJK
    character puts one on either side only now and then (U+6700 is 00 67 in LE)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul, odd_nul = data[0::2].count(0), data[1::2].count(0)
    if odd_nul > 2 * even_nul:
        codec = "utf-16-le"
    elif even_nul > 2 * odd_nul:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    # Binary data that happens to pair up decodes into control characters.
    return None if _CONTROL.search(text) else text


def _undecodable(path: str) -> SourceError:
    return SourceError("cannot decode the file as text", path=path, hint=_HINT)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a source file's bytes; the BOM (or a leading U+FEFF) is dropped."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            # UTF-16/32 with a BOM is trusted; a broken surrogate pair becomes U+FFFD.
            errors = "strict" if codec == "utf-8" else "replace"
            try:
                return body.decode(codec, errors).removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                raise _undecodable(path) from exc
    kind = _binary_kind(data)
    if kind is not None:
        raise SourceError(f"this is {kind}, not a text file", path=path, hint=_HINT)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16.removeprefix("\ufeff")
    if b"\x00" in data:
        raise SourceError("binary file (it holds NUL bytes)", path=path, hint=_HINT)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    return _guess(data, path)


def _guess(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 files need it

    matches = list(from_bytes(data, cp_isolation=_CANDIDATES))
    if not matches:
        raise _undecodable(path)
    encoding = _prefer_chinese(data, [m.encoding for m in matches])
    # GBK is a subset of GB18030; decoding as the superset loses nothing.
    encoding = "gb18030" if encoding in ("gbk", "gb2312") else encoding
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError) as exc:
        raise _undecodable(path) from exc


def _oddness(data: bytes, encoding: str) -> int:
    """How many characters of the decoded text fall outside _PLAUSIBLE (-1: undecodable)."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return -1
    return len(_PLAUSIBLE.sub("", text))


def _prefer_chinese(data: bytes, encodings: list[str]) -> str:
    """charset-normalizer's first choice, unless it is a Western codec and a Chinese one reads
    the bytes into fewer odd characters: a mostly-English text saved as GB18030 holds too few
    Chinese bytes for its statistics ("—" alone), but CP1252 turns them into mojibake."""
    best = encodings[0]
    if best not in _WESTERN:
        return best
    western = _oddness(data, best)
    scored = [(_oddness(data, e), e) for e in encodings if e not in _WESTERN]
    scored = [(odd, e) for odd, e in scored if odd >= 0]
    if scored:
        odd, chinese = min(scored, key=lambda pair: pair[0])
        if odd < western:
            return chinese
    return best
