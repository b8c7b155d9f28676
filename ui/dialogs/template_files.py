"""A user template on disk: its name (checked before saving), its file, and the text a new one starts from."""

from __future__ import annotations

import re
from pathlib import Path

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _

TEMPLATE_SUFFIX = ".j2"


_NAME = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


MAX_NAME_LENGTH = 60


NEW_TEMPLATE = """{#
title: My letter
occasion: letter
description: A letter of my own.
tone: warm
fields: recipient.name, memories
#}
Dear {{ recipient.name }},

I have been thinking of you{% if memories %}, and of {{ memories[0].phrase }}{% endif %}.

With love,
"""


def validate_template_name(name: str, *, existing_user: set[str], builtin: set[str]) -> str | None:
    """Why `name` cannot be used for a new template (plain words), or None if it can."""
    name = name.strip()
    if not name:
        return _("Give the template a name.")
    if len(name) > MAX_NAME_LENGTH:
        return _("Keep the name under {count} characters.").format(count=MAX_NAME_LENGTH)
    if not _NAME.match(name):
        return _("Use only letters, digits and dashes (for example: my-anniversary).")
    if name.lower() in {n.lower() for n in builtin}:
        return _("“{name}” is a built-in template's name; choose another so the built-in one stays available.").format(
            name=name
        )
    if name.lower() in {n.lower() for n in existing_user}:
        return _("You already have a template called “{name}”; choose another name.").format(name=name)
    return None


def write_template_file(path: Path, text: str) -> str | None:
    """Write all of `text` or nothing (a crash mid-save never leaves half a template); why not, or None."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fileio.write_text(path, text)
    except OSError as error:
        return _("Not saved: {path} could not be written ({reason}).").format(path=path, reason=error.strerror)
    except BeautifulLettersError as error:
        return _("Not saved: {reason}").format(reason=error)
    return None
