"""Puts a long web address and a long unbroken word into a review's texts, as a school
pasting links might: in one aspect's agreed commentary, rationale, evidence, reasons why the
records differ and planned actions in every scoring workbook, and in the document register,
where each document is kept and the name of the one overdue for review. CI prints the
reports of the review changed so, to check that no page lets such a word run past its
margin. Prints the link and the word, one a line, for the check to look for.

    python3 long_words.py REVIEW_DIR [CODE] [--no-evidence]

--no-evidence leaves the Evidence column alone, for a review to be packed: the pack
refuses a citation that is not a file in the evidence folder.

Needs openpyxl. The words are fixed, so the review is the same on every run.
"""
import glob
import os
import sys

import openpyxl

# A shared-drive link of 150 characters, most of them one token with no place to break it,
# and a word of 160 letters: each is wider than a line of the printed page.
ADDRESS = (
    "https://oakfieldprimary.sharepoint.example/:b:/s/Governors/"
    "EbQx7TnVw2KpLmRsYzAuCdFgHjKlNpQrStVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789AbCdEfGhIjKlMnOp"
)
WORD = "Onlinesafety" + "accountabilityframeworkimplementationandverification" * 3
LONG = f"See {ADDRESS} for the approved copy, and {WORD} in the staff handbook."


def fill_row(sheet, code, texts):
    column = {c.value: c.column for c in sheet[1] if c.value}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == code:
            for heading, text in texts.items():
                if heading in column:
                    old = sheet.cell(row, column[heading]).value
                    # The Evidence column holds one citation a line.
                    between = "\n" if heading == "Evidence" else " "
                    sheet.cell(row, column[heading]).value = f"{old}{between}{text}" if old else text
            return True
    return False


def main(review, code="A1.1", *flags):
    scores = os.path.join(review, "scores")
    group = os.path.join(scores, "group.xlsx")
    for path in sorted(glob.glob(os.path.join(scores, "*.xlsx"))):
        wb = openpyxl.load_workbook(path)
        texts = {"Commentary": LONG, "Evidence": ADDRESS, "Why the records differ": LONG,
                 "Planned actions": LONG}
        if "--no-evidence" in flags:
            del texts["Evidence"]
        if path == group:
            texts = {**texts, "Agreed commentary": LONG, "Rationale": LONG}
        if not fill_row(wb["Scores"], code, texts):
            sys.exit(f"{path}: no row for {code}")
        wb.save(path)
    register = os.path.join(review, "evidence", "policy-register.xlsx")
    wb = openpyxl.load_workbook(register)
    sheet = wb.worksheets[0]
    kept = next(c.column for row in sheet.iter_rows(max_row=6) for c in row if c.value == "Where kept")
    for row in range(5, sheet.max_row + 1):
        name = sheet.cell(row, 1).value
        if name:
            sheet.cell(row, kept).value = ADDRESS
        if name and "terms of reference" in str(name):
            sheet.cell(row, 1).value = f"{name} ({WORD})"
    wb.save(register)
    print(ADDRESS)
    print(WORD)


if __name__ == "__main__":
    main(*sys.argv[1:])
