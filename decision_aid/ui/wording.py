"""The words the session's frame says to a person, in one place: the draft banner, the messages about the answers
file, printing and PDFs, the kiosk's hand-over, and the idle warning. (A page's own words come from the content;
a control's short label stays beside the control.) ``{path}`` and the like are filled in with ``str.format``.

Each is marked with ``N_`` (the catalogue's extraction finds it) and said in the person's language where it is
shown: ``_(wording.START_OVER_TITLE)``."""

from __future__ import annotations

from ..i18n import N_, _, ngettext

# Worded with the content's review status, beside the printout's notice; the same words, marked here for the
# catalogue (a test checks they are the content's notice).
DRAFT_TEXT = N_("This aid is being checked by the clinic's doctors.")
# Shown beside it in a translated language until a medical translator and a clinician have reviewed the translation.
TRANSLATION_DRAFT_TEXT = N_("This translation has not been checked yet.")


def draft_notice(content) -> str:
    """What the screen says of a draft (the banner, a dialog's note): the content's own status, and in a
    translation the translation's too; "" when neither is a draft."""
    words = [_(DRAFT_TEXT)] if content.bundle.is_draft else []
    if content.translation is not None and content.translation.is_draft:
        words.append(_(TRANSLATION_DRAFT_TEXT))
    return " ".join(words)

# The start refused: a file the aid needs has problems (said to whoever is at the screen, for the clinic's IT team)
CANNOT_START = N_("The decision aid cannot start")
CONTENT_PROBLEMS = N_("The aid's content has problems, so it will not start. Please tell the clinic's IT team.")
CLINIC_PROBLEMS = N_("The clinic file has problems, so the aid will not start. Please tell the clinic's IT team.")


def problems_found(count: int) -> str:
    """How many problems a file has, in the person's language."""
    return ngettext("{count} problem found. Show details for the list.",
                    "{count} problems found. Show details for the list.", count).format(count=count)

# Start over
START_OVER_TITLE = N_("Start over?")
START_OVER_TEXT = N_("Start over and clear every answer?")
START_OVER_INFO = N_("Everything entered on this screen will be wiped. This cannot be undone.")
START_OVER_YES = N_("Start over")
START_OVER_NO = N_("Keep my answers")

# The answers file (nurse mode only)
SAVE_ANSWERS_TITLE = N_("Save the answers")
OPEN_ANSWERS_TITLE = N_("Open an answers file")
ANSWERS_FILTER = N_("Answers files (*.json)")
ANSWERS_NOT_SAVED = N_("The answers were not saved")
ANSWERS_SAVED = N_("Answers saved")
ANSWERS_NOT_OPENED = N_("The answers file was not opened")
REPLACE_TITLE = N_("Replace the answers?")
REPLACE_TEXT = N_("Replace the answers on screen with the ones in the file?")
REPLACE_YES = N_("Replace")
REPLACE_NO = N_("Keep the answers on screen")
ANSWERS_NOT_SAVED_TEXT = N_("The answers could not be saved to {path}.")
ANSWERS_SAVED_TEXT = N_("The answers were saved to {path}.")
NOT_AN_ANSWERS_FILE = N_("{path} is not a valid answers file, so nothing was changed. Your answers on screen are kept.")


# The summary: printing and PDFs
NOT_PRINTED = N_("The summary was not printed")
SAVE_PDF_TITLE = N_("Save the summary as a PDF")
PDF_FILTER = N_("PDF files (*.pdf)")
PDF_NOT_SAVED = N_("The PDF was not saved")
PDF_SAVED = N_("PDF saved")
PDF_NOT_WRITTEN_TEXT = N_("The PDF could not be written to {path}.")
PDF_SAVED_TEXT_AT = N_("The summary was saved to {path}.")


# The kiosk's words around the summary: a person there cannot pick a folder, and the next person must start clean.
KIOSK_NO_PDF = N_("Saving a PDF is not set up on this computer. You can print the summary, or ask a member of staff.")
KIOSK_PDF_NOTE = N_("Save as PDF keeps a copy for the clinic staff. Ask a member of staff for it.")
KIOSK_NO_PRINTER = N_("No printer is set up on this computer, so the summary cannot be printed here.")
KIOSK_NO_PRINTER_PDF = N_("No printer is set up on this computer, so the summary cannot be printed here. You can save "
                          "it as a PDF for the clinic staff, or ask a member of staff.")
KIOSK_NO_PRINTER_ASK = N_("No printer is set up on this computer, so the summary cannot be printed here. Please ask a "
                          "member of staff.")
KIOSK_PDF_FAILED = N_("The PDF could not be saved on this computer. You can print the summary, or ask a member of "
                      "staff.")
PRINTED_TITLE = N_("Your summary is printing")
PRINTED_TEXT = N_("Your summary has been sent to the printer. Please collect it from the printer.")
PDF_SAVED_TITLE = N_("Your summary is saved")
PDF_SAVED_TEXT = N_("Your summary has been saved for the clinic staff. Please ask a member of staff for it.")
CLEARS_NEXT = N_("For your privacy, your answers will be cleared from this screen, ready for the next person, "
                 "when you touch the button below.")
NEXT_PERSON = N_("Start again for the next person")
# Kiosk: printing and saving for the staff are not either/or; the message after one offers the other.
ALSO_SAVE, ALSO_PRINT = N_("Also save a copy for the staff"), N_("Also print it")
ALSO_DONE = {ALSO_SAVE: N_("A copy was saved for the staff"), ALSO_PRINT: N_("Sent to the printer too")}
FOR_THE_STAFF = N_("For the staff: {detail}")
SAVED_FOR_THE_STAFF = N_("For the staff: it is {name} in {folder}.")


# The kiosk's idle warning
WARNING_TITLE = N_("Are you still there?")
STILL_HERE = N_("I'm still here")
KEEP_GOING = N_("To keep going, touch \u201cI'm still here\u201d.")


def countdown_text(seconds: int) -> str:
    """The idle warning's countdown, in the person's language."""
    return ngettext("For your privacy, this screen will clear in {seconds} second.",
                    "For your privacy, this screen will clear in {seconds} seconds.", seconds).format(seconds=seconds)
