"""Touch and drag scrolling: every scrolling area follows a finger and a left-mouse drag, kinetically (issue 15).

A kiosk is a touch screen and a page can be nine screens long: dragging the page is the way a person expects to
scroll it, not a 16 px scroll bar. Attached from outside: ``enable_kinetic_scrolling(root)`` finds every scrolling
area under ``root`` (it is safe to call again after new pages or dialogs are built: each area is set up once).

One flick gesture for the whole application (issue 18). ``QScroller.grabGesture`` registers a new gesture recognizer
each time it is called, and PySide6 keeps a new ``Qt.GestureType`` enum member for every new type it returns (about
eleven a kiosk session, never freed). Qt's flick recognizer serves any object that has a scroller, so it is
registered once per kind (``flick_gesture``) on a holder object that lives as long as the application, and each
scrolling area's viewport only gets its own scroller and grabs that one gesture type.

One gesture per area, not two. A finger on a touch screen reaches a widget that does not take touch events as a
mouse press, moves and release made from the touch; the left-mouse flick therefore follows a finger and a mouse
alike. (A touch flick beside it would see the same finger twice, once as touch and once as the mouse made from it,
and the two would fight over the one scroller.) Text boxes keep the touch flick only: a mouse drag there selects
text, as everywhere else.

A press that turns into a drag must never click what it started on. With no press delay (a held-back press would
make every tap late) the button under the finger or pointer is already down when the page starts to move;
``_DragCancelsPress`` then ends that press with a release far outside the button, so nothing is clicked.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QPlainTextEdit,
    QScroller,
    QScrollerProperties,
    QTextEdit,
    QWidget,
)

DONE = "kineticScrolling"  # a dynamic property on each scroll area already set up
P = QScrollerProperties.ScrollMetric
KIND = QScroller.ScrollerGestureType
# Calm, predictable movement for older hands: no bouncing past the ends, a short glide after a flick.
PROPERTIES = {
    P.DragStartDistance: 0.004,          # metres on the screen: about 4 mm before a touch becomes a drag
    # A press goes through at once (a held-back press would make every click late); when it turns into a drag,
    # _DragCancelsPress takes it back with a release outside the button, so nothing is clicked.
    P.MousePressEventDelay: 0.0,
    P.MaximumVelocity: 0.6,              # m/s: a hard flick glides, it does not fly several screens
    P.AcceleratingFlickMaximumTime: 0.0,  # repeated flicks do not speed up
    P.HorizontalOvershootPolicy: QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    P.VerticalOvershootPolicy: QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    P.FrameRate: QScrollerProperties.FrameRates.Fps60,
}
_MOVING = (QScroller.State.Dragging, QScroller.State.Scrolling)
# kind -> (holder, the application it was registered in, gesture type)
_GESTURES: dict[QScroller.ScrollerGestureType, tuple[QObject, QCoreApplication | None, Qt.GestureType]] = {}


def scroller_properties() -> QScrollerProperties:
    props = QScrollerProperties()
    for metric, value in PROPERTIES.items():
        props.setScrollMetric(metric, value)
    return props


def flick_gesture(kind: QScroller.ScrollerGestureType) -> Qt.GestureType:
    """The application's one flick gesture of ``kind`` (touch or left mouse button), registered on first use.

    Qt's flick recognizer is registered by ``QScroller.grabGesture`` on a holder object (a recognizer lives as long as
    the scroller it was registered for); every viewport then grabs its type. The holder belongs to this module, not
    to the application: as the application's child it would be deleted after Qt's gesture manager, and the process
    would crash on its way out."""
    app = QCoreApplication.instance()
    held = _GESTURES.get(kind)
    if held is not None and held[1] is app and shiboken6.isValid(held[0]):
        return held[2]
    holder = QObject()
    holder.setObjectName(f"flickGesture{kind.name}")
    gesture = QScroller.grabGesture(holder, kind)
    _GESTURES[kind] = (holder, app, gesture)
    return gesture


def enable_kinetic_scrolling(root: QWidget, *, mouse: bool = True) -> list[QAbstractScrollArea]:
    """Set up every scrolling area under ``root`` (and ``root`` itself) not yet set up; returns those set up now.

    ``mouse`` (the default, both modes): a left-mouse drag scrolls, and so does a finger (through the mouse events a
    touch screen makes). False: a finger only, through touch events."""
    areas = root.findChildren(QAbstractScrollArea)
    if isinstance(root, QAbstractScrollArea):
        areas.insert(0, root)
    done = []
    for area in areas:
        if area.property(DONE) or _inside_combo(area):
            continue
        area.setProperty(DONE, True)
        viewport = area.viewport()
        # The scroller first: Qt's flick gesture finds the scroller of the object it is made for when it is made.
        scroller = QScroller.scroller(viewport)
        scroller.setScrollerProperties(scroller_properties())
        if mouse and not isinstance(area, (QTextEdit, QPlainTextEdit)):
            viewport.grabGesture(flick_gesture(KIND.LeftMouseButtonGesture))
        else:
            viewport.grabGesture(flick_gesture(KIND.TouchGesture))
            viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
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
    """When the page starts to move, every button in it still held down by the press that began the drag is given a
    release far outside itself (so it does not click), the way Qt cancels a held-back mouse press."""

    def __init__(self, viewport: QWidget, scroller: QScroller):
        super().__init__(viewport)
        self._viewport = viewport
        scroller.stateChanged.connect(self._state_changed)

    def _state_changed(self, state) -> None:
        if state not in _MOVING or not shiboken6.isValid(self._viewport):
            return
        for button in self._viewport.findChildren(QAbstractButton):
            if button.isDown():
                cancel_press(button)


def cancel_press(button: QAbstractButton) -> None:
    """End a press on ``button`` without a click: a release outside it, then the button shown up again.

    The release goes to the button's own handler, not through the application: there the flick gesture would take
    it as the finger lifted and stop the drag that is just starting."""
    outside = QPointF(-10000, -10000)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, outside, button.mapToGlobal(outside),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with contextlib.suppress(TypeError, AttributeError):  # a button Qt made itself: no handler of its own to call
        QAbstractButton.mouseReleaseEvent(button, release)
    button.setDown(False)
