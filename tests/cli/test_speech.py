"""`beautifulletters letters speak` and `letters voices`, run as a user would, with the real engine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from beautifulletters.speech import MISSING_ENGINE_MESSAGE, wav_duration
from beautifulletters.speech.engine import LIBRARY_ENV
from beautifulletters.speech.text import word_count


def add_letter(archive_path: Path, body: str, **fields) -> int:
    from beautifulletters.archive import Archive

    with Archive.open(archive_path) as archive:
        signer = archive.settings.default_signer_id()
        recipient = archive.people.add(display_name="Loretta Mercer", pronunciation="lo-RET-ah")
        return archive.letters.create(signer_id=signer, recipient_id=recipient, body=body, **fields)


def test_speak_writes_a_wav_as_long_as_the_letter(cli, archive_path: Path, tmp_path: Path) -> None:
    body = (
        "My dearest Loretta,\n\nForty-nine years. I did the arithmetic twice because it did not seem "
        "possible. It feels like last summer that we drove to the Grand Canyon in that borrowed car.\n\n"
        "Yours, always,"
    )
    letter_id = add_letter(archive_path, body, style={"signature_name": "Chris"})
    out = tmp_path / "reading.wav"
    result = cli("letters", "speak", str(letter_id), "--out", str(out), "--rate", "200", "--json")
    assert result.returncode == 0, result.stderr
    report = result.json()
    assert report["path"] == str(out) and report["rate"] == 200
    assert report["words"] == word_count(body) + 1  # the signature is read too
    expected = report["words"] * 60 / 200
    assert 0.6 * expected <= wav_duration(out) <= 1.4 * expected
    assert abs(report["duration_seconds"] - wav_duration(out)) < 0.01
    if shutil.which("soxi"):
        measured = float(subprocess.run(["soxi", "-D", str(out)], capture_output=True, text=True).stdout)
        assert abs(measured - wav_duration(out)) < 0.01


def test_a_letter_that_starts_with_version_is_read_aloud(cli, archive_path: Path, tmp_path: Path) -> None:
    letter_id = add_letter(archive_path, "--version\n\n--out is not an option here, my dear.")
    out = tmp_path / "version.wav"
    result = cli("letters", "speak", str(letter_id), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "0.1.0" not in result.stdout
    assert wav_duration(out) > 1.5


def test_speak_with_a_voice_by_language(cli, archive_path: Path, tmp_path: Path) -> None:
    letter_id = add_letter(archive_path, "Alles Gute zum Geburtstag, meine Liebe.")
    out = tmp_path / "de.wav"
    result = cli("letters", "speak", str(letter_id), "--out", str(out), "--voice", "de", "--json")
    assert result.returncode == 0, result.stderr
    assert result.json()["voice"] == "gmw/de"
    assert out.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--voice", "klingon-x"], "voice"),
        (["--rate", "5000"], "rate"),
        (["--rate", "fast"], "speed"),
    ],
)
def test_bad_options_name_what_is_wrong(cli, archive_path: Path, tmp_path: Path, arguments, message) -> None:
    letter_id = add_letter(archive_path, "Hello.")
    result = cli("letters", "speak", str(letter_id), "--out", str(tmp_path / "x.wav"), *arguments)
    assert result.returncode in (1, 2)
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.wav").exists()


def test_an_unknown_letter_or_folder_is_bad_input(cli, archive_path: Path, tmp_path: Path) -> None:
    result = cli("letters", "speak", "999", "--out", str(tmp_path / "x.wav"))
    assert result.returncode == 1 and "no letter with id 999" in result.stderr
    letter_id = add_letter(archive_path, "Hello.")
    result = cli("letters", "speak", str(letter_id), "--out", str(tmp_path / "missing" / "x.wav"))
    assert result.returncode == 1 and "does not exist" in result.stderr


def test_without_espeak_ng_the_command_says_what_to_install(cli, archive_path: Path, tmp_path: Path) -> None:
    letter_id = add_letter(archive_path, "Hello.")
    result = cli(
        "letters",
        "speak",
        str(letter_id),
        "--out",
        str(tmp_path / "x.wav"),
        env={LIBRARY_ENV: str(tmp_path / "no-such-libespeak-ng.so.1")},
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"beautifulletters: {MISSING_ENGINE_MESSAGE}"
    assert not (tmp_path / "x.wav").exists()


def test_voices_are_listed_by_language(cli, archive_path: Path) -> None:
    add_letter(archive_path, "Hello.")
    result = cli("letters", "voices", "--language", "de", "--json")
    assert result.returncode == 0, result.stderr
    groups = result.json()
    assert groups[0]["language"] == "German (de)"
    english = next(g for g in groups if g["language"] == "English (en)")
    assert any(v["name"] == "English (America)" for v in english["voices"])
