"""A decision aid for people with stage 4 breast cancer whose breast tumor is still in place.

The core (content, answers, tailoring, summary HTML) never imports Qt; Qt lives in ``decision_aid.ui`` and the
wiring module ``decision_aid.app``.
"""

__version__ = "0.1.0"
