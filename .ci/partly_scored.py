"""Fills the scoring workbooks of a review as an online safety group part way through might:
the members have scored the aspects of the first elements and left the rest blank, one
member has scored two aspects nobody else has, a few give levels the others do not, some
commentary is missing or too short, and no group meeting has agreed anything yet (a group
workbook is taken away). CI prints the reports of such a review, made from the demo and from
a new review, to check the report's first page still holds the verdict, the radar and the
sign-off, and that nothing else prints badly.

    python3 partly_scored.py REVIEW_DIR

A member's level or commentary already written for an aspect left scored is kept (the
demo's); a blank one is filled. Needs openpyxl. What is filled, blanked and changed is
fixed, so the review is the same on every run.
"""
import os
import re
import sys

import openpyxl

# Aspects no member has scored yet: those of the last two elements, and one more.
UNSCORED = re.compile(r"C\d\.\d|D\d\.\d|B4\.2")
# Aspects only the first member (in file order) has scored, with their level.
ONLY_FIRST = {"C1.1": 3, "C2.4": 2}
# Levels that make a member disagree with the rest, by member (in file order).
DIFFERENT = {1: {"A1.2": 4, "A2.3": 1}, 2: {"B1.1": 4, "A1.1": 3}}
COMMENTARY = (
    "The online safety lead and the DSL meet each half term and report to the governors; "
    "the policy names who does what, staff were told at the September training day, and "
    "the minutes of the online safety group record the actions agreed and who owns them."
)


def fill(sheet, member):
    """Fills or blanks one member's Scores sheet."""
    column = {c.value: c.column for c in sheet[1] if c.value}
    for index, row in enumerate(range(2, sheet.max_row + 1)):
        code = str(sheet.cell(row, 1).value or "")
        if not re.fullmatch(r"[A-Z]\d+\.\d+", code):
            continue
        level = sheet.cell(row, column["Level"])
        words = sheet.cell(row, column["Commentary"])
        if member == 0 and code in ONLY_FIRST:
            level.value = ONLY_FIRST[code]
        elif UNSCORED.fullmatch(code):
            for name in ("Level", "Commentary", "Evidence", "Why the records differ"):
                sheet.cell(row, column[name]).value = None
            continue
        if code in DIFFERENT.get(member, {}):
            level.value = DIFFERENT[member][code]
        elif level.value is None:
            level.value = 2 + index % 2
        if words.value is None and index % 5 != 3:
            # Every fifth aspect has no commentary; every seventh too little.
            words.value = "Roles are written down." if index % 7 == 0 else COMMENTARY


def fill_members(review, fill, said):
    """Takes out the review's group workbook and fills each member's with `fill(sheet,
    member)`; `said` says what the members then hold."""
    scores = os.path.join(review, "scores")
    group = os.path.join(scores, "group.xlsx")
    if os.path.exists(group):
        os.remove(group)
    books = sorted(os.path.join(scores, n) for n in os.listdir(scores) if n.endswith(".xlsx"))
    if len(books) < 3:
        sys.exit(f"{scores}: needs three or more members' workbooks, found {len(books)}")
    for member, path in enumerate(books):
        wb = openpyxl.load_workbook(path)
        fill(wb["Scores"], member)
        wb.save(path)
    print(f"{scores}: {len(books)} members {said}")


def main(review):
    fill_members(review, fill, "part way through their scoring")


if __name__ == "__main__":
    main(sys.argv[1])
