"""The window's menus and toolbar: File, Edit, Person, Letter and View.

Edit, Letter and View also hold the editor's and the reader's actions, which the window adds
when it builds the desk (MainWindow.build_desk).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from beautifulletters.i18n import _
from ui.resources import icon as load_icon
from ui.window import integrations
from ui.window.help import add_help_menu
from ui.window.letter_date import add_letter_date_action
from ui.window.letter_life import add_letter_life_actions
from ui.window.recent import RecentLetters
from ui.window.surface import WindowSurface
from ui.window.trash_actions import delete_current_letter, open_trash


def build_menus(window: WindowSurface) -> None:
    """Fill the window's menu bar and toolbar; the actions are kept on the window by name."""
    menus = window.menuBar()
    toolbar = window.addToolBar(_("Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    file_menu = menus.addMenu(_("&File"))
    window.new_letter_action = window.add_action(
        file_menu,
        _("&New letter…"),
        window.new_letter,
        QKeySequence.StandardKey.New,
        _("Draft a letter to the selected person"),
    )
    window.open_archive_action = window.add_action(
        file_menu,
        _("&Open archive…"),
        window.choose_archive,
        QKeySequence.StandardKey.Open,
        _("Open another archive file"),
    )
    window.add_action(file_menu, _("New &archive…"), window.create_archive, None, _("Start a new, empty archive file"))
    window.recent = RecentLetters(window, file_menu)
    window.save_action = window.add_action(
        file_menu,
        _("&Save"),
        window.save_now,
        QKeySequence.StandardKey.Save,
        _("Letters save themselves as you type; this saves at once"),
    )
    file_menu.addSeparator()
    integrations.add_file_actions(window, file_menu, toolbar)  # print, export, import, backups
    file_menu.addSeparator()
    window.preferences_action = window.add_action(
        file_menu, _("Pre&ferences…"), window.open_preferences, QKeySequence.StandardKey.Preferences
    )
    if window.preferences_action.shortcut().isEmpty():
        window.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
    file_menu.addSeparator()
    window.add_action(file_menu, _("&Quit"), window.close, QKeySequence.StandardKey.Quit)

    # Edit, Letter and View also hold the editor's actions, added when it is built (MainWindow.build_desk);
    # opening one of them first builds it, so they are never shown without them.
    window.edit_menu = menus.addMenu(_("&Edit"))

    person_menu = menus.addMenu(_("&Person"))
    window.add_person_action = window.add_action(person_menu, _("&Add person…"), window.add_person, "Ctrl+Shift+N")
    window.add_action(
        person_menu, _("&Edit person…"), lambda: window.edit_person(window.current_person_id()), "Ctrl+Alt+E"
    )
    window.add_action(person_menu, _("Edit &relationship…"), window.edit_current_relationship, "Ctrl+Shift+R")
    window.add_action(person_menu, _("&Find person"), window.focus_search, "Ctrl+Shift+F")
    person_menu.addSeparator()
    window.add_action(person_menu, _("&Delete person…"), lambda: delete_current_person(window))
    window.remove_sample_action = window.add_action(
        person_menu, _("Remove the &sample correspondence"), window.remove_sample
    )

    letter_menu = menus.addMenu(_("&Letter"))
    letter_menu.addAction(window.new_letter_action)
    window.add_action(letter_menu, _("&Template editor…"), window.open_template_editor, "Ctrl+Shift+T")
    window.add_action(
        letter_menu,
        _("Letters to &many people…"),
        window.open_batch,
        "Ctrl+Shift+M",
        _("One draft per person from a template, reviewed, then printed as PDF"),
    )
    window.add_action(
        letter_menu,
        _("&Anthology of this correspondence…"),
        lambda: integrations.export_anthology(window),
        None,
        _("Every letter between these two people, in date order, as one PDF book"),
    )
    window.add_action(
        letter_menu,
        _("&Delete letter"),
        lambda: delete_current_letter(window),
        None,
        _("Move the open letter to the trash"),
    )
    window.add_action(
        letter_menu,
        _("Tras&h…"),
        lambda: open_trash(window),
        None,
        _("Letters you deleted: bring one back, or empty the trash"),
    )
    add_letter_life_actions(window, letter_menu)  # Mark as draft, final or sent; Duplicate…
    add_letter_date_action(window, letter_menu)  # Date on the letter…
    letter_menu.addSeparator()
    window.letter_menu = letter_menu

    # The letter's own paper, pen, ink, page size and margins (filled with the desk: ui.desk.paper_menu).
    window.paper_menu = menus.addMenu(_("Pape&r"))
    window.view_menu = menus.addMenu(_("&View"))
    window.upcoming_action = window.add_action(
        window.view_menu, _("&Upcoming dates"), lambda: window.left_tabs.setCurrentIndex(1), "Ctrl+Alt+U"
    )
    for menu in (window.edit_menu, window.letter_menu, window.paper_menu, window.view_menu):
        menu.aboutToShow.connect(window.ensure_desk)
    add_help_menu(window)

    toolbar.addAction(window.new_letter_action)
    toolbar.addAction(window.add_person_action)
    for action, name in (
        (window.new_letter_action, "new-letter"),
        (window.add_person_action, "add-person"),
        (window.print_action, "print"),
        (window.export_action, "export"),
        (window.preview_action, "preview"),
    ):
        action.setIcon(load_icon(name))
    # Icons with their words beside them, as a writer reads them; the toolbar is short enough.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.toolbar = toolbar  # the editor's and the reader's buttons follow (MainWindow.build_desk)


def delete_current_person(window: WindowSurface) -> object:
    """Person ▸ Delete person…: asks first, saying what goes with them."""
    from ui.dialogs.delete_person import ask_delete_person

    person_id = window.current_person_id()
    if person_id is None or window.refuse_if_readonly():
        return None

    def deleted() -> None:
        window.person_panel.show_person(window.archive, None)
        window.refresh_people(None)
        window.statusBar().showMessage(_("Deleted."), 5000)

    return ask_delete_person(window, window.archive, person_id, deleted, window.show_dialog)
