"""What the window shows before anything is chosen: the empty desk and the welcome hint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from beautifulletters.i18n import _
from ui.widgets.plain import plain_label
from ui.window.surface import WindowSurface

if TYPE_CHECKING:
    from ui.window.about_you import AboutYou


class WelcomeHint(QWidget):
    """The first-start hint above everything, on an archive that holds the sample."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.hint_label = plain_label(
            _(
                "Welcome. This archive starts with a sample: Chris writing to his wife Loretta, with their "
                "memories and past letters. Choose Loretta, then Letter ▸ New letter… (Ctrl+N) to draft their 50th "
                "anniversary letter. Add your own people with Person ▸ Add person…; remove the sample any time "
                "from the Person menu."
            )
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("role", "hint")
        dismiss = QPushButton(_("Got it"))
        dismiss.setAccessibleName(_("Dismiss the welcome hint"))
        dismiss.clicked.connect(lambda _checked=False: self.dismissed.emit())
        layout.addWidget(self.hint_label, 1)
        layout.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)


BANNER_SHARE = 0.3  # of the window's height, at most, for the banners above the desk
BANNER_LEAST = 90  # pixels they may always have (the hint's first lines, or the first question and its field)


class BannerArea(QScrollArea):
    """The banners above the desk, as tall as they need but never more than BANNER_SHARE of the
    window's height: beyond that they scroll within. At 200 % on a 1440×900 screen the window is
    720×450 to Qt, and who-is-writing took half of it, leaving the people list a single row."""

    def __init__(self, window: QWidget, banners: list[QWidget]) -> None:
        super().__init__()
        self.window_ = window
        self.banners = banners
        inside = QWidget()
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for banner in banners:
            layout.addWidget(banner)
            banner.installEventFilter(self)
        self.setWidget(inside)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName(_("Getting started"))
        window.installEventFilter(self)
        self._fit_soon = QTimer(self, singleShot=True, interval=0)
        self._fit_soon.timeout.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window_ and kind == QEvent.Type.Resize:
            self._fit_soon.start()  # other widths wrap the banners' words onto more or fewer lines
        elif watched in self.banners and kind in (
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
            QEvent.Type.LayoutRequest,
        ):
            self._fit_soon.start()
        return False

    def needed_height(self) -> int:
        """The banners' height at the width they have, every word shown."""
        inside = self.widget()
        if inside is None:
            return 0
        width = self.viewport().width() if self.isVisible() else self.window_.width()
        height = inside.heightForWidth(width) if inside.hasHeightForWidth() else -1
        return max(height, inside.sizeHint().height()) if height < 0 else height

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.needed_height())

    def fit(self) -> None:
        """Shown while a banner is, at most BANNER_SHARE of the window's height."""
        self.setVisible(any(not banner.isHidden() for banner in self.banners))
        self.setMaximumHeight(max(BANNER_LEAST, round(self.window_.height() * BANNER_SHARE)))
        self.updateGeometry()


def add_banners(window: WindowSurface, layout: QVBoxLayout) -> tuple[AboutYou, WelcomeHint]:
    """The first start's banners above the desk: who is writing, then the sample's hint."""
    from ui.window.about_you import AboutYou

    about_you = AboutYou(window)
    hint = WelcomeHint()
    hint.dismissed.connect(window.dismiss_hint)
    window.banner_area = BannerArea(window, [about_you, hint])
    layout.addWidget(window.banner_area)
    return about_you, hint
