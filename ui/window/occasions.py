"""Writing for an occasion from the Upcoming list: open the draft already begun, or start one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from beautifulletters import humandates, words
from beautifulletters.drafting import template_for_occasion
from beautifulletters.drafting.suggest import existing_draft
from beautifulletters.i18n import _
from beautifulletters.records import UpcomingDate
from ui.widgets.plain import message_box
from ui.window.surface import WindowSurface


def write_for_upcoming(window: WindowSurface, item: UpcomingDate) -> Any:
    """Upcoming ▸ Write…: a second Write… for the same day offers the draft begun the first time."""
    window.select_person(item.person_id)
    template = template_for_occasion(item.kind, in_memory=item.in_memory)
    draft_id = existing_draft(window.archive, item.person_id, template, item.date)
    if draft_id is None:
        return window.new_letter(recipient_id=item.person_id, template=template, occasion_date=item.date)
    letter = window.archive.letters.get(draft_id)
    box = message_box(
        QMessageBox.Icon.Question,
        _("A draft is waiting"),
        _("You began a letter for {name}'s {occasion} on {date}. Open it, or start a new one?").format(
            name=item.person_name,
            occasion=item.label
            or (words.date_kind(item.kind) if item.kind != "remembrance" else _("day of remembrance")),
            date=humandates.near_date(letter.created_at),
        ),
        QMessageBox.StandardButton.NoButton,
        window,
    )
    open_button = box.addButton(_("Open the draft"), QMessageBox.ButtonRole.AcceptRole)
    new_button = box.addButton(_("Start a new letter"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(open_button)

    def chosen(_result: int) -> None:
        if box.clickedButton() is open_button:
            window.open_letter(draft_id)
        elif box.clickedButton() is new_button:
            window.new_letter(recipient_id=item.person_id, template=template, occasion_date=item.date)

    box.finished.connect(chosen)
    window.show_dialog(box)
    return box
