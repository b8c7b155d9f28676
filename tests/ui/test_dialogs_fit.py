"""Every dialog the menus open fits a 1024×768 screen: none is wider or taller than it, at its
opening size or at its least, so no control is ever out of reach off the screen's edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

SCREEN = QSize(1024, 768)
# Room for the window manager's title bar and frame (screen_fit leaves a little more).
FRAME = QSize(16, 60)


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        elif action.text().endswith("…") and action.isEnabled():
            found.append(action)
    return found


def _open_dialogs() -> set[QDialog]:
    return {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()}


def _close(dialog: QDialog) -> None:
    dialog.reject()
    if dialog.isVisible():  # a guarded dialog asks before it drops what was typed
        dialog.done(QDialog.DialogCode.Rejected)


def test_every_dialog_from_the_menus_fits_a_1024_by_768_screen(qtbot, window, monkeypatch) -> None:
    _every_dialog_fits(qtbot, window, monkeypatch)


def test_every_dialog_fits_in_german_too(qtbot, german, window, monkeypatch) -> None:
    """German words are longer: the same dialogs, the same screen."""
    _every_dialog_fits(qtbot, window, monkeypatch)


def _every_dialog_fits(qtbot, window, monkeypatch) -> None:
    # File choosers are the platform's own, sized by it; they must not block the test.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    window.ensure_desk()
    # A letter on the desk, so the letter's own dialogs (duplicate, mark as sent, print) open too.
    person = window.current_person_id()
    window.open_letter(window.archive.letters.all(to=person)[0].id)
    room = SCREEN - FRAME
    on_screen = window.screen().availableGeometry().size() - FRAME
    seen: list[str] = []
    too_big: list[str] = []
    current = {"action": "", "before": set()}

    def inspect() -> None:
        """Measure and close each dialog the action opened (modal ones too: this runs inside their loop)."""
        for dialog in _open_dialogs() - current["before"]:
            if isinstance(dialog, QMessageBox):
                dialog.done(0)  # a question or refusal, sized by its sentence
                continue
            name = f"{current['action']} ({type(dialog).__name__})"
            seen.append(name)
            least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
            # Its least size fits 1024×768; it opens no bigger than the screen it is on (the test's is 800×800).
            opening_room = on_screen.expandedTo(least)  # the screen, or what the dialog needs at least
            for what, got, fits in (("at least", least, room), ("opens at", dialog.size(), opening_room)):
                if got.width() > fits.width() or got.height() > fits.height():
                    too_big.append(f"{name} {what} {got.width()}×{got.height()}")
            _close(dialog)

    watcher = QTimer(interval=50)
    watcher.timeout.connect(inspect)
    watcher.start()
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        menu.aboutToShow.emit()  # the desk's actions join their menus as they open
        for action in _menu_actions(menu):
            current["action"], current["before"] = action.text().replace("&", ""), _open_dialogs()
            action.trigger()
            qtbot.wait(120)
            qtbot.waitUntil(lambda: not (_open_dialogs() - current["before"]), timeout=5000)
    watcher.stop()
    assert len(seen) >= 10, seen  # the menus' dialogs were really opened
    assert too_big == [], "\n".join(too_big)


@pytest.mark.parametrize("which", ["template editor", "new letter"])
def test_the_big_dialogs_fit_1440_by_900_at_200_percent(qtbot, window, which) -> None:
    """At QT_SCALE_FACTOR=2 a 1440×900 screen is 720×450 to Qt: the template editor and New letter
    (the two widest) can be made that small and still show their text, preview and buttons."""
    from ui.dialogs.new_letter import NewLetterDialog
    from ui.dialogs.template_editor import TemplateEditorDialog

    if which == "template editor":
        dialog = TemplateEditorDialog(window.archive, window)
        parts = [dialog.editor, dialog.preview, dialog.save_button, dialog.close_button]
    else:
        dialog = NewLetterDialog(window.archive, window, recipient_id=window.current_person_id())
        parts = [dialog.template_combo, dialog.preview, dialog.create_button, dialog.cancel_button]
    qtbot.addWidget(dialog)
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert least.width() <= 720 - FRAME.width() and least.height() <= 450 - FRAME.height(), least
    dialog.resize(least)
    dialog.show()
    qtbot.waitExposed(dialog)
    for part in parts:
        assert part.isVisible() and part.width() > 0 and part.height() > 0, part
        assert dialog.rect().contains(
            part.geometry().translated(part.parentWidget().mapTo(dialog, part.pos()) - part.pos())
        )
    dialog.done(0)
