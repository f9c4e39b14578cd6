"""Writes two HTML pages that put a table's caption and heading row, a small heading and a
label near the foot of a page, at a range of heights, one trial to a printed page: one page
styled with the reports' stylesheet, one with a bare stylesheet that keeps nothing with
what follows. CI prints both with Chromium and runs print_check.py --headings-of on each:
the styled page must pass, and the bare one must fail, which shows the check finds what
it is there to find.

    python3 foot_of_page.py STYLE.css OUT_DIR

Writes OUT_DIR/styled.html and OUT_DIR/bare.html.
"""
import os
import sys

BARE = (
    "@page { size: A4; margin: 15mm 13mm 14mm; } body { font: 9pt Arial, sans-serif; margin: 0; }"
    " table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: 3px; }"
    " tr { break-inside: avoid; } thead { display: table-header-group; }"
)

TRIAL = """<div class="trial" style="break-before: page"><div style="height: {height}mm"></div>
<table><caption class="small">Where the reviewers gave different levels</caption>
<thead><tr><th scope="col">Aspect</th><th scope="col">Levels</th><th scope="col" class="num">Spread</th></tr></thead>
<tbody><tr><td>A1.1 Online Safety Responsibilities</td><td>DSL 2, OSL 3</td><td class="num">1</td></tr>
<tr><td>A1.2 Online Safety Group</td><td>DSL 2, OSL 4</td><td class="num">2</td></tr></tbody></table>
<h4>Notes from the meeting</h4><p>The group met on the first Monday of term.</p><p>It agreed the levels.</p><p>The lead keeps the minutes.</p>
<p class="label">Evidence cited:</p><ul class="tight"><li>osg-minutes.pdf</li><li>policy.pdf</li></ul></div>
"""


def page(style):
    # The first trial starts the document, so it takes no page break of its own.
    trials = "".join(TRIAL.format(height=h) for h in range(236, 268)).replace(
        ' style="break-before: page"', "", 1
    )
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Foot of the page</title>'
        f"<style>{style}</style></head><body>{trials}</body></html>"
    )


def main(css, out):
    with open(css, encoding="utf-8") as f:
        style = f.read()
    os.makedirs(out, exist_ok=True)
    for name, text in (("styled", page(style)), ("bare", page(BARE))):
        with open(os.path.join(out, f"{name}.html"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
