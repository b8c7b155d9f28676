"""Person ▸ Delete person…: says what goes with them (letters, notes, dates) before anything is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from beautifulletters.archive import Archive
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.words import count
from ui.widgets.plain import menu_text, message_box


def what_goes(archive: Archive, person_id: int) -> str:
    """'2 letters, 6 notes and 2 dates' — what deleting this person also deletes."""
    letters = archive.people.letter_count(person_id)
    notes = len(archive.notes.for_person(person_id))
    dates = len(archive.dates.for_person(person_id))
    parts = [count(n, w) for n, w in ((letters, "letter"), (notes, "note"), (dates, "date")) if n]
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


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
    name = person["display_name"]
    goes = what_goes(archive, person_id)
    if person_id == archive.settings.default_signer_id():
        text = f"{name} signs your letters, so they cannot be deleted. Choose another signer first (Preferences)."
        box = message_box(QMessageBox.Icon.Information, "Delete person", text, QMessageBox.StandardButton.Ok, parent)
        show(box)
        return box
    text = f"Delete {name}?" + (
        f" Their {goes} are deleted with them, and this cannot be undone (a backup keeps the archive as it was)."
        if goes
        else " Nothing else is kept about them."
    )
    box = message_box(QMessageBox.Icon.Warning, "Delete person", text, QMessageBox.StandardButton.NoButton, parent)
    delete = box.addButton(
        menu_text(f"Delete {name}") + (" and their letters" if archive.people.letter_count(person_id) else ""),
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
                QMessageBox.Icon.Warning, "Delete person", str(error), QMessageBox.StandardButton.Ok, parent
            )
            show(failed)
            return
        on_deleted()

    box.finished.connect(chosen)
    show(box)
    return box
