"""`export`, `letters export`, `letters envelope` and `merge` through the real command in a child process."""

from __future__ import annotations

import json
from pathlib import Path


def test_export_each_format(cli, tmp_path):
    for fmt in ("vcf", "csv", "json"):
        out = tmp_path / f"everyone.{fmt}"
        result = cli("export", "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0 and "Wrote" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("{")
    assert json.loads(out.read_text(encoding="utf-8"))["letters"][0]["revisions"]
    vcf = (tmp_path / "everyone.vcf").read_text(encoding="utf-8")
    assert vcf.count("BEGIN:VCARD") == 3 and "FN:Loretta Mercer" in vcf


def test_export_json_option_and_errors(cli, tmp_path):
    result = cli("export", "--format", "json", "--out", str(tmp_path / "a.json"), "--json")
    assert result.json()["counts"]["letters"] == 2
    assert cli("export", "--out", str(tmp_path / "x.vcf")).returncode == 2  # --format is required
    assert cli("export", "--format", "pdf", "--out", str(tmp_path / "x.pdf")).returncode == 2
    folder = cli("export", "--format", "vcf", "--out", str(tmp_path))
    assert folder.returncode == 1 and "is a folder" in folder.stderr


def test_cli_export_every_format_and_merge(cli, archive_path: Path, tmp_path: Path) -> None:
    assert cli("people", "list").returncode == 0
    for fmt in ("pdf", "odt", "docx", "html", "txt", "md"):
        result = cli("letters", "export", "1", "--format", fmt, "--out", str(tmp_path / f"letter.{fmt}"))
        assert result.returncode == 0, result.stderr
    assert "\nDear Lolly,\n\nAnother year, and you still hum" in (tmp_path / "letter.txt").read_text()
    bad = cli("letters", "export", "1", "--format", "pdf", "--out", str(tmp_path / "x.pdf"), "--font", "Comic")
    assert bad.returncode == 1 and "font" in bad.stderr and "Traceback" not in bad.stderr
    merged = cli("merge", "--template", "anniversary", "--tag", "sample", "--out", str(tmp_path / "batch"))
    assert merged.returncode == 0, merged.stderr
    assert sorted(p.name for p in (tmp_path / "batch").iterdir()) == ["Chris Mercer.pdf", "Loretta Mercer.pdf"]
    assert "warning" in merged.stderr
    envelope = cli("letters", "envelope", "1", "--out", str(tmp_path / "env.pdf"), "--size", "US10")
    assert envelope.returncode == 0, envelope.stderr
