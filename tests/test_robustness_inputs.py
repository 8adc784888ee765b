"""Robustness of reading (issue 5): the same article in every encoding an editor saves gives
the same findings; bad inputs of every kind give one line and exit 2 (or, when empty, a clean
report), never a traceback; an internal error gives exit 3. Real subprocesses, real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck import api, cli
from factcheck.errors import SourceError
from factcheck.recordjson import to_json
from factcheck.sources import read_source
from robustness_kit import (
    STORIES,
    assert_one_line_error,
    findings_view,
    reencode,
    run_cli,
    story_files,
)

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "robustness_inputs.yaml").read_text("utf-8")
)
OK_ARTICLE = "Acme Robotics was founded in 1999 in Boston.\n\nAcme Robotics employs 400 people.\n"

# Which encodings each kind of article can be saved in without loss (Big5 has no
# Simplified characters; GBK and GB18030 hold both scripts).
ENCODINGS = {
    "utf-8-bom-crlf": ("en", "zh-hans", "zh-hant"),
    "utf-16-le-bom": ("en", "zh-hans", "zh-hant"),
    "utf-16-be-bom": ("en", "zh-hans", "zh-hant"),
    "gb18030": ("en", "zh-hans", "zh-hant"),
    "gbk": ("zh-hans",),
    "big5": ("zh-hant",),
}


def _report(folder: Path, names: list[str]) -> dict[str, Any]:
    report = api.compare([str(folder / n) for n in names])
    data: dict[str, Any] = json.loads(to_json(report))
    return data


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_reencoded_articles_give_the_same_findings(
    tmp_path: Path, story: str, encoding: str
) -> None:
    plain, coded = tmp_path / "utf8", tmp_path / encoding
    plain.mkdir()
    coded.mkdir()
    names = []
    for src in story_files(story):
        text = src.read_text("utf-8")
        (plain / src.name).write_text(text, "utf-8", newline="")
        data = reencode(text, encoding) if src.stem in ENCODINGS[encoding] else text.encode()
        (coded / src.name).write_bytes(data)
        names.append(src.name)
    want = _report(plain, names)
    got = _report(coded, names)
    roles = {str(folder / n): n for folder in (plain, coded) for n in names}
    assert want["findings"], "the example story should have findings to compare"
    assert findings_view(got, roles) == findings_view(want, roles)
    # Line and column are counted in the decoded text: they find the value where written.
    for claim in got["claims"]:
        lines = read_source(claim["source"]).text.split("\n")
        line = lines[claim["line"] - 1]
        assert line[claim["column"] - 1 :].startswith(claim["value_text"]), claim["id"]


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-16-be-bom", "big5"])
def test_reencoded_article_through_the_cli(tmp_path: Path, encoding: str) -> None:
    # Same names in two folders: alignment visits sources in sorted order, so the names
    # must not differ between the runs compared.
    files = {f.stem: f for f in story_files("chip-takeover")}
    for folder, coded in (("plain", False), ("coded", True)):
        (tmp_path / folder).mkdir()
        shutil.copy(files["en"], tmp_path / folder / "en.txt")
        text = files["zh-hant"].read_text("utf-8")
        data = reencode(text, encoding) if coded else text.encode()
        (tmp_path / folder / "zh.txt").write_bytes(data)
    runs = {
        folder: run_cli("compare", "en.txt", "zh.txt", "--format", "json", cwd=tmp_path / folder)
        for folder in ("plain", "coded")
    }
    for proc in runs.values():
        assert b"Traceback" not in proc.stderr
        assert proc.returncode in (0, 1), proc.stderr
    roles = {"en.txt": "en", "zh.txt": "zh"}
    got, want = (json.loads(runs[f].stdout) for f in ("coded", "plain"))
    assert findings_view(got, roles) == findings_view(want, roles)


def _make(folder: Path, name: str, spec: dict[str, Any]) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.get("dir"):
        path.mkdir()
    elif "bytes" in spec:
        path.write_bytes(spec["bytes"].encode("latin-1"))
    else:
        path.write_text(spec["text"], "utf-8", newline="")


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, case: dict[str, Any]) -> None:
    if case.get("pending"):
        pytest.xfail(case["pending"])
    (tmp_path / "ok.txt").write_text(OK_ARTICLE, "utf-8")
    for name, spec in case["files"].items():
        _make(tmp_path, name, spec)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    proc = run_cli(*case["args"], cwd=tmp_path, stdin=b"")
    if "exit" in case:
        assert proc.returncode == case["exit"], proc.stderr
        assert proc.stderr == b"" or b"Traceback" not in proc.stderr
        report = json.loads(proc.stdout)
        assert report["findings"] == []
    else:
        assert_one_line_error(proc, *case["error"])
    for name in case.get("absent", []):
        assert not (tmp_path / name).exists(), f"{name} was created: YAML ran code"
    # Whatever happened, no input was changed.
    assert {p: p.read_bytes() for p in before} == before


def test_unreadable_file_is_a_source_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root chmod 000 does not bite, so the refusal is simulated where the bytes are read.
    path = tmp_path / "secret.txt"
    path.write_text(OK_ARTICLE, "utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(path) in str(caught.value)
    assert "hint:" in str(caught.value)


@pytest.mark.slow
def test_unreadable_file_through_the_cli(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading")
    (tmp_path / "ok.txt").write_text(OK_ARTICLE, "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(OK_ARTICLE, "utf-8")
    secret.chmod(0)
    try:
        proc = run_cli("compare", "ok.txt", "secret.txt", cwd=tmp_path)
    finally:
        secret.chmod(0o600)
    assert_one_line_error(proc, "secret.txt", "permission", "hint:")


def test_internal_error_is_short_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug deep inside")

    (tmp_path / "a.txt").write_text(OK_ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_text(OK_ARTICLE.replace("1999", "2003"), "utf-8")
    monkeypatch.setattr(api, "compare", broken)
    monkeypatch.setattr(
        "sys.argv", ["factcheck", "compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    )
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert "internal error" in err
    assert cli.BUG_URL in err


SCRAPED_HEADERS = [
    "1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. 12. 13. 14. 15. 16. 17. 18. 19. 20. 57.",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15",
    "1.\n2.\n3.\n4.\n5.\n6.\n7.\n8.\n9.\n10.",
]


@pytest.mark.parametrize("header", SCRAPED_HEADERS)
def test_scraped_line_numbers_give_no_findings(tmp_path: Path, header: str) -> None:
    body = "Acme Robotics was founded in 1999 in Boston.\n"
    (tmp_path / "a.txt").write_text(f"{header}\n{body}", "utf-8")
    (tmp_path / "b.txt").write_text(f"{header.replace('57', '58')}\n{body}", "utf-8")
    report = api.compare([tmp_path / "a.txt", tmp_path / "b.txt"])
    header_end = len(header)
    assert all(c.start > header_end for c in report.claims), [c.value_text for c in report.claims]
    assert all(f.kind == "agreement" for f in report.findings)
