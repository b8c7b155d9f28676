"""The log: a rotating file in the per-user state folder; unexpected errors keep their traceback."""

from __future__ import annotations

from pathlib import Path

from beautifulletters.errors import NotFoundError
from beautifulletters.logs import failure_message, log_path, start_logging, stop_logging


def test_the_log_lives_in_the_per_user_state_folder(isolated_user_dirs: Path) -> None:
    try:
        path = start_logging()
        assert path == log_path()
        assert path.is_relative_to(isolated_user_dirs / "state")
    finally:
        stop_logging()


def test_unexpected_errors_are_logged_whole_and_told_in_one_sentence() -> None:
    try:
        start_logging()
        try:
            {}["recipient_idd"]
        except KeyError as error:
            message = failure_message(error, "drafting a letter")
        assert message == (
            f"Something unexpected went wrong (KeyError: 'recipient_idd'); the details are in {log_path()}."
        )
        logged = log_path().read_text()
        assert "while drafting a letter" in logged and "Traceback (most recent call last)" in logged
        # Foreseen trouble is told in its own words and needs no traceback.
        assert failure_message(NotFoundError("person", 9)) == "There is no person with id 9."
        assert log_path().read_text().count("Traceback") == 1
    finally:
        stop_logging()
