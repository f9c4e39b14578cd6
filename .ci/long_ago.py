"""Gives a scored review an Online Safety Mark awarded three years before and a snapshot
of the review then, with every aspect at level 5, so that every aspect scored now has gone
up since the award, and a sign-off with the headteacher alone. CI prints the report of such
a review to check that the sign-off, with the Mark's changes under it, stays on the first
page however many aspects changed.

    python3 long_ago.py REVIEW_DIR

Run after `selfreview score`, which writes the snapshot this one is made from.
"""
import glob
import json
import os
import sys


def main(review):
    snapshots = sorted(glob.glob(os.path.join(review, "history", "*.json")))
    if not snapshots:
        sys.exit(f"{review}: no snapshot in history/ to start from; score the review first")
    with open(snapshots[-1], encoding="utf-8") as f:
        doc = json.load(f)
    doc["review_date"] = "2023-11-20"
    for aspect in doc["aspects"]:
        aspect["agreed"] = aspect["counted"] = 5
    with open(os.path.join(review, "history", "2023-11-20.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f)
    with open(os.path.join(review, "review.toml"), "a", encoding="utf-8") as f:
        f.write('\n[sign-off]\nheadteacher = "Mrs A. Hart"\n\n[mark]\nawarded = 2023-12-05\nlast-assessment = "desk"\n')
    print(f"{review}: a Mark awarded on 2023-12-05, every aspect at level 5 then")


if __name__ == "__main__":
    main(sys.argv[1])
