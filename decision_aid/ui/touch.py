"""Touch and drag scrolling: every scrolling area follows a finger (and, in nurse mode, a left-mouse drag).

A kiosk is a touch screen and a page can be nine screens long: dragging the page is the way a person expects to
scroll it, not a 16 px scroll bar. Attached from outside: ``enable_kinetic_scrolling(root)`` finds every scrolling
area under ``root`` (it is safe to call again after new pages or dialogs are built: each area is set up once).

A press that turns into a drag must never click what it started on. Qt's flick gesture takes a mouse press back
(a release outside the button) when a drag starts; a touch that starts on a button reaches the button as a mouse press
made from the touch, which the gesture does not hold back, so ``_DragCancelsPress`` takes the press back from the
button as soon as the page starts to move.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QScroller,
    QScrollerProperties,
    QTextEdit,
    QWidget,
)

DONE = "kineticScrolling"  # a dynamic property on each scroll area already set up
P = QScrollerProperties.ScrollMetric
# Calm, predictable movement for older hands: no bouncing past the ends, a short glide after a flick.
PROPERTIES = {
    P.DragStartDistance: 0.004,          # metres on the screen: about 4 mm before a touch becomes a drag
    # A press goes through at once (a held-back press would make every click late); when it turns into a drag,
    # the flick gesture takes it back with a release outside the button, so nothing is clicked.
    P.MousePressEventDelay: 0.0,
    P.MaximumVelocity: 0.6,              # m/s: a hard flick glides, it does not fly several screens
    P.AcceleratingFlickMaximumTime: 0.0,  # repeated flicks do not speed up
    P.HorizontalOvershootPolicy: QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    P.VerticalOvershootPolicy: QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    P.FrameRate: QScrollerProperties.FrameRates.Fps60,
}
_MOVING = (QScroller.State.Dragging, QScroller.State.Scrolling)


def scroller_properties() -> QScrollerProperties:
    props = QScrollerProperties()
    for metric, value in PROPERTIES.items():
        props.setScrollMetric(metric, value)
    return props


def enable_kinetic_scrolling(root: QWidget, *, mouse: bool = True) -> list[QAbstractScrollArea]:
    """Set up every scrolling area under ``root`` (and ``root`` itself) not yet set up; returns those set up now.

    ``mouse``: a left-mouse drag scrolls too (nurse mode). The kiosk, a touch screen, leaves it off: Qt's mouse
    flick also sees the mouse presses a touch screen makes from each touch, and the two gestures then fight (a
    second drag that starts on an answer did not scroll)."""
    areas = root.findChildren(QAbstractScrollArea)
    if isinstance(root, QAbstractScrollArea):
        areas.insert(0, root)
    done = []
    for area in areas:
        if area.property(DONE) or _inside_combo(area):
            continue
        area.setProperty(DONE, True)
        viewport = area.viewport()
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
        # A mouse drag in a text box selects text, as everywhere else: only a finger scrolls it.
        if mouse and not isinstance(area, (QTextEdit, QPlainTextEdit)):
            QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        scroller.setScrollerProperties(scroller_properties())
        _DragCancelsPress(viewport, scroller)
        if isinstance(area, QAbstractItemView):
            area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        done.append(area)
    return done


def _inside_combo(area: QWidget) -> bool:
    parent = area.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


class _DragCancelsPress(QObject):
    """Remembers where a touch began in the viewport; when that touch starts to move the page, the button under it
    is given a release far outside itself (so it does not click), the way Qt cancels a held-back mouse press."""

    def __init__(self, viewport: QWidget, scroller: QScroller):
        super().__init__(viewport)
        self._viewport = viewport
        self._start: QPoint | None = None
        viewport.installEventFilter(self)
        scroller.stateChanged.connect(self._state_changed)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and event.points():
            self._start = event.points()[0].position().toPoint()
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._start = None
        return False

    def _state_changed(self, state) -> None:
        if state not in _MOVING or self._start is None or not shiboken6.isValid(self._viewport):
            return
        start, self._start = self._start, None
        widget = self._viewport.childAt(start)
        while widget is not None and not isinstance(widget, QAbstractButton):
            widget = widget.parentWidget() if widget is not self._viewport else None
        if widget is not None:
            cancel_press(widget)


def cancel_press(button: QAbstractButton) -> None:
    """End a press on ``button`` without a click: a release outside it, then the button shown up again."""
    outside = QPointF(-10000, -10000)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, outside, button.mapToGlobal(outside),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(button, release)
    button.setDown(False)
