"""`beautifulletters spell FILE`: the contract other checks rely on (output, --json, exit codes)."""

from __future__ import annotations

from pathlib import Path

BRITISH = "My favourite colour is the harbour.\nI must apologise: the centre was closed.\nI rember it well.\n"


def test_regional_dictionaries_decide(cli, tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text(BRITISH, encoding="utf-8")
    british = cli("spell", str(text), "--language", "en-GB", "--json")
    assert british.returncode == 0, british.stderr
    assert british.json() == [{"word": "rember", "line": 3, "suggestions": british.json()[0]["suggestions"]}]
    assert british.json()[0]["suggestions"][0] == "remember"
    american = cli("spell", str(text), "--language", "en-US", "--json")
    assert american.returncode == 0
    words = [(item["word"], item["line"]) for item in american.json()]
    assert words == [("favourite", 1), ("colour", 1), ("harbour", 1), ("apologise", 2), ("centre", 2), ("rember", 3)]
    assert "color" in american.json()[1]["suggestions"]
    plain = cli("spell", str(text), "--language", "en-US")
    assert plain.returncode == 0 and "3: rember" in plain.stdout and "remember" in plain.stdout


def test_german_french_and_spanish(cli, tmp_path: Path) -> None:
    for language, good, bad in (
        ("de-DE", "Alles Gute zum Geburtstag, lieber Bruder.", "Geburstag"),
        ("fr-FR", "Joyeux anniversaire, ma chère sœur.", "anniversiare"),
        ("es", "Feliz cumpleaños, querido hermano.", "cumpleanos"),
    ):
        text = tmp_path / f"{language}.txt"
        text.write_text(f"{good}\n{bad}\n", encoding="utf-8")
        result = cli("spell", str(text), "--language", language, "--json")
        assert result.returncode == 0, result.stderr
        assert [item["word"] for item in result.json()] == [bad], language


def test_unknown_language_and_bad_files_are_one_sentence(cli, tmp_path: Path, archive_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text("Dzień dobry\n", encoding="utf-8")
    for language in ("pl", "xx", "not a tag"):
        result = cli("spell", str(text), "--language", language)
        assert result.returncode == 1, (language, result.stderr)
        assert "dictionary" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    (tmp_path / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    for path, words in (
        (tmp_path / "missing.txt", "does not exist"),
        (tmp_path / "latin1.txt", "UTF-8"),
        (tmp_path, "folder"),
    ):
        result = cli("spell", str(path), "--language", "en-GB")
        assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr
    assert not archive_path.exists()  # checking spelling never creates an archive


def test_archive_names_are_known(cli, tmp_path: Path, archive_path: Path) -> None:
    assert cli("people", "add", "Zephyrine Quillfeather").returncode == 0
    text = tmp_path / "letter.txt"
    text.write_text("Dear Zephyrine, thank you.\n", encoding="utf-8")
    result = cli("spell", str(text), "--language", "en-GB", "--json")
    assert result.returncode == 0 and result.json() == []
