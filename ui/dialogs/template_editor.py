"""The template editor: a user template with Jinja colours, a live preview, and errors shown at their line.

The preview renders the text being edited through the drafting API's bounded sandbox (a
child process), called from a worker thread ~400 ms after typing stops, so a hostile or
slow template never freezes the window. Built-in templates are never written: opening one
edits a copy that is saved under a new name in the user's templates folder.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from beautifulletters import drafting
from beautifulletters.archive import Archive
from beautifulletters.drafting.catalog import read_source
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.paths import user_templates_dir
from ui.dialogs.common import LetterPreview, code_font, error_label, muted_label, section_label
from ui.dialogs.jinja_highlighter import JinjaHighlighter
from ui.dialogs.person_picker import PersonPicker, signer_candidates
from ui.dialogs.template_files import (
    MAX_NAME_LENGTH,
    NEW_TEMPLATE,
    TEMPLATE_SUFFIX,
    validate_template_name,
    write_template_file,
)
from ui.dialogs.template_preview import PreviewRequest, render_editor_preview
from ui.tasks import Failure, LatestOnly
from ui.widgets.plain import message_box, plain_label
from ui.widgets.screen_fit import resize_within_screen

PREVIEW_DELAY_MS = 400  # after typing stops


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


class TemplateEditorDialog(QDialog):
    """Edit a user template (or a copy of a built-in one) with a live preview against a chosen recipient."""

    template_saved = Signal(str)  # the template's name, after Save or Save as new

    def __init__(self, archive: Archive, parent: QWidget | None = None, *, template_name: str | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.template_name: str | None = None  # the user template being edited; None until saved
        self.template_path: Path | None = None
        self.copied_from: str | None = None  # the built-in this copy started from
        self.preview_draft: drafting.Draft | None = None
        self.problem: drafting.Problem | None = None  # the error on screen, if any
        self.preview_message: str | None = None  # a failure that is not about a line
        self._last_request: PreviewRequest | None = None  # the one on screen
        self._submitted_request: PreviewRequest | None = None  # the newest one asked for
        self.setWindowTitle(_("Template editor"))
        self.setAccessibleName(_("Template editor"))
        resize_within_screen(self, 1180, 720)

        self._runner = LatestOnly(self, doing="writing the template's preview")
        self._runner.result.connect(self._on_preview_ready)
        self._runner.error.connect(self._on_preview_failed)
        self._runner.busy_changed.connect(self._on_busy_changed)
        self._typing_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._typing_timer.timeout.connect(self.refresh_preview)

        self._build()
        self._load(template_name)
        self._fill_people()
        self._connect()
        self.refresh_preview()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.heading = plain_label()
        self.heading.setProperty("role", "heading")
        self.origin_label = muted_label()
        self.origin_label.setAccessibleName(_("About this template"))

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("Template text"))
        self.editor.setAccessibleDescription(_("The letter template in Jinja; Ctrl+Tab leaves the editor."))
        self.editor.setFont(code_font())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTabStopDistance(self.editor.fontMetrics().horizontalAdvance(" ") * 4)
        self.editor.document().setDocumentMargin(10)
        self.highlighter = JinjaHighlighter(self.editor.document(), self.editor.palette())
        self.error_label = error_label()
        self.error_label.setAccessibleName(_("Template problem"))
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.linkActivated.connect(lambda link: self.go_to_line(int(link.split(":", 1)[1])))

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(section_label(_("Template"), self.editor))
        left.addWidget(self.editor, 1)
        left.addWidget(self.error_label)

        self.recipient_picker = PersonPicker(self.archive, self, accessible_name=_("Preview recipient"))
        self.signer_picker = PersonPicker(self.archive, self, accessible_name=_("Preview signer"))
        people_form = QFormLayout()
        people_form.setHorizontalSpacing(12)
        people_form.setVerticalSpacing(8)
        people_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        people_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, widget in ((_("&For"), self.recipient_picker), (_("Si&gned by"), self.signer_picker)):
            label = plain_label(text)
            label.setBuddy(widget)
            people_form.addRow(label, widget)
        self.preview = LetterPreview(self, accessible_name=_("Preview of the template"))
        self.preview_status = muted_label()
        self.preview_status.setWordWrap(False)
        self.preview_status.setAccessibleName(_("Preview status"))
        self.warnings_label = muted_label()
        self.warnings_label.setAccessibleName(_("What the preview leaves out"))
        preview_head = QHBoxLayout()
        preview_head.addWidget(section_label(_("Preview"), self.preview))
        preview_head.addStretch(1)
        preview_head.addWidget(self.preview_status, 0, Qt.AlignmentFlag.AlignBottom)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(preview_head)
        right.addLayout(people_form)
        right.addWidget(self.preview, 1)
        right.addWidget(self.warnings_label)

        left_widget, right_widget = QWidget(), QWidget()
        for side, layout in ((left_widget, left), (right_widget, right)):
            side.setLayout(layout)
            layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left_widget)
        self.splitter.addWidget(right_widget)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(24)
        self.splitter.setSizes([620, 520])

        # "Save as new": an inline row rather than another window; the name is checked as it is typed.
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("New template name"))
        self.name_edit.setPlaceholderText(_("for example: anniversary-for-lolly"))
        self.name_edit.setMaxLength(MAX_NAME_LENGTH + 10)
        self.name_problem = error_label()
        self.name_problem.setAccessibleName(_("Problem with the name"))
        self.save_new_confirm = QPushButton(_("Save new template"))
        self.save_new_confirm.setAccessibleName(_("Save new template"))
        self.save_new_cancel = QPushButton(_("Cancel"))
        self.save_new_cancel.setAccessibleName(_("Cancel saving as new"))
        name_label = plain_label(_("&Name:"))
        name_label.setBuddy(self.name_edit)
        name_row = QHBoxLayout()
        name_row.setSpacing(10)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_new_confirm)
        name_row.addWidget(self.save_new_cancel)
        self.save_as_panel = QWidget()
        panel_layout = QVBoxLayout(self.save_as_panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addLayout(name_row)
        panel_layout.addWidget(self.name_problem)
        self.save_as_panel.hide()

        self.save_button = QPushButton(_("&Save"))
        self.save_button.setAccessibleName(_("Save"))
        self.save_as_button = QPushButton(_("Save &as new…"))
        self.save_as_button.setAccessibleName(_("Save as new template"))
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.save_status = muted_label()
        self.save_status.setAccessibleName(_("Save status"))
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.save_status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_as_button)
        buttons.addWidget(self.close_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 22, 28, 20)
        outer.setSpacing(14)
        outer.addWidget(self.heading)
        outer.addWidget(self.origin_label)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.save_as_panel)
        outer.addLayout(buttons)

        chain = [
            self.editor,
            self.recipient_picker,
            self.signer_picker,
            self.preview,
            self.name_edit,
            self.save_new_confirm,
            self.save_new_cancel,
            self.save_button,
            self.save_as_button,
            self.close_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_shortcut)

    # ------------------------------------------------------------------ loading
    def _load(self, template_name: str | None) -> None:
        source = NEW_TEMPLATE
        if template_name:
            info = next((t for t in self._templates() if t.name == template_name), None)
            if info is None:
                self._show_save_status(
                    _("There is no template named “{name}”; starting a new one.").format(name=template_name)
                )
            else:
                try:
                    # Read as every named file is (not a FIFO or device, within the size limit).
                    source = read_source(Path(info.path))
                except BeautifulLettersError as error:
                    self._show_save_status(
                        _("{path} could not be read ({reason}); starting a new one.").format(
                            path=info.path, reason=error
                        )
                    )
                else:
                    if info.source == "user":
                        self.template_name, self.template_path = info.name, Path(info.path)
                    else:
                        self.copied_from = info.name
        self.editor.setPlainText(source)
        self.editor.document().setModified(False)
        self._update_labels()

    def _templates(self) -> list[drafting.TemplateInfo]:
        try:
            return drafting.list_templates()
        except BeautifulLettersError:
            return []

    def _fill_people(self) -> None:
        try:
            self_id = self.archive.settings.default_signer_id()
            recent = [p for p in self.archive.search.people_ids(sort="last_letter", limit=50) if p != self_id]
        except BeautifulLettersError:
            recent = []
        self.recipient_picker.set_people(recent, keep=recent[0] if recent else None)
        self._fill_signers()

    def _fill_signers(self) -> None:
        recipient = self.recipient_picker.person_id()
        try:
            candidates, preferred = signer_candidates(self.archive, recipient)
        except BeautifulLettersError:
            candidates, preferred = [], None
        current = self.signer_picker.person_id()
        keep = current if current is not None and current != recipient else preferred
        self.signer_picker.blockSignals(True)
        self.signer_picker.set_people(candidates, keep=keep)
        self.signer_picker.blockSignals(False)
        self.signer_picker.set_person_id(keep, emit=False)

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.document().modificationChanged.connect(lambda _m: self._update_labels())
        self.recipient_picker.person_changed.connect(self._on_recipient_changed)
        self.signer_picker.person_changed.connect(lambda _id: self.refresh_preview())
        self.save_button.clicked.connect(self.save)
        self.save_as_button.clicked.connect(self.show_save_as)
        self.name_edit.textChanged.connect(self._check_name)
        self.name_edit.returnPressed.connect(self._confirm_save_as)
        self.save_new_confirm.clicked.connect(self._confirm_save_as)
        self.save_new_cancel.clicked.connect(self.hide_save_as)
        self.close_button.clicked.connect(self.reject)

    def _update_labels(self) -> None:
        modified = self.editor.document().isModified()
        if self.template_name:
            self.heading.setText(_("Template “{name}”").format(name=self.template_name))
            self.origin_label.setText(_("Your template, kept in {path}.").format(path=self.template_path))
        elif self.copied_from:
            self.heading.setText(_("A copy of “{name}”").format(name=self.copied_from))
            self.origin_label.setText(
                _(
                    "Built-in templates are never changed. This is your own copy: save it under a new name, "
                    "and it will appear with your templates."
                )
            )
        else:
            self.heading.setText(_("A new template"))
            self.origin_label.setText(_("Save it under a name, and it will appear with your templates."))
        self.save_button.setEnabled(self.template_path is not None and modified)
        self.save_button.setToolTip(
            _("Save over your template") if self.template_path else _("Built-in and new templates are saved as new")
        )
        title = self.template_name or (
            _("copy of {name}").format(name=self.copied_from) if self.copied_from else _("new template")
        )
        self.setWindowTitle(_("{title}{modified} — Template editor").format(title=title, modified=" •" * modified))

    # ------------------------------------------------------------------ preview
    def _on_text_changed(self) -> None:
        self._typing_timer.start()  # restarts: the preview follows ~400 ms after typing stops
        self.preview_status.setText(_("Waiting for you to pause…"))

    def _on_recipient_changed(self, _person_id: int | None) -> None:
        self._fill_signers()
        self.refresh_preview()

    def current_request(self) -> PreviewRequest | None:
        recipient = self.recipient_picker.person_id()
        if recipient is None:
            return None
        return PreviewRequest(self.editor.toPlainText(), self._render_name(), recipient, self.signer_picker.person_id())

    def _render_name(self) -> str:
        return self.template_name or (f"{self.copied_from}-copy" if self.copied_from else "new-template")

    def refresh_preview(self) -> None:
        """Render the text as it is now (the typing timer calls this; tests may call it directly)."""
        self._typing_timer.stop()
        request = self.current_request()
        if request is None:
            self._runner.cancel()
            self.preview.setPlainText("")
            self.preview.setPlaceholderText(_("Choose someone to preview the template for."))
            self.preview_status.setText("")
            return
        if request == self._last_request:
            self.preview_status.setText(_("Up to date"))
            return
        self.preview_status.setText(_("Writing the preview…"))
        if request == self._submitted_request and self._runner.busy:
            self._runner.keep_running()  # typed and undone: the render under way is still the right one
            return
        self._submitted_request = request
        self._runner.submit(request, render_editor_preview, self.archive.path, request)

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            self.preview_status.setText(_("Writing the preview…"))

    def _on_preview_ready(self, request: PreviewRequest, draft: drafting.Draft) -> None:
        self._last_request = request
        self.preview_draft = draft
        self.problem = None
        self.preview_message = None
        text = draft.text.rstrip()
        if draft.signature:
            text += "\n\n" + draft.signature
        self.preview.setPlainText(text)
        self.warnings_label.setText("\n".join(f"•  {w}" for w in draft.warnings))
        self.warnings_label.setVisible(bool(draft.warnings))
        self._show_problem(None)
        self.preview_status.setText(_("Up to date") if request == self.current_request() else _("Writing the preview…"))

    def _on_preview_failed(self, request: PreviewRequest, failure: Failure) -> None:
        self._last_request = request
        self.preview_draft = None
        self.warnings_label.hide()
        if isinstance(failure.error, drafting.TemplateProblem):
            self._show_problem(failure.error.problem)
        else:
            self.problem = None
            self.preview_message = failure.message
            self._show_problem(None, message=self.preview_message)
        self.preview.setPlainText("")
        self.preview.setPlaceholderText(_("No preview until the problem below the template is fixed."))
        self.preview_status.setText(_("Not rendered"))

    def _show_problem(self, problem: drafting.Problem | None, *, message: str | None = None) -> None:
        """Show the error under the editor and tint its line; None clears both."""
        self.problem = problem
        selections: list[QTextEdit.ExtraSelection] = []
        if problem is None and message is None:
            self.error_label.hide()
            self.error_label.setText("")
        elif problem is None:
            self.error_label.setText(html.escape(message or ""))
            self.error_label.show()
        else:
            text = html.escape(_lower_first(problem.message))
            own = problem.template in (self._render_name(), "preview", "template")
            if problem.line and own:
                link = _("<a href='line:{line}'>Line {line}</a>: {problem}")
                self.error_label.setText(link.format(line=problem.line, problem=text))
                selections.append(self._line_selection(problem.line))
            elif problem.line:
                where = _("In {template}, line {line}: {problem}")
                self.error_label.setText(
                    where.format(template=html.escape(problem.template), line=problem.line, problem=text)
                )
            else:
                self.error_label.setText(text[:1].upper() + text[1:])
            self.error_label.show()
        self.editor.setExtraSelections(selections)

    def _line_selection(self, line: int) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(self.highlighter.colors.error_line))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        block = self.editor.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        cursor.clearSelection()
        selection.cursor = cursor
        return selection

    def error_text(self) -> str:
        """The error under the editor as a person reads it ('' when there is none)."""
        if not self.error_label.isVisible() and not self.error_label.text():
            return ""
        return (
            re.sub(r"<[^>]+>", "", self.error_label.text())
            .replace("&#x27;", "'")
            .replace("&quot;", '"')
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
        )

    def highlighted_line(self) -> int | None:
        """The editor line tinted as the error's line (1-based), or None."""
        selections = self.editor.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None

    def go_to_line(self, line: int) -> None:
        block = self.editor.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    # ------------------------------------------------------------------ saving
    def has_unsaved_changes(self) -> bool:
        return self.editor.document().isModified()

    def save(self) -> bool:
        """Save over the user template being edited; built-in copies and new templates need a name first."""
        if self.template_path is None:
            self.show_save_as()
            return False
        problem = write_template_file(self.template_path, self.editor.toPlainText())
        if problem:
            self._show_save_status(problem)
            return False
        self.editor.document().setModified(False)
        self._show_save_status(self._saved_message(self.template_name or ""))
        self.template_saved.emit(self.template_name or "")
        return True

    def _saved_message(self, name: str) -> str:
        if self.error_label.isVisible():
            return _("Saved “{name}”. It still has a problem (see under the template).").format(name=name)
        return _("Saved “{name}”.").format(name=name)

    def _save_shortcut(self) -> None:
        if self.template_path is not None:
            self.save()
        else:
            self.show_save_as()

    def suggested_name(self) -> str:
        base = f"{self.copied_from}-copy" if self.copied_from else "my-letter"
        taken = {t.name.lower() for t in self._templates()}
        name, number = base, 2
        while name.lower() in taken:
            name, number = f"{base}-{number}", number + 1
        return name

    def show_save_as(self) -> None:
        self.save_as_panel.show()
        if not self.name_edit.text():
            self.name_edit.setText(self.suggested_name())
        self._check_name()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def hide_save_as(self) -> None:
        self.save_as_panel.hide()
        self.name_problem.hide()
        self.save_as_button.setFocus()

    def _name_problem(self, name: str) -> str | None:
        templates = self._templates()
        return validate_template_name(
            name,
            existing_user={t.name for t in templates if t.source == "user"},
            builtin={t.name for t in templates if t.source == "builtin"},
        )

    def _check_name(self) -> None:
        problem = self._name_problem(self.name_edit.text()) if self.name_edit.text() else None
        self.name_problem.setText(problem or "")
        self.name_problem.setVisible(bool(problem))
        self.save_new_confirm.setEnabled(bool(self.name_edit.text().strip()) and problem is None)

    def _confirm_save_as(self) -> None:
        if self.save_as_new(self.name_edit.text()) is not None:
            self.hide_save_as()

    def save_as_new(self, name: str) -> Path | None:
        """Save the text as a new user template called `name`; its path, or None (the reason is shown)."""
        name = name.strip()
        problem = self._name_problem(name)
        if problem:
            self.save_as_panel.show()
            self.name_problem.setText(problem)
            self.name_problem.show()
            return None
        path = user_templates_dir() / f"{name}{TEMPLATE_SUFFIX}"
        problem = write_template_file(path, self.editor.toPlainText())
        if problem:
            self.name_problem.setText(problem)
            self.name_problem.show()
            return None
        self.template_name, self.template_path, self.copied_from = name, path, None
        self.editor.document().setModified(False)
        self._update_labels()
        self._show_save_status(self._saved_message(name))
        self.template_saved.emit(name)
        return path

    def _show_save_status(self, message: str) -> None:
        self.save_status.setText(message)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Closing keeps the work: a user template is saved; an unnamed copy asks for a name first."""
        if self.has_unsaved_changes() and self.isVisible():
            if self.template_path is not None:
                if not self.save():
                    return
            else:
                self._ask_before_discarding()
                return
        self._finish()
        super().reject()

    def _ask_before_discarding(self) -> None:
        box = message_box(
            QMessageBox.Icon.Question,
            _("Keep this template?"),
            _("This template has not been saved yet. Save it under a name, or let it go?"),
            parent=self,
        )
        keep = box.addButton(_("Save as new…"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is keep:
                self.show_save_as()
            elif clicked is discard:
                self.editor.document().setModified(False)
                self.reject()

        box.finished.connect(answered)
        box.open()  # window-modal, never a nested event loop
        self._question = box

    def _finish(self) -> None:
        self._typing_timer.stop()
        self._runner.close()

    def accept(self) -> None:
        self._finish()
        super().accept()

    @classmethod
    def ask(cls, archive: Archive, parent: QWidget | None = None, **options: Any) -> str | None:
        """Show the editor; the name of the template saved last, or None if nothing was saved."""
        dialog = cls(archive, parent, **options)
        saved: list[str] = []
        dialog.template_saved.connect(saved.append)
        try:
            dialog.exec()
            return saved[-1] if saved else None
        finally:
            dialog.deleteLater()
