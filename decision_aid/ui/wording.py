"""The words the session's frame says to a person, in one place: the draft banner, the messages about the answers
file, printing and PDFs, the kiosk's hand-over, and the idle warning. (A page's own words come from the content;
a control's short label stays beside the control.) ``{path}`` and the like are filled in with ``str.format``."""

from __future__ import annotations

from ..content.governance import SCREEN_DRAFT_NOTICE

DRAFT_TEXT = SCREEN_DRAFT_NOTICE  # worded with the content's review status, beside the printout's notice

# The start refused: a file the aid needs has problems (said to whoever is at the screen, for the clinic's IT team)
CANNOT_START = "The decision aid cannot start"
CONTENT_PROBLEMS = "The aid's content has problems, so it will not start. Please tell the clinic's IT team."
CLINIC_PROBLEMS = "The clinic file has problems, so the aid will not start. Please tell the clinic's IT team."
PROBLEMS_FOUND = "{count} problem(s) found. Show details for the list."

# Start over
START_OVER_TITLE = "Start over?"
START_OVER_TEXT = "Start over and clear every answer?"
START_OVER_INFO = "Everything entered on this screen will be wiped. This cannot be undone."
START_OVER_YES = "Start over"
START_OVER_NO = "Keep my answers"

# The answers file (nurse mode only)
SAVE_ANSWERS_TITLE = "Save the answers"
OPEN_ANSWERS_TITLE = "Open an answers file"
ANSWERS_FILTER = "Answers files (*.json)"
ANSWERS_NOT_SAVED = "The answers were not saved"
ANSWERS_SAVED = "Answers saved"
ANSWERS_NOT_OPENED = "The answers file was not opened"
REPLACE_TITLE = "Replace the answers?"
REPLACE_TEXT = "Replace the answers on screen with the ones in the file?"
REPLACE_YES = "Replace"
REPLACE_NO = "Keep the answers on screen"
ANSWERS_NOT_SAVED_TEXT = "The answers could not be saved to {path}."
ANSWERS_SAVED_TEXT = "The answers were saved to {path}."
NOT_AN_ANSWERS_FILE = "{path} is not a valid answers file, so nothing was changed. Your answers on screen are kept."


# The summary: printing and PDFs
NOT_PRINTED = "The summary was not printed"
SAVE_PDF_TITLE = "Save the summary as a PDF"
PDF_FILTER = "PDF files (*.pdf)"
PDF_NOT_SAVED = "The PDF was not saved"
PDF_SAVED = "PDF saved"
PDF_NOT_WRITTEN_TEXT = "The PDF could not be written to {path}."
PDF_SAVED_TEXT_AT = "The summary was saved to {path}."


# The kiosk's words around the summary: a person there cannot pick a folder, and the next person must start clean.
KIOSK_NO_PDF = "Saving a PDF is not set up on this computer. You can print the summary, or ask a member of staff."
KIOSK_PDF_NOTE = "Save as PDF keeps a copy for the clinic staff. Ask a member of staff for it."
KIOSK_NO_PRINTER = "No printer is set up on this computer, so the summary cannot be printed here."
KIOSK_NO_PRINTER_PDF = KIOSK_NO_PRINTER + " You can save it as a PDF for the clinic staff, or ask a member of staff."
KIOSK_NO_PRINTER_ASK = KIOSK_NO_PRINTER + " Please ask a member of staff."
KIOSK_PDF_FAILED = "The PDF could not be saved on this computer. You can print the summary, or ask a member of staff."
PRINTED_TITLE = "Your summary is printing"
PRINTED_TEXT = "Your summary has been sent to the printer. Please collect it from the printer."
PDF_SAVED_TITLE = "Your summary is saved"
PDF_SAVED_TEXT = "Your summary has been saved for the clinic staff. Please ask a member of staff for it."
CLEARS_NEXT = ("For your privacy, your answers will be cleared from this screen, ready for the next person, "
               "when you touch the button below.")
NEXT_PERSON = "Start again for the next person"
# Kiosk: printing and saving for the staff are not either/or; the message after one offers the other.
ALSO_SAVE, ALSO_PRINT = "Also save a copy for the staff", "Also print it"
ALSO_DONE = {ALSO_SAVE: "A copy was saved for the staff", ALSO_PRINT: "Sent to the printer too"}
FOR_THE_STAFF = "For the staff: {detail}"
SAVED_FOR_THE_STAFF = "For the staff: it is {name} in {folder}."


# The kiosk's idle warning
WARNING_TITLE = "Are you still there?"
STILL_HERE = "I'm still here"
KEEP_GOING = "To keep going, touch \u201cI'm still here\u201d."


def countdown_text(seconds: int) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return f"For your privacy, this screen will clear in {seconds} {unit}."
