"""The main window: the people in the archive on the left, their letters beside them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beautifulletters.archive import Archive
from beautifulletters.errors import ArchiveError, BeautifulLettersError
from ui.models import PeopleModel


def open_archive_for_window(path: Path) -> tuple[Archive | None, str | None]:
    """Open the archive for a window; a second window on the same file gets it read-only."""
    try:
        archive = Archive.open(path)
    except BeautifulLettersError as error:
        return None, str(error)
    if archive.readonly:
        return archive, f"{path} is read-only: you can read everything, but changes cannot be saved."
    if not archive.acquire_instance_lock():
        archive.close()
        try:
            archive = Archive.open(path, readonly=True)
        except ArchiveError as error:
            return None, str(error)
        return archive, "This archive is open in another BeautifulLetters window, so this one is read-only."
    return archive, None


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive, notice: str | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.setWindowTitle(f"BeautifulLetters — {archive.path.name}")
        self.resize(1100, 720)

        self.search_box = QLineEdit(placeholderText="Search names, notes and letters…")
        self.search_box.setAccessibleName("Search people")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._on_search)

        self.people_model = PeopleModel(archive, self)
        self.people_view = QTableView()
        self.people_view.setAccessibleName("People")
        self.people_view.setModel(self.people_model)
        self.people_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.people_view.verticalHeader().hide()
        self.people_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people_view.selectionModel().selectionChanged.connect(self._on_person_selected)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.people_view)

        self.person_title = QLabel()
        self.person_title.setObjectName("personTitle")
        self.letters_list = QListWidget()
        self.letters_list.setAccessibleName("Letters to this person")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.person_title)
        right_layout.addWidget(QLabel("Letters"))
        right_layout.addWidget(self.letters_list)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 720])
        self.setCentralWidget(splitter)

        quit_action = self.menuBar().addMenu("&File").addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        count = archive.count_people()
        self.statusBar().showMessage(notice or f"{count} {'person' if count == 1 else 'people'} in {archive.path}")
        if self.people_model.rowCount() > 0:
            self.people_view.selectRow(0)

    def _on_search(self, text: str) -> None:
        self.people_model.set_filter(search=text.strip() or None)

    def _on_person_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        person_id = self.people_model.person_id(indexes[0].row())
        try:
            person = self.archive.get_person(person_id)
            letters = self.archive.list_letters(to=person_id)
        except BeautifulLettersError as error:
            QMessageBox.warning(self, "BeautifulLetters", str(error))
            return
        self.person_title.setText(person["display_name"])
        self.letters_list.clear()
        for letter in letters:
            self.letters_list.addItem(
                f"{letter['created_at'][:10]} — {letter['occasion'] or 'letter'} "
                f"from {letter['signer_name']} ({letter['status']})"
            )

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        self.archive.close()
        super().closeEvent(event)
