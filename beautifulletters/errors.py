"""Errors the core raises for people to read: each names the file or field that is wrong."""

from __future__ import annotations

from beautifulletters.i18n import N_, _


class BeautifulLettersError(Exception):
    """Base class: the message is one plain sentence fit to show a user."""


# What a field is called where a message names it (English: as given); a field not listed is named as given.
_FIELD_NAMES = {
    "name": N_("name"),
    "full name": N_("full name"),
    "nickname": N_("nickname"),
    "pronouns": N_("pronouns"),
    "birthday": N_("birthday"),
    "email": N_("email"),
    "phone": N_("phone"),
    "address": N_("address"),
    "language": N_("language"),
    "tag": N_("tag"),
    "tags": N_("tags"),
    "notes": N_("notes"),
    "note": N_("note"),
    "pronunciation": N_("pronunciation"),
    "photo": N_("photo"),
    "kind": N_("kind"),
    "since": N_("since"),
    "how we met": N_("how we met"),
    "pet name": N_("pet name"),
    "tone": N_("tone"),
    "date": N_("date"),
    "label": N_("label"),
    "letter": N_("letter"),
    "letters": N_("letters"),
    "title": N_("title"),
    "status": N_("status"),
    "file": N_("file"),
    "folder": N_("folder"),
    "format": N_("format"),
    "template": N_("template"),
    "font": N_("font"),
    "stationery": N_("stationery"),
    "relationship": N_("relationship"),
    "recipients": N_("recipients"),
    "backup": N_("backup"),
    "anthology": N_("anthology"),
    "envelope": N_("envelope"),
    "died on": N_("died on"),
}


def field_name(field: str) -> str:
    """How a message names a field, in the reader's language ("birthday", "Geburtstag")."""
    return _(_FIELD_NAMES[field]) if field in _FIELD_NAMES else field


class ValidationError(BeautifulLettersError):
    """A field's value is not acceptable; `field` names it for forms and messages.

    The message reads "field: reason", or, with `sentence`, is a whole sentence that names the
    field itself ("The name contains a control character (U+001B) at position 1; remove it.").
    """

    def __init__(self, field: str, message: str, *, sentence: bool = False) -> None:
        self.field = field
        self.reason = message
        super().__init__(
            message if sentence else _("{field}: {reason}").format(field=field_name(field), reason=message)
        )


class RefusedValueError(ValidationError):
    """A value nothing in the archive may hold: control characters, escape sequences, bidirectional
    overrides, broken characters, dates in other digits, or more than a limit allows. The message
    is one whole sentence. An import meeting one refuses the whole file rather than skip a card."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message, sentence=True)


# One whole sentence for each kind of record: "person" and "letter" take different words around them.
_NOT_FOUND = {
    "person": N_("There is no person with id {id}."),
    "letter": N_("There is no letter with id {id}."),
    "revision": N_("There is no revision with id {id}."),
    "date": N_("There is no date with id {id}."),
    "note": N_("There is no note with id {id}."),
    "letter in the trash": N_("There is no letter in the trash with id {id}."),
}


class NotFoundError(BeautifulLettersError):
    def __init__(self, kind: str, ident: object) -> None:
        self.kind = kind
        self.ident = ident
        sentence = _NOT_FOUND.get(kind)
        super().__init__(
            _(sentence).format(id=ident)
            if sentence
            else _("There is no {kind} with id {id}.").format(kind=kind, id=ident)
        )


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
