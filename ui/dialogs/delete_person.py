"""Person ▸ Delete person…: says what goes with them (letters, notes, dates) before anything is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _, n_
from beautifulletters.words import join, number
from ui.widgets.plain import menu_text, message_box


def what_goes(archive: Archive, person_id: int) -> str:
    """'2 letters, 6 notes and 2 dates' — what deleting this person also deletes."""
    letters = archive.people.letter_count(person_id)
    notes = len(archive.notes.for_person(person_id))
    dates = len(archive.dates.for_person(person_id))
    parts = []
    if letters:
        parts.append(n_("{count} letter", "{count} letters", letters).format(count=number(letters)))
    if notes:
        parts.append(n_("{count} note", "{count} notes", notes).format(count=number(notes)))
    if dates:
        parts.append(n_("{count} date", "{count} dates", dates).format(count=number(dates)))
    return join(parts)


def ask_delete_person(
    parent: QWidget,
    archive: Archive,
    person_id: int,
    on_deleted: Callable[[], None],
    show: Callable[[QMessageBox], None],
) -> QMessageBox | None:
    """Ask, then delete the person with everything that is theirs; `show` opens the box without blocking."""
    try:
        person = archive.people.get(person_id)
    except BeautifulLettersError:
        return None
    name = person.display_name
    goes = what_goes(archive, person_id)
    if person_id == archive.settings.default_signer_id():
        text = _(
            "{name} signs your letters, so they cannot be deleted. Choose another signer first (Preferences)."
        ).format(name=name)
        box = message_box(QMessageBox.Icon.Information, _("Delete person"), text, QMessageBox.StandardButton.Ok, parent)
        show(box)
        return box
    if goes:
        text = _(
            "Delete {name}? Their {things} are deleted with them, and this cannot be undone "
            "(a backup keeps the archive as it was)."
        ).format(name=name, things=goes)
    else:
        text = _("Delete {name}? Nothing else is kept about them.").format(name=name)
    box = message_box(QMessageBox.Icon.Warning, _("Delete person"), text, QMessageBox.StandardButton.NoButton, parent)
    delete = box.addButton(
        menu_text(
            (
                _("Delete {name} and their letters") if archive.people.letter_count(person_id) else _("Delete {name}")
            ).format(name=name)
        ),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def chosen(_result: int) -> None:
        if box.clickedButton() is not delete:
            return
        try:
            archive.people.remove(person_id, with_letters=True)
        except BeautifulLettersError as error:
            failed = message_box(
                QMessageBox.Icon.Warning, _("Delete person"), str(error), QMessageBox.StandardButton.Ok, parent
            )
            show(failed)
            return
        on_deleted()

    box.finished.connect(chosen)
    show(box)
    return box
