"""A bug in a command: one sentence on stderr naming the log, the traceback in the log, exit code 1."""

from __future__ import annotations

import importlib
import sys

import pytest

from beautifulletters.logs import log_path, stop_logging

cli_main = importlib.import_module("ui.cli.main")


def test_an_unexpected_error_is_one_sentence_and_its_traceback_is_logged(
    archive_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise AttributeError("'Person' object has no attribute 'nick_name'")

    monkeypatch.setattr(cli_main.Archive, "open", broken)
    monkeypatch.setattr(sys, "argv", ["beautifulletters", "people", "list", "--archive", str(archive_path)])
    try:
        with pytest.raises(SystemExit) as exited:
            cli_main.main()
        assert exited.value.code == 1
        err = capsys.readouterr().err
        assert err == (
            "beautifulletters: Something unexpected went wrong (AttributeError: 'Person' object has no attribute "
            f"'nick_name'); the details are in {log_path()}.\n"
        )
        logged = log_path().read_text()
        assert "while running the command 'people list'" in logged and "Traceback" in logged
    finally:
        stop_logging()
