"""Errors the core raises for people to read: each names the file or field that is wrong."""

from __future__ import annotations


class BeautifulLettersError(Exception):
    """Base class: the message is one plain sentence fit to show a user."""


class ValidationError(BeautifulLettersError):
    """A field's value is not acceptable; `field` names it for forms and messages.

    The message reads "field: reason", or, with `sentence`, is a whole sentence that names the
    field itself ("The name contains a control character (U+001B) at position 1; remove it.").
    """

    def __init__(self, field: str, message: str, *, sentence: bool = False) -> None:
        self.field = field
        self.reason = message
        super().__init__(message if sentence else f"{field}: {message}")


class RefusedValueError(ValidationError):
    """A value nothing in the archive may hold: control characters, escape sequences, bidirectional
    overrides, broken characters, dates in other digits, or more than a limit allows. The message
    is one whole sentence. An import meeting one refuses the whole file rather than skip a card."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message, sentence=True)


class NotFoundError(BeautifulLettersError):
    def __init__(self, kind: str, ident: object) -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(f"There is no {kind} with id {ident}.")


class ArchiveError(BeautifulLettersError):
    """The archive file cannot be used as asked (missing, foreign, damaged, read-only, locked)."""


class ArchiveMissingError(ArchiveError):
    """No archive at the path, and it was not asked to make one."""


class ArchiveExistsError(ArchiveError):
    """Asked to make a new archive where a file already is."""


class NotAnArchiveError(ArchiveError):
    pass


class ArchiveDamagedError(ArchiveError):
    pass


class ArchiveReadOnlyError(ArchiveError):
    pass
