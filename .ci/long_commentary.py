"""Gives one aspect of a review's group workbook a long agreed commentary, as a school that
writes at length might: about 830 words on A1.1, where the demo's own is a paragraph. CI
prints the reports of the demo changed so, to check that a commentary running over a page
leaves no heading or label stranded at a page's foot and no page half empty.

    python3 long_commentary.py REVIEW_DIR [CODE]

Needs openpyxl. The words are fixed, so the review is the same on every run.
"""
import os
import sys

import openpyxl

SENTENCE = (
    "Each half term the online safety lead and the DSL go through the log together, agree "
    "what needs doing and note who does it by when."
)


def main(review, code="A1.1"):
    path = os.path.join(review, "scores", "group.xlsx")
    wb = openpyxl.load_workbook(path)
    sheet = wb["Scores"]
    column = {c.value: c.column for c in sheet[1] if c.value}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == code:
            sheet.cell(row, column["Agreed commentary"]).value = " ".join([SENTENCE] * 33)
            wb.save(path)
            print(f"{path}: {code} has an agreed commentary of {33 * len(SENTENCE.split())} words")
            return
    sys.exit(f"{path}: no row for {code}")


if __name__ == "__main__":
    main(*sys.argv[1:])
