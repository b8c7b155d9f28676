"""`letters draft` and `templates list|show|check` through the real command in a child process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from beautifulletters import drafting
from beautifulletters.archive import Archive


def test_letters_draft_stores_a_letter_with_its_first_revision(cli, archive_path: Path) -> None:
    result = cli("letters", "draft", "--to", "3", "--from", "2", "--template", "anniversary")
    assert result.returncode == 0, result.stderr
    letter_id = int(result.stdout.strip())
    with Archive.open(archive_path) as archive:
        letter = archive.letters.get(letter_id)
        assert letter.revision_count == 1 and letter.status == "draft"
        assert letter.template == "anniversary" and letter.occasion == "anniversary"
        assert letter.style["signature_name"] == "Chris"
        assert letter.body_text.startswith(("My", "Dear")) and letter.body == letter.body_text
        assert letter.language == "en"
        used = letter.style["used_note_ids"]
        assert used and all(isinstance(i, int) for i in used)
        # The next letter picks memories this one has not used.
        nxt = drafting.render_draft(archive, recipient_id=3, signer_id=2, template="love-letter")
        used_texts = [archive.notes.get(i).text for i in used]
        assert not any(t.split()[1] in nxt.text.split("\n\n")[2] for t in used_texts if t.startswith("the winter"))


def test_letters_draft_json_and_default_signer(cli) -> None:
    payload = cli("letters", "draft", "--to", "3", "--template", "birthday", "--json").json()
    assert payload["id"] >= 1 and payload["template"] == "birthday" and payload["text"].startswith("Dear")
    assert payload["signer_id"] == 1  # the default signer, the user
    assert isinstance(payload["warnings"], list)


def test_templates_list_json_has_name_title_occasion(cli) -> None:
    items = cli("templates", "list", "--json").json()
    assert len(items) >= 16
    assert all({"name", "title", "occasion"} <= set(item) for item in items)
    shown = cli("templates", "show", "sympathy")
    assert shown.returncode == 0 and "title: Sympathy" in shown.stdout


def test_bad_input_is_one_line_and_exit_one(cli, tmp_path: Path) -> None:
    result = cli("letters", "draft", "--to", "3", "--template", "no-such-template")
    assert result.returncode == 1 and "no template named" in result.stderr and "Traceback" not in result.stderr
    result = cli("letters", "draft", "--to", "999", "--template", "birthday")
    assert result.returncode == 1 and "999" in result.stderr
    broken = tmp_path / "broken.j2"
    broken.write_text("Dear {{ recipient.name }},\n\n{% for x in memories %}\n", encoding="utf-8")
    result = cli("letters", "draft", "--to", "3", "--template", str(broken))
    assert result.returncode == 1 and "broken.j2, line" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = cli("templates", "check", str(broken))
    assert result.returncode == 1 and "broken.j2, line 3" in result.stderr
    result = cli("letters", "draft", "--template", "birthday")
    assert result.returncode == 2


def test_a_hostile_template_file_ends_quickly_through_the_command(cli, tmp_path: Path) -> None:
    hostile = tmp_path / "spin.j2"
    hostile.write_text(
        "{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    started = dt.datetime.now()
    result = cli("letters", "draft", "--to", "3", "--template", str(hostile))
    assert (dt.datetime.now() - started).total_seconds() < 8  # includes starting Python twice
    assert result.returncode == 1 and "longer than" in result.stderr and "Traceback" not in result.stderr


def test_a_template_that_writes_nothing_is_refused(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.j2"
    empty.write_text("{# nothing #}\n{% if false %}x{% endif %}\n", encoding="utf-8")
    result = cli("letters", "draft", "--to", "3", "--template", str(empty))
    assert result.returncode == 1 and "no letter text" in result.stderr


def test_template_file_drafts_and_includes_builtin_pieces(cli, tmp_path: Path) -> None:
    mine = tmp_path / "short.j2"
    mine.write_text(
        '{% import "_letter.j2" as letter with context %}{{ letter.dear() }}\n\n'
        "I remember {{ memories[0].phrase }}.\n\n{{ letter.close() }}\n",
        encoding="utf-8",
    )
    result = cli("letters", "draft", "--to", "3", "--from", "2", "--template", str(mine), "--json")
    assert result.returncode == 0, result.stderr
    # Which memory comes first is the pair's own (variety); each is phrased after "I remember".
    text = result.json()["text"]
    assert any(
        f"I remember {m}" in text for m in ("the winter the pipes froze", "dancing in the kitchen", "the road trip")
    )
