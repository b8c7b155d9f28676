"""The mouse wheel scrolls; it changes a value only in the box you are working in.

Qt lets a combo box, spin box, date box or slider under the pointer take a wheel turn even
when it does not have focus: scrolling the person panel past the tag box re-tagged the chosen
memory, unseen. One event filter on the application gives these widgets Qt.StrongFocus (a
click or Tab, not the wheel, brings them focus) and hands a wheel turn over an unfocused one
to the scroll area around it, so the page scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)


def is_value_widget(widget: QObject) -> bool:
    """Whether a wheel turn would change the widget's value (a scroll bar only scrolls)."""
    return isinstance(widget, QComboBox | QAbstractSpinBox | QAbstractSlider) and not isinstance(widget, QScrollBar)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """Installed once on the application (`install_wheel_guard`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Polish and is_value_widget(watched):
            assert isinstance(watched, QWidget)
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and is_value_widget(watched):
            assert isinstance(watched, QWidget)
            if watched.hasFocus():
                return False
            area = _scroll_area_around(watched)
            if area is not None:  # the page scrolls as if the box were not there
                QCoreApplication.sendEvent(area.viewport(), event)
            return True
        return False


_guard: WheelGuard | None = None


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard:
    """Guard every value widget of the application, those made already and those to come (idempotent)."""
    global _guard
    app = app or QApplication.instance()
    assert app is not None
    if _guard is None or _guard.parent() is not app:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    # Made before the guard: no Polish left to catch. Each window is asked for its value widgets
    # only (QApplication.allWidgets() made a Python object for each of the window's ~1,000
    # widgets, on the way to the first keystroke).
    for window in QApplication.topLevelWidgets():
        for widget in [window, *(child for kind in _VALUE_KINDS for child in window.findChildren(kind))]:
            if is_value_widget(widget):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return _guard


_VALUE_KINDS = (QComboBox, QAbstractSpinBox, QAbstractSlider)
