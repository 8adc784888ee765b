"""`check`: the given files against the ledger and the repository, with the index,
suppressions and the baseline, through the library and through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck import workspace
from factcheck.check import run_check, warnings
from factcheck.config import load_settings
from factcheck.errors import LedgerError, UsageError

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "check_repo.yaml").read_text("utf-8"))


def make_repo(root: Path) -> Path:
    for name, text in CASES["files"].items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(CASES["config"], encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "."], cwd=root, check=True)
    return root


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in [n for n in __import__("os").environ if n.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)
    return make_repo(tmp_path)


def summary(result: Any) -> list[str]:
    return sorted(
        f"{f.code} {f.sides[0].source} {f.sides[1].source}"
        for f in result.report.findings
        if f.kind != "agreement"
    )


@pytest.mark.parametrize("case", CASES["scenarios"], ids=[c["name"] for c in CASES["scenarios"]])
def test_scenario(case: dict[str, Any], repo: Path) -> None:
    for name, text in case.get("write", {}).items():
        (repo / name).write_text(text, encoding="utf-8")
    result = run_check(case["check"], load_settings(case.get("flags"), start=repo))
    assert summary(result) == sorted(case["expect"])
    default = [c for c in case["check"] if not c.startswith("drafts/")]
    assert result.checked == case.get("checked", default)
    assert len(result.suppressed) == case.get("suppressed", 0)
    assert [s.describe() for s in result.stale_suppressions] == case.get("stale", [])
    if "notes" in case:
        assert warnings(result) == case["notes"]


def test_findings_only_for_given_files(repo: Path) -> None:
    (repo / "articles" / "acme-new.md").write_text(
        "Acme Robotics was founded in 2012, the company said.\n", encoding="utf-8"
    )
    result = run_check(["articles/acme-wire.txt"], load_settings(start=repo))
    assert summary(result) == ["FC101 articles/acme-wire.txt articles/acme-new.md"]
    everything = run_check(None, load_settings(start=repo))
    assert "drafts/notes.md" not in {s.path for s in everything.report.sources}
    pairs = [
        tuple(sorted(side.source for side in f.sides))
        for f in everything.report.findings
        if f.kind == "contradiction"
    ]
    assert sorted(pairs) == [  # each pair once, though both of its files were checked
        ("articles/acme-2024.md", "articles/acme-new.md"),
        ("articles/acme-new.md", "articles/acme-wire.txt"),
        ("articles/acme-new.md", "claims/companies.yaml"),
    ]


def test_second_run_parses_only_the_changed_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_check(None, load_settings(start=repo))
    parsed: list[str] = []
    real = workspace.analyse_file

    def counting(rel: str, data: bytes, config: Any) -> Any:
        parsed.append(rel)
        return real(rel, data, config)

    monkeypatch.setattr(workspace, "analyse_file", counting)
    run_check(["articles/acme-wire.txt"], load_settings(start=repo))
    assert parsed == []
    (repo / "articles" / "borealis.md").write_text("Borealis Foods was founded in 1998.\n")
    result = run_check(["articles/acme-wire.txt"], load_settings(start=repo))
    assert parsed == ["articles/borealis.md"]
    assert summary(result) == []


def test_baseline_accepts_old_findings_and_reports_stale(repo: Path) -> None:
    new = repo / "articles" / "acme-new.md"
    new.write_text("Acme Robotics was founded in 2012, the company said.\n", encoding="utf-8")
    settings = load_settings({"baseline": "baseline.json"}, start=repo)
    written = run_check(["articles/acme-new.md"], settings, baseline_mode="write")
    assert len(written.baselined) == 3
    assert json.loads((repo / "baseline.json").read_text())["version"] == 1
    # Moving the sentence down does not change its fingerprint.
    new.write_text("\n\nAcme Robotics was founded in 2012, the company said.\n", encoding="utf-8")
    again = run_check(["articles/acme-new.md"], load_settings({"baseline": "baseline.json"}))
    assert summary(again) == []
    assert len(again.baselined) == 3
    new.write_text("Acme Robotics was founded in 2015, the company said.\n", encoding="utf-8")
    fixed = run_check(["articles/acme-new.md"], load_settings({"baseline": "baseline.json"}))
    assert len(fixed.stale_baseline) == 3
    assert any("no longer match" in note for note in warnings(fixed))
    run_check(
        ["articles/acme-new.md"], load_settings({"baseline": "baseline.json"}),
        baseline_mode="update",
    )  # fmt: skip
    assert json.loads((repo / "baseline.json").read_text())["findings"] == []


def test_file_outside_the_repository_is_refused(repo: Path, tmp_path_factory: Any) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "x.md"
    outside.write_text("text\n", encoding="utf-8")
    with pytest.raises(UsageError, match="outside the repository"):
        run_check([str(outside)], load_settings(start=repo))


def test_bad_ledger_names_file_and_line(repo: Path) -> None:
    (repo / "claims" / "bad.yaml").write_text("facts:\n  - subject: x\n", encoding="utf-8")
    with pytest.raises(LedgerError) as info:
        run_check(None, load_settings(start=repo))
    assert (info.value.path, info.value.line) == ("claims/bad.yaml", 2)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=root, capture_output=True, text=True,
        check=False, env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )  # fmt: skip


@pytest.mark.slow
def test_cli_exit_codes_and_formats(repo: Path) -> None:
    ok = cli(repo, "check", "articles/acme-wire.txt")
    assert ok.returncode == 0, ok.stderr
    (repo / "articles" / "acme-new.md").write_text("Acme Robotics was founded in 2012.\n")
    bad = cli(repo, "check", "articles/acme-new.md", "--format", "line")
    assert bad.returncode == 1
    assert bad.stdout.startswith("articles/acme-new.md:1:30: FC101 ")
    assert "“2012” here vs “2015” in claims/companies.yaml:" in bad.stdout
    sarif = cli(repo, "check", "articles/acme-new.md", "--format", "sarif")
    assert json.loads(sarif.stdout)["runs"][0]["results"][0]["ruleId"] == "FC101"
    gh = cli(repo, "check", "articles/acme-new.md", "--format", "github", "--fail-on", "never")
    assert gh.returncode == 0
    assert gh.stdout.startswith("::error file=articles/acme-new.md,line=1,col=30,")
    missing = cli(repo, "check", "articles/nope.md")
    assert missing.returncode == 2
    assert "articles/nope.md" in missing.stderr
    assert "Traceback" not in missing.stderr


@pytest.mark.slow
def test_cli_settings_and_ledger_add(repo: Path) -> None:
    shown = cli(repo, "check", "--show-settings")
    assert 'exclude = ["drafts/*"]' in shown.stdout
    assert cli(repo, "config").stdout == shown.stdout
    (repo / "articles" / "acme-jobs.md").write_text("Acme Robotics employs 1,300 people.\n")
    added = cli(repo, "ledger", "add", "articles/acme-jobs.md", "--at", "1:24")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added to ")
    ledger = yaml.safe_load((repo / "claims" / "ledger.yaml").read_text("utf-8"))
    assert ledger["facts"][0]["value"] == "1,300"
    assert ledger["facts"][0]["predicate"] == "employees"
    refused = cli(repo, "check", "articles/acme-2024.md", "--format", "line")
    assert refused.returncode == 1
    assert "“1,200” here vs “1,300” in claims/ledger.yaml:" in refused.stdout


def test_ledger_claims_come_from_the_index_until_the_ledger_changes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import check as check_module

    run_check(None, load_settings(start=repo))
    built: list[int] = []
    real = check_module.build_claims
    monkeypatch.setattr(
        check_module, "build_claims", lambda led, *a: built.append(1) or real(led, *a)
    )
    again = run_check(["articles/acme-wire.txt"], load_settings(start=repo))
    assert built == []
    assert any(f.sides[1].source == "claims/companies.yaml" for f in again.report.findings)
    ledger = repo / "claims" / "companies.yaml"
    ledger.write_text(ledger.read_text("utf-8").replace('"2015"', '"2016"'), encoding="utf-8")
    changed = run_check(["articles/acme-wire.txt"], load_settings(start=repo))
    assert built == [1]
    assert summary(changed) == ["FC101 articles/acme-wire.txt claims/companies.yaml"]


def test_library_check_uses_the_repository_settings(repo: Path) -> None:
    from factcheck.check import check
    from factcheck.config import Config

    report = check(["articles/acme-wire.txt"])
    assert "articles/acme-wire.txt" in {s.path for s in report.sources}
    assert report.summary.contradictions == 0
    (repo / "articles" / "acme-new.md").write_text("Acme Robotics was founded in 2012.\n")
    assert check(["articles/acme-new.md"]).summary.contradictions == 3
    assert check(["articles/acme-new.md"], Config(ignore=["FC101"])).summary.contradictions == 0
