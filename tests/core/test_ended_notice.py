"""The notice under a draft to someone whose relationship ended names how it ended in the reader's language."""

from __future__ import annotations

import pytest

from beautifulletters import drafting, i18n


@pytest.mark.parametrize(("language", "said"), [("en", "(divorce)"), ("de", "(Scheidung)")])
def test_how_it_ended_is_said_in_the_reader_s_language(archive, monkeypatch, language: str, said: str) -> None:
    people = {archive.people.get(i).display_name: i for i in archive.search.people_ids()}
    chris, loretta = people["Chris Mercer"], people["Loretta Mercer"]
    archive.relationships.set(chris, loretta, kind="wife", ended_on="2019", end_kind="divorce")
    monkeypatch.setenv("LANGUAGE", language)
    i18n.set_language(None)
    try:
        draft = drafting.render_draft(archive, recipient_id=loretta, signer_id=chris, template="birthday")
    finally:
        monkeypatch.setenv("LANGUAGE", "en")
        i18n.set_language(None)
    assert any(said in warning for warning in draft.warnings), draft.warnings
