"""The command line in the person's language: errors, help and counted words."""

from __future__ import annotations

import json
import os
from pathlib import Path


def test_an_error_is_said_in_german_with_language_de(cli, archive) -> None:
    result = cli("people", "show", "999", env={"LANGUAGE": "de"})
    assert result.returncode == 1
    assert result.stderr.strip() == "beautifulletters: Es gibt keine Person mit der ID 999."
    english = cli("people", "show", "999", env={"LANGUAGE": "en"})
    assert english.stderr.strip() == "beautifulletters: There is no person with id 999."


def test_a_field_problem_names_the_field_in_german(cli, archive) -> None:
    result = cli("people", "add", "Ada", "--birthday", "1990-02-30", env={"LANGUAGE": "de"})
    assert result.returncode == 1
    assert result.stderr.startswith("beautifulletters: Geburtstag: ")
    assert "kein echtes Datum" in result.stderr and "Traceback" not in result.stderr


def test_help_is_german_but_json_stays_as_it_is(cli, archive) -> None:
    helped = cli("people", "--help", env={"LANGUAGE": "de"})
    assert "eine Person hinzufügen; gibt die neue ID aus" in helped.stdout
    listed = cli("people", "list", "--json", env={"LANGUAGE": "de"})
    people = json.loads(listed.stdout)
    assert {"id", "display_name"} <= set(people[0])  # keys are a contract, never translated


def test_the_preferences_override_speaks_german_on_the_command_line(cli, archive, tmp_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "BeautifulLetters"
    config.mkdir(parents=True, exist_ok=True)
    (config / "preferences.json").write_text(json.dumps({"interface_language": "de"}), encoding="utf-8")
    result = cli("letters", "show", "999", env={"LANGUAGE": "en"})
    assert result.stderr.strip() == "beautifulletters: Es gibt keinen Brief mit der ID 999."


def test_counts_take_their_plural_in_german(cli, archive) -> None:
    result = cli("letters", "empty-trash", env={"LANGUAGE": "de"})
    assert result.returncode == 0
    assert "Papierkorb geleert: 0 Briefe endgültig gelöscht." in result.stderr
