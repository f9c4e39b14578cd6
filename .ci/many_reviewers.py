"""Fills every scoring workbook in a folder as a large online safety group might: a level
for each aspect, a long commentary (about 500 words, with a pasted web address and a run-on
word), the same planned actions, and the same sentence on why the records differ, copied
by every reviewer. CI prints the report of such a review to check it stays a readable
length.

    python3 many_reviewers.py SCORES_DIR

Needs openpyxl. The levels and words are drawn from a fixed seed, so the review is the
same on every run.
"""
import glob
import random
import re
import sys

import openpyxl

WORDS = (
    "the school reviews filtering and monitoring each term with the DSL and technician "
    "records every alert logs actions and reports to governors evidence shows staff "
    "training minutes policy"
).split()
ADDRESS = "https://www.example-school.sch.uk/policies/online-safety/2026/approved/online-safety-policy-final-v3.pdf"
RUN_ON = "Onlinesafetyverificationandaccountabilityframeworkimplementationnotes" * 2
WHY = "New staff are booked on the course next term and the register is being updated by the office manager."


def commentary(rng, n=500):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[10], words[50] = ADDRESS, RUN_ON
    return " ".join(words)


def main(folder):
    rng = random.Random(15)
    books = sorted(glob.glob(f"{folder}/*.xlsx"))
    if not books:
        sys.exit(f"{folder}: no scoring workbooks to fill")
    for path in books:
        wb = openpyxl.load_workbook(path)
        sheet = wb["Scores"]
        column = {c.value: c.column for c in sheet[1] if c.value}
        for row in range(2, sheet.max_row + 1):
            if not re.fullmatch(r"[A-Z]\d+\.\d+", str(sheet.cell(row, 1).value or "")):
                continue
            sheet.cell(row, column["Level"]).value = rng.choice([1, 2, 2, 3, 3, 4])
            sheet.cell(row, column["Commentary"]).value = commentary(rng)
            sheet.cell(row, column["Evidence"]).value = "online-safety-policy.pdf"
            sheet.cell(row, column["Planned actions"]).value = "Review the policy with governors and all staff."
            sheet.cell(row, column["Owner"]).value = "Deputy Headteacher"
            if "Why the records differ" in column:
                sheet.cell(row, column["Why the records differ"]).value = WHY
        wb.save(path)
    print(f"{folder}: filled {len(books)} workbooks")


if __name__ == "__main__":
    main(sys.argv[1])
