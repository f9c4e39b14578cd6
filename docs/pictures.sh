#!/usr/bin/env bash
# Makes the README's pictures from the demo: the first printed page of the report and of the
# governors' report, as headless Chromium prints them on A4.
#
#     bash docs/pictures.sh            (needs chromium, poppler-utils and python3-pil)
#
# Writes docs/report.png and docs/governors.png.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/release/selfreview"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" demo --quiet "$tmp/demo"
for page in report governors; do
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --disable-component-update --disable-sync --user-data-dir="$tmp/chrome-$page" \
    --no-pdf-header-footer --print-to-pdf="$tmp/$page.pdf" \
    "file://$tmp/demo/out/$page.html" 2>/dev/null
  pdftoppm -png -f 1 -l 1 -singlefile -scale-to 900 "$tmp/$page.pdf" "$tmp/$page"
  # A palette of 64 colours keeps the picture small and the text sharp.
  python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB').quantize(64).save(sys.argv[2], optimize=True)" \
    "$tmp/$page.png" "docs/$page.png"
done
ls -l docs/report.png docs/governors.png
