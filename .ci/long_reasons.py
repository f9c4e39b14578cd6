"""Fills the scoring workbooks of a review as a group that claims the aspirational level on
every aspect might, each member saying at length why the school's records differ from the
claim. Most aspects' checks then fall short, each with a long reason. CI prints the report
of such a review to check that its first page still holds the verdict, the radar and the
sign-off: the verdict names the aspects held back in brief, leaving the reasons to each
aspect's section (it once quoted them on the first page and pushed the radar to the next).

    python3 long_reasons.py REVIEW_DIR

The group workbook is taken away, so the members' levels stand. Needs openpyxl. What is
written is fixed, so the review is the same on every run.
"""
import re
import sys

from partly_scored import fill_members

WHY = (
    "The register was brought together from three older lists when the school joined the "
    "trust, and several of its dates are those of the old documents rather than of the "
    "reviews the governors actually held; the minutes of the full governing body for the "
    "spring and summer terms record each review, the headteacher's report to governors "
    "lists the policies approved, and the trust's safeguarding adviser checked the "
    "arrangements on her visit in June, so the group is confident the practice is better "
    "than the register's dates suggest, and the register is being corrected this term."
)
COMMENTARY = (
    "Every part of this is in place and reviewed each year: the group has read the "
    "documents, the minutes and the records together, each member has seen what happens "
    "in classrooms and at the gate, pupils and parents were asked in the summer surveys, "
    "and the governors heard the findings at their autumn meeting, where the actions "
    "agreed were given owners and dates and were checked again at the next meeting."
)


def fill(sheet, member):
    """Claims level 1 on every aspect of one member's Scores sheet, saying why at length."""
    column = {c.value: c.column for c in sheet[1] if c.value}
    for row in range(2, sheet.max_row + 1):
        code = str(sheet.cell(row, 1).value or "")
        if not re.fullmatch(r"[A-Z]\d+\.\d+", code):
            continue
        sheet.cell(row, column["Level"]).value = 1
        sheet.cell(row, column["Commentary"]).value = COMMENTARY
        sheet.cell(row, column["Why the records differ"]).value = f"Member {member + 1}: {WHY}"


def main(review):
    fill_members(review, fill, "claiming level 1 on every aspect")


if __name__ == "__main__":
    main(sys.argv[1])
