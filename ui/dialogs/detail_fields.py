"""The occasion's own details as fields in the New letter dialog: the gift, the baby's name, what
the apology is for… one line each, asked for by the template's header and pre-filled from notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from beautifulletters.drafting.details import Detail
from beautifulletters.i18n import _
from ui.widgets.plain import plain_label, plain_tip


class DetailFields(QWidget):
    """One line edit per detail; `changed` fires as the writer types."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Details of the occasion"))
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setHorizontalSpacing(14)
        self._form.setVerticalSpacing(8)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        self.setVisible(False)

    def set_details(self, details: list[Detail], prefill: dict[str, str]) -> None:
        """Show fields for these details; a value the writer already typed for a key is kept."""
        typed = {key: field.text() for key, field in self.fields.items() if field.isModified() and field.text()}
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        for detail in details:
            field = QLineEdit()
            field.setAccessibleName(_("Detail: {name}").format(name=detail.key.replace("_", " ")))
            short_label = detail.label.split(":")[0].strip()
            field.setPlaceholderText(
                _("{label} (optional)").format(label=short_label) if detail.optional else short_label
            )
            field.setToolTip(plain_tip(detail.label))
            field.setText(typed.get(detail.key) or prefill.get(detail.key, ""))
            field.setModified(detail.key in typed)
            field.textEdited.connect(lambda _text: self.changed.emit())
            short = detail.label.split(":")[0].split(",")[0].strip()
            label = plain_label((short if 0 < len(short) <= 28 else detail.key.replace("_", " ")).capitalize())
            label.setBuddy(field)
            self._form.addRow(label, field)
            self.fields[detail.key] = field
        self.setVisible(bool(details))

    def values(self) -> tuple[tuple[str, str], ...]:
        """The details typed or found, as plain pairs (what a draft request carries)."""
        return tuple((key, field.text().strip()) for key, field in self.fields.items() if field.text().strip())
