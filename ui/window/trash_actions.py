"""Letter ▸ Delete letter (to the trash, with Undo in the status bar), Letter ▸ Trash… (restore or empty),
and a batch's unwanted drafts sent to the trash together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import humandates
from beautifulletters.archive import Archive, trash
from beautifulletters.errors import BeautifulLettersError, NotFoundError
from beautifulletters.i18n import _, n_
from beautifulletters.words import letter_title, number
from ui.tasks import Lane, run_task
from ui.widgets.plain import message_box, plain_label, plain_tip
from ui.window.status import offer_undo

if TYPE_CHECKING:
    from ui.window.surface import WindowSurface


def delete_current_letter(window: WindowSurface) -> int | None:
    """Move the open letter to the trash; the status bar offers Undo for a while. Returns its id."""
    editor = window.editor
    letter_id = editor.letter_id
    if letter_id is None or window.refuse_if_readonly():
        return None
    recipient = editor.letter.recipient_id if editor.letter else None
    editor.unload()  # every keystroke is saved first, then nothing is left open to save into
    try:
        trash.delete_letter(window.archive, letter_id)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return None
    _after_change(window, recipient)
    offer_undo(
        window.statusBar(),
        _("The letter is in the trash (Letter ▸ Trash… brings it back)."),
        lambda: restore_letter(window, letter_id),
        _("Bring the deleted letter back"),
    )
    return letter_id


def trash_letters(window: WindowSurface, letter_ids: list[int]) -> None:
    """Letters to the trash in one go, off the window's thread: a batch's drafts the writer chose not to keep."""
    editor = window.editor if window.desk_ready else None
    if editor is not None and editor.letter_id in letter_ids:
        editor.unload()  # its last words are saved first, then it goes with the others
    path = window.archive.path
    wanted = list(letter_ids)

    def work() -> int:
        moved = 0
        with Archive.open(path, full_check=False) as archive:  # open and checked by the window
            for letter_id in wanted:
                try:
                    trash.delete_letter(archive, letter_id)
                except NotFoundError:
                    continue  # deleted meanwhile
                moved += 1
        return moved

    def done(moved: int) -> None:
        _after_change(window, None)
        window.statusBar().showMessage(
            n_(
                "{count} draft went to the trash (Letter ▸ Trash… brings it back).",
                "{count} drafts went to the trash (Letter ▸ Trash… brings them back).",
                moved,
            ).format(count=number(moved)),
            8000,
        )

    run_task(
        work,
        owner=window,
        on_success=done,
        on_failure=lambda failure: window.show_error(failure.message),
        lane=Lane.ARCHIVE,
        doing="moving a batch's drafts to the trash",
    )


def restore_letter(window: WindowSurface, letter_id: int) -> bool:
    try:
        letter = trash.undelete_letter(window.archive, letter_id)
    except BeautifulLettersError as error:
        window.show_error(str(error))
        return False
    _after_change(window, letter.recipient_id)
    window.open_letter(letter_id)
    window.statusBar().showMessage(_("The letter is back, with every revision."), 5000)
    return True


def _after_change(window: WindowSurface, recipient: int | None) -> None:
    window.person_panel.show_person(window.archive, recipient if recipient is not None else window.current_person_id())
    window.people_list.people_model.refresh()


class TrashDialog(QDialog):
    """The letters in the trash: restore one, or empty the trash for good (asked first)."""

    def __init__(self, window: WindowSurface, archive: Archive) -> None:
        super().__init__(window)
        self.window_ = window
        self.archive = archive
        self.setWindowTitle(_("Trash"))
        self.resize(620, 420)
        self.about = plain_label()
        self.about.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Letters in the trash"))
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setDefault(True)  # Enter restores the chosen letter
        self.empty_button = QPushButton(_("Empty trash…"))
        self.empty_button.setAutoDefault(False)  # never the coral default: it throws letters away
        self.empty_button.clicked.connect(self.ask_empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        letters = trash.list_trash(self.archive)
        for letter in letters:
            title = letter_title(letter.title, letter.occasion)
            text = _("{title} to {name} · deleted {date}").format(
                title=title,
                name=letter.recipient_name or _("someone since deleted"),
                date=humandates.near_date(letter.deleted_at),
            )
            item = QListWidgetItem(text)
            item.setToolTip(plain_tip(letter.excerpt or text))
            item.setData(Qt.ItemDataRole.UserRole, letter.id)
            self.list.addItem(item)
        self.about.setText(
            n_(
                "{count} letter in the trash. Restore brings it back with every revision.",
                "{count} letters in the trash. Restore brings one back with every revision.",
                len(letters),
            ).format(count=number(len(letters)))
            if letters
            else _("The trash is empty.")
        )
        self.restore_button.setEnabled(bool(letters))
        self.empty_button.setEnabled(bool(letters))
        if letters:
            self.list.setCurrentRow(0)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and restore_letter(self.window_, int(item.data(Qt.ItemDataRole.UserRole))):
            self.fill()

    def ask_empty(self) -> QMessageBox:
        box = message_box(
            QMessageBox.Icon.Warning,
            _("Empty trash"),
            n_(
                "Delete the {count} letter in the trash for good? This cannot be undone.",
                "Delete the {count} letters in the trash for good? This cannot be undone.",
                self.list.count(),
            ).format(count=number(self.list.count())),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        delete = box.addButton(_("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def chosen(_result: int) -> None:
            if box.clickedButton() is delete:
                try:
                    trash.empty_trash(self.archive)
                except BeautifulLettersError as error:
                    self.about.setText(str(error))
                    return
                self.fill()

        box.finished.connect(chosen)
        box.open()
        self.confirm = box
        return box


def open_trash(window: WindowSurface) -> QWidget:
    dialog = TrashDialog(window, window.archive)
    window.show_dialog(dialog)
    return dialog
