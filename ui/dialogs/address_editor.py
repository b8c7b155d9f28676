"""Postal addresses edited in parts: street lines, postcode, city, region and country.

The labels follow the chosen country's own words (ZIP code, postcode, PIN; state, province,
county, prefecture) from the same address metadata the envelopes are laid out by. An address
pasted whole into the street box is split into its parts when the box is left.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.addresses import (
    PostalAddress,
    country_code,
    country_display_name,
    known_countries,
    parse_address,
    place_names,
)
from beautifulletters.i18n import _
from ui.widgets.plain import plain_tip


def _by_name(pair: tuple[str, str]) -> str:
    """Countries in alphabetical order as a reader expects it ("Österreich" among the O's)."""
    return unicodedata.normalize("NFKD", pair[0]).casefold()


class AddressEditor(QWidget):
    """One address in parts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.street = QPlainTextEdit()
        self.street.setPlaceholderText(_("House and street; paste a whole address here to split it"))
        self.street.setAccessibleName(_("Street"))
        self.street.setFixedHeight(52)
        self.street.setTabChangesFocus(True)
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName(_("Postcode"))
        self.city = QLineEdit()
        self.city.setAccessibleName(_("City"))
        self.region = QLineEdit()
        self.region.setAccessibleName(_("Region"))
        self.country = QComboBox(editable=True)
        self.country.setAccessibleName(_("Country"))
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country.addItem("", "")
        for name, code in sorted(((country_display_name(code), code) for code in known_countries()), key=_by_name):
            self.country.addItem(name, code)
        completer = self.country.completer()
        if completer is not None:  # "Germ", "king" find Germany, United Kingdom
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.country.currentIndexChanged.connect(lambda _index: self._name_the_parts())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.street, 0, 0, 1, 2)
        grid.addWidget(self.postcode, 1, 0)
        grid.addWidget(self.city, 1, 1)
        grid.addWidget(self.region, 2, 0)
        grid.addWidget(self.country, 2, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(0, 1)
        self.street.installEventFilter(self)
        self._name_the_parts()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        if watched is self.street and event.type() == QEvent.Type.FocusOut:
            self.split_pasted_address()
        return False

    def split_pasted_address(self) -> None:
        """A whole address in the street box, the other parts empty: read it into its parts."""
        text = self.street.toPlainText()
        if "\n" not in text.strip() or any(w.text().strip() for w in (self.postcode, self.city, self.region)):
            return
        parts = parse_address(text, default_country=self.country.currentData() or "")
        if parts.city or parts.postcode or parts.country:
            self.set_address(parts)

    def _name_the_parts(self) -> None:
        names = place_names(self.country.currentData() or "")
        for widget, part in ((self.postcode, "postcode"), (self.city, "city"), (self.region, "region")):
            widget.setPlaceholderText(names[part])
            widget.setToolTip(plain_tip(names[part]))  # still named once it is filled in
        line = self.country.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Country"))

    def set_address(self, address: PostalAddress) -> None:
        self.street.setPlainText(address.street)
        self.postcode.setText(address.postcode)
        self.city.setText(address.city)
        self.region.setText(address.region)
        index = self.country.findData(address.country)
        self.country.setCurrentIndex(max(index, 0))

    def parts(self) -> dict[str, str]:
        typed = self.country.currentText().strip()
        index = self.country.findText(typed, Qt.MatchFlag.MatchFixedString) if typed else 0
        code = self.country.itemData(index) if index > 0 else (country_code(typed) or typed)
        # (an unknown name is refused, in words, when the person is saved)
        return {
            "street": self.street.toPlainText(),
            "city": self.city.text(),
            "region": self.region.text(),
            "postcode": self.postcode.text(),
            "country": code or "",
        }


class AddressList(QWidget):
    """Every postal address of a person, one editor each, and a button for one more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: list[AddressEditor] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # The first address is made before the button, so Tab visits it first; it is kept (filled
        # anew by set_addresses), so its label's Alt+letter always finds its street.
        self.setFocusProxy(self.add_editor().street)
        self.add_button = QPushButton(_("Add another address"))
        self.add_button.clicked.connect(lambda: self.add_editor().street.setFocus())
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_editor(self, address: PostalAddress | None = None) -> AddressEditor:
        editor = AddressEditor(self)
        if address is not None:
            editor.set_address(address)
        self._layout.insertWidget(len(self.editors), editor)
        if self.editors:
            # Made after every other field of the dialog, a further address would come last for Tab
            # (after Cancel): it follows the address above it instead.
            chain = [self.editors[-1].country, editor.street, editor.postcode, editor.city, editor.region]
            for first, second in zip(chain, [*chain[1:], editor.country], strict=True):
                QWidget.setTabOrder(first, second)
        self.editors.append(editor)
        return editor

    def set_addresses(self, addresses: list[PostalAddress]) -> None:
        wanted = addresses or [PostalAddress()]
        for editor in self.editors[len(wanted) :]:
            editor.hide()
            self._layout.removeWidget(editor)
            editor.deleteLater()
        del self.editors[len(wanted) :]
        for index, address in enumerate(wanted):
            if index < len(self.editors):
                self.editors[index].set_address(address)  # the editors already made keep their place for Tab
            else:
                self.add_editor(address)

    def addresses(self) -> list[dict[str, str]]:
        return [editor.parts() for editor in self.editors]
