"""Checks a report page that headless Chromium rendered: the screenshot must show content,
and the browser must not have reported a failed load or a page error.

    python3 page_check.py SCREENSHOT.png CHROMIUM.log
"""
import re
import sys

from PIL import Image


def main(png, log):
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    share = sum(histogram[:200]) / sum(histogram)
    if share < 0.01:
        sys.exit(f"{png}: the page looks blank ({share:.2%} of pixels have ink)")
    errors = [
        line
        for line in open(log, encoding="utf-8", errors="replace")
        if re.search(r"net::ERR_|Uncaught|Not allowed to load|CONSOLE\(", line)
    ]
    if errors:
        sys.exit(f"{png}: the browser reported errors:\n" + "".join(errors))
    print(f"{png}: {share:.1%} of pixels have ink; no browser errors")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
