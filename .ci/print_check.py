"""Checks a document as a real program printed it to PDF: every page is A4, and so many pages
at most; for a spreadsheet, also that no line of text is drawn over another (wrapped text
spilling out of a row too short for it lands on the rows below) and that given words all
reached the page (text cut off by its cell is lost).

    python3 print_check.py FILE.pdf --max-pages N [--no-overlap] [--on-every-page TEXT]
        [--printed-whole TEXT]
        [--longest-text-of BOOK.xlsx --min-words N] [--all-text-of BOOK.xlsx]
        [--min-text-height PT]

--on-every-page requires TEXT (a running head, say) on each page.

--headings-of takes the HTML that was printed and requires every heading in it (h1 to h4)
to be followed on its page by at least three lines of text, or to end the document: a
heading, or a heading and its first line, left at the foot of a page is an error. A label
heading a list (<p class="label">, such as "Evidence cited:") must be followed on its
page by at least its first item. A table's heading row, and its caption, must be followed
on their page by at least the table's first row: the heading row is printed again at the
head of every page the table runs onto, so one left alone at a page's foot heads nothing.

--margin PT requires every line of text to keep PT points from each edge of the page: a
running head that wraps grows out of its margin towards the edge.

--min-fill PCT requires the text of every page but the last to reach at least PCT percent
of the way down the page: a block kept whole and moved to the next page leaves its page
part empty.

--on-page-1 TEXT (given any number of times) requires TEXT on the first page, such as the
radar's heading and the sign-off's.

--page-1-through TEXT requires everything before the first line starting TEXT (the heading
that follows what the first page must hold) to print on the first page: that line is on
page 1, or is the first line of page 2.

--longest-text-of takes the longest text in the workbook's shared strings (in a scoring
workbook, a commentary), requires it to have at least --min-words words, so the check cannot
pass on a workbook without long text, and requires every one of its words on the pages.

--all-text-of requires every word of every text in the workbook on the pages as many times
as the workbook holds it, so text cut off at the foot of a row too short for it (no row may
be taller than 409 points) is found even when the same words are printed elsewhere. A word
longer than 30 letters may be broken over lines, so it need only appear, its pieces joined.

--printed-whole TEXT (given any number of times) requires TEXT, a long link or word, on the
pages whole: its letters in order, wherever lines break it. A word run past the page's
margin is cut off there and never printed whole; a page made wider than the paper by it is
printed smaller, which --min-text-height finds.

--rows-kept SHEET requires, on every page of a workbook's sheet SHEET (named at the page's
foot) but the last, that the last row begun on the page is not a heading row. On the Levels
sheet that is a row whose first column holds an aspect's code (such as A1.1), the row it
heads each aspect's levels with; rows are told by where their first word starts: under the
first heading of the sheet's heading row (Code), or under its third (Level) for a level's
row. On any other sheet (Scores) it is a row whose first column holds an element's or a
strand's code (such as B or B1), which heads the aspects under it, each row of which has an
aspect's code there.

--min-text-height requires the words on each page to be, at the median, at least PT points
tall (from the top of the tallest letter to the foot of the lowest): a sheet fitted to one
page wide over too many columns prints its text too small to read. Type of 11 points printed
at full size gives words about 14 points tall.

Page sizes come from `pdfinfo -f 1 -l N`, text boxes from `pdftotext -bbox-layout`, both
from poppler-utils. Exits 1 naming each page and line at fault.
"""
import argparse
import html.parser
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

A4 = (595.0, 842.0)
# Text above this (in points from the top) is in the top margin: the running head.
TOP_MARGIN = 40.0
TOLERANCE = 2.0


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), pdf], capture_output=True, text=True, check=True
    ).stdout
    found = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", sizes, re.M)
    ]
    return found or [tuple(map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()))]


def is_a4(size):
    w, h = sorted(size)
    return abs(w - A4[0]) <= TOLERANCE and abs(h - A4[1]) <= TOLERANCE


def lines(pdf):
    """Each page's text lines: (page number, text, x0, y0, x1, y1)."""
    # A character poppler cannot map comes out as a byte that is not UTF-8.
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True
    ).stdout.decode("utf-8", errors="replace")
    # pdftotext writes XHTML; the namespace is dropped so the tags read plainly.
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xml, count=1))
    out = []
    for number, page in enumerate(root.iter("page"), start=1):
        for line in page.iter("line"):
            words = [w.text or "" for w in line.iter("word")]
            box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append((number, " ".join(words), *box))
    return out


def turned(line):
    """Whether a line of text runs up the page rather than across it: pdftotext gives no
    direction, but a line of three letters or more written across is wider than tall."""
    letters = len("".join(line[1].split()))
    return letters >= 3 and (line[5] - line[3]) > 1.2 * (line[4] - line[2])


def overlaps(found):
    """Pairs of lines on the same page whose boxes cross by more than a sliver: two lines
    of text drawn over each other."""
    problems = []
    by_page = {}
    for line in found:
        by_page.setdefault(line[0], []).append(line)
    for page, items in sorted(by_page.items()):
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                dx = min(a[4], b[4]) - max(a[2], b[2])
                dy = min(a[5], b[5]) - max(a[3], b[3])
                shorter = min(a[5] - a[3], b[5] - b[3])
                if turned(a) and turned(b):
                    # Lines that run up the page (a heading turned up a narrow column)
                    # stand side by side: their widths are their heights.
                    dx, dy = dy, dx
                    shorter = min(a[4] - a[2], b[4] - b[2])
                if dx > 1.0 and dy > 0.3 * shorter:
                    problems.append(f"page {page}: {a[1][:50]!r} is drawn over {b[1][:50]!r}")
    return problems


def word_heights(pdf):
    """Each page's word heights, by page number."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True
    ).stdout.decode("utf-8", errors="replace")
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xml, count=1))
    heights = {}
    for number, page in enumerate(root.iter("page"), start=1):
        heights[number] = [
            float(w.get("yMax")) - float(w.get("yMin")) for w in page.iter("word")
        ]
    return heights


def small_pages(pdf, least):
    """Pages whose words are, at the median, shorter than `least` points."""
    problems = []
    for number, found in sorted(word_heights(pdf).items()):
        if not found:
            continue
        found.sort()
        median = found[len(found) // 2]
        if median < least:
            problems.append(
                f"page {number}: its words are {median:.1f} pt tall at the median, "
                f"less than the {least} pt that can be read"
            )
    return problems


def hidden_sheet_files(zf):
    """The worksheet parts of a workbook's hidden sheets, which print on no page."""
    strip = lambda xml: ET.fromstring(re.sub(r'\sxmlns(:\w+)?="[^"]+"', "", xml))
    rels = {}
    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        for rel in strip(zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")).iter("Relationship"):
            rels[rel.get("Id")] = "xl/" + rel.get("Target").lstrip("/").removeprefix("xl/")
    hidden = set()
    book = re.sub(r"\br:id=", "rid=", zf.read("xl/workbook.xml").decode("utf-8"))
    for sheet in strip(book).iter("sheet"):
        if sheet.get("state") in ("hidden", "veryHidden") and sheet.get("rid") in rels:
            hidden.add(rels[sheet.get("rid")])
    return hidden


def column_number(reference):
    """The 1-based column of a cell reference such as "C12"."""
    number = 0
    for letter in re.match(r"[A-Z]+", reference).group(0):
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def visible_cells(root):
    """The cells of a worksheet in rows and columns that are not hidden."""
    hidden_columns = set()
    for col in root.iter("col"):
        if col.get("hidden") in ("1", "true"):
            hidden_columns.update(range(int(col.get("min")), int(col.get("max")) + 1))
    for row in root.iter("row"):
        if row.get("hidden") in ("1", "true"):
            continue
        for cell in row.iter("c"):
            if column_number(cell.get("r", "A")) not in hidden_columns:
                yield cell


def all_texts(book):
    """Every text a workbook shows where it prints: its cells' shared strings (each once) and
    the strings written in its cells (as some writers do instead), leaving out hidden sheets,
    rows and columns, which print on no page."""
    zf = zipfile.ZipFile(book)
    strip = lambda xml: ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xml, count=1))
    shared = []
    if "xl/sharedStrings.xml" in zf.namelist():
        root = strip(zf.read("xl/sharedStrings.xml").decode("utf-8"))
        shared = ["".join(t.text or "" for t in item.iter("t")) for item in root.iter("si")]
    hidden = hidden_sheet_files(zf)
    used, texts = set(), []
    for name in sorted(zf.namelist()):
        if not name.startswith("xl/worksheets/sheet") or name in hidden:
            continue
        for cell in visible_cells(strip(zf.read(name).decode("utf-8"))):
            if cell.get("t") == "s" and cell.find("v") is not None:
                used.add(int(cell.find("v").text))
            for item in cell.iter("is"):
                texts.append("".join(t.text or "" for t in item.iter("t")))
    return [shared[i] for i in sorted(used) if i < len(shared)] + texts


def longest_text(book):
    """The longest text in a workbook."""
    return max(all_texts(book), key=lambda t: len(t.split()), default="")


def words_short(found, texts):
    """Words of `texts` printed fewer times than the texts hold them; words longer than 30
    letters are looked for whole in the printed text with its spaces taken out."""
    from collections import Counter

    printed = Counter()
    for line in found:
        printed.update(words(line[1]))
    joined = "".join("".join(words(line[1])) for line in found)
    wanted = Counter()
    for text in texts:
        wanted.update(words(text))
    short = []
    for word, count in sorted(wanted.items()):
        if len(word) > 30:
            if word not in joined:
                short.append(f"{word[:30]}… never printed")
        elif printed[word] < count:
            short.append(f"{word!r} printed {printed[word]} of {count} times")
    return short


# The level given to a label (a paragraph of class "label", such as "Evidence cited:") that
# heads a list: below every heading, and printed at the body's size.
LABEL = 5


HEADINGS = ("h1", "h2", "h3", "h4")


class Headings(html.parser.HTMLParser):
    """The text of each h1 to h4 of an HTML page, with its level, and of each label
    (<p class="label">) with the level LABEL; and each table's caption and heading row (the
    text of each of its cells), in `tables`."""

    def __init__(self):
        super().__init__()
        self.found, self.depth, self.text, self.tag = [], 0, [], None
        self.tables, self.part, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        label = tag == "p" and "label" in (dict(attrs).get("class") or "").split()
        if tag in HEADINGS or label:
            self.depth += 1
            self.text = []
            self.tag = tag
        if tag == "table":
            self.tables.append({"caption": [], "head": []})
        elif tag in ("caption", "thead") and self.tables:
            self.part = tag
        elif tag in ("th", "td") and self.part == "thead":
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if self.depth and tag == self.tag and tag in HEADINGS + ("p",):
            self.depth -= 1
            level = LABEL if tag == "p" else int(tag[1])
            self.found.append((" ".join("".join(self.text).split()), level))
        if tag in ("th", "td") and self.cell is not None:
            self.tables[-1]["head"].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag in ("caption", "thead"):
            self.part = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
        if self.part == "caption":
            self.tables[-1]["caption"].append(data)
        elif self.cell is not None:
            self.cell.append(data)


def parsed(page_file):
    parser = Headings()
    with open(page_file, encoding="utf-8") as f:
        parser.feed(f.read())
    return parser


def headings(page_file):
    return [h for h in parsed(page_file).found if h[0]]


def table_heads(page_file):
    """Each table's caption (or "") and heading row's cells, for tables with either."""
    out = []
    for table in parsed(page_file).tables:
        caption = " ".join("".join(table["caption"]).split())
        cells = [c for c in table["head"] if c]
        if (caption or cells) and (caption, cells) not in out:
            out.append((caption, cells))
    return out


def heads_left(found, tables, pages):
    """Tables whose caption or heading row is the last thing on a page before the last:
    what follows a line starting the caption, or the heading row's first cell, is nothing
    but the caption's and the heading row's own words."""
    from collections import Counter

    problems = []
    for number in range(1, pages):
        body = sorted(
            (l for l in found if l[0] == number and l[3] > TOP_MARGIN
             and not re.fullmatch(r"Page \d+ of \d+", l[1])),
            key=lambda l: (l[3], l[2]),
        )
        for caption, cells in tables:
            own = Counter(words(caption + " " + " ".join(cells)))
            starts = [s for s in (caption, cells[0] if cells else "") if s]
            for line in body:
                text = " ".join(line[1].split())
                if not any(text.startswith(" ".join(s.split()[:4])) for s in starts):
                    continue
                rest = Counter(w for l in body if l[3] >= line[3] - 0.5 for w in words(l[1]))
                if rest and not rest - own:
                    what = "caption" if caption and text.startswith(caption.split()[0]) else "heading row"
                    problems.append(
                        f"page {number}: a table's {what} {text[:60]!r} is left at the foot "
                        f"of the page without the table's first row"
                    )
                    break
    return problems


def stranded(found, titles, pages):
    """Headings printed with fewer than three lines after them on their page while what
    they head runs on over the page: the next page does not start with a heading of the
    same level or above. A heading is a line that starts one of `titles` and stands taller
    than the page's usual line, so a table cell of the same words is not taken for one.
    The running head and the page number, in the margins, are left out."""
    def body(number):
        items = sorted((l for l in found if l[0] == number), key=lambda l: (l[3], l[2]))
        return [l for l in items if l[3] > TOP_MARGIN and not re.fullmatch(r"Page \d+ of \d+", l[1])]

    def level(line, usual):
        """The heading level of `line`, or None when it is not a heading. A label is one
        when the whole line is its text, whatever its height."""
        text = " ".join(line[1].split())
        if any(n == LABEL and text == t for t, n in titles):
            return LABEL
        if line[5] - line[3] < usual * 1.08 or len(text) <= 3:
            return None
        # A heading that wraps prints its first line alone: a long enough start counts.
        levels = [
            n for t, n in titles
            if n != LABEL and text.startswith(t) or (t.startswith(text) and len(text) >= max(12, len(t) // 2))
        ]
        return min(levels) if levels else None

    def usual(lines):
        # Lines of running text: a chart's short labels, printed smaller, are left out, so
        # that a page with a chart does not make its ordinary lines look like headings.
        text = [l for l in lines if len(l[1]) > 25] or lines
        heights = sorted(l[5] - l[3] for l in text)
        return heights[len(heights) // 2] if heights else 0

    problems = []
    for number in range(1, pages):
        lines_here, lines_next = body(number), body(number + 1)
        if not lines_here or not lines_next:
            continue
        height = usual(lines_here)
        # The page's closing footer ("Made by selfreview …") ends every section before it.
        closing = lines_next[0][1].startswith("Made by ")
        starts = 0 if closing else level(lines_next[0], usual(lines_next))
        for i, line in enumerate(lines_here):
            # Lines after it, the cells of one table row counted once.
            after = len({round(l[3]) for l in lines_here[i + 1:]})
            this = level(line, height) if after < 3 else None
            # A label needs only its first item after it.
            if this == LABEL and after >= 1:
                this = None
            if this is not None and (starts is None or starts > this):
                problems.append(
                    f"page {number}: the heading {' '.join(line[1].split())[:60]!r} is left at "
                    f"the foot of the page with {after} line(s) after it"
                )
                break
    return problems


def outside(found, sizes, margin):
    problems = []
    for number, text, x0, y0, x1, y1 in found:
        w, h = sizes[min(number, len(sizes)) - 1]
        if x0 < margin or y0 < margin or x1 > w - margin or y1 > h - margin:
            problems.append(
                f"page {number}: {text[:50]!r} lies within {margin:g} pt of the page's edge "
                f"(at {x0:.0f}, {y0:.0f} to {x1:.0f}, {y1:.0f})"
            )
    return problems


def fill(found, sizes):
    """How far down each page its body text reaches, as a share of the page's height: the
    running head and the page number, in the margins, are left out."""
    reach = {}
    for number, text, _x0, y0, _x1, y1 in found:
        if y0 <= TOP_MARGIN or re.fullmatch(r"Page \d+ of \d+", " ".join(text.split())):
            continue
        h = sizes[min(number, len(sizes)) - 1][1]
        reach[number] = max(reach.get(number, 0.0), y1 / h)
    return [reach.get(n, 0.0) for n in range(1, len(sizes) + 1)]


def too_empty(found, sizes, least):
    """Pages before the last whose body stops short of `least` percent of the page: what
    followed was moved whole to the next page, leaving this one part empty."""
    return [
        f"page {n}: its text reaches only {100 * share:.0f}% of the way down the page "
        f"(at least {least:g}% is expected of every page but the last)"
        for n, share in enumerate(fill(found, sizes)[:-1], start=1)
        if 100 * share < least
    ]


def missing_on_first(found, wanted):
    """The texts of `wanted` that page 1 does not print."""
    text = " ".join(" ".join(line[1] for line in found if line[0] == 1).split())
    return [f"page 1 does not say {w!r}" for w in wanted if " ".join(w.split()) not in text]


def spills(found, heading):
    """What runs over from page 1 onto page 2 before the first line starting `heading`."""
    body = sorted(
        (l for l in found if l[3] > TOP_MARGIN and not re.fullmatch(r"Page \d+ of \d+", l[1])),
        key=lambda l: (l[0], l[3], l[2]),
    )
    at = next((l for l in body if " ".join(l[1].split()).startswith(heading)), None)
    if at is None:
        return [f"no line starts {heading!r}"]
    second = [l for l in body if l[0] == 2]
    if at[0] == 1 or (at[0] == 2 and second and second[0] is at):
        return []
    first = second[0][1][:60] if second else "nothing"
    return [f"page 2 starts with {first!r}: what comes before {heading!r} runs over from page 1"]


def words(text):
    return re.findall(r"[^\W_]+", text.lower())


def missing_words(found, text):
    """Words of `text` that appear on no page."""
    printed = set()
    for line in found:
        printed.update(words(line[1]))
    return sorted({w for w in words(text) if w not in printed})


def last_headings(book):
    """For each sheet of a workbook whose heading row is printed on every page, the words of
    its rightmost heading shown (hidden columns are not printed)."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    wb = openpyxl.load_workbook(book)
    out = {}
    for ws in wb.worksheets:
        if not ws.print_title_rows:
            continue
        shown = [c for c in ws[1] if c.value not in (None, "")
                 and not ws.column_dimensions[get_column_letter(c.column)].hidden]
        if shown:
            out[ws.title] = words(str(shown[-1].value))
    return out


def too_wide(found, sizes, book):
    """Pages of a workbook's sheet that do not show the sheet's rightmost heading at their
    head: the sheet printed more than one page wide. A page's sheet is named at its foot."""
    wanted = last_headings(book)
    if not wanted:
        return [f"{book} has no sheet with a heading row printed on every page"]
    problems = []
    for number, (_, height) in enumerate(sizes, start=1):
        page = [line for line in found if line[0] == number]
        foot = {line[1].strip() for line in page if line[3] > height * 0.9}
        sheet = next((name for name in wanted if name in foot), None)
        if sheet is None:
            continue
        head = set()
        for line in page:
            if line[5] < height * 0.4:
                head.update(words(line[1]))
        if not set(wanted[sheet]) <= head:
            problems.append(f"page {number} ({sheet}) lacks its last heading "
                            f"{' '.join(wanted[sheet])!r}: printed more than one page wide")
    return problems


def head_crowded(found, pages, text, gap=6.0):
    """Pages where the page head's `text` (on the right) does not stand apart from what is
    printed left of it on its line: a school's name running into or under it."""
    problems = []
    for number in range(1, pages + 1):
        page = [line for line in found if line[0] == number]
        head = [line for line in page if text in " ".join(line[1].split())]
        if not head:
            problems.append(f"page {number} does not say {text!r}")
            continue
        line = min(head, key=lambda l: l[3])
        if not " ".join(line[1].split()).startswith(text):
            problems.append(f"page {number}: the page head runs into {text!r}: {line[1][:80]!r}")
            continue
        for other in page:
            same = other is not line and other[3] < line[5] and line[3] < other[5]
            if same and other[2] < line[2] and other[4] > line[2] - gap:
                problems.append(f"page {number}: {other[1][:60]!r} runs up to {text!r}")
    return problems


def not_whole(found, texts):
    """The texts of `texts` that are not printed whole: their letters, spaces taken out,
    are not found in the pages' text with its spaces and line breaks taken out."""
    joined = "".join("".join(line[1].split()) for line in found)
    return [f"{t[:40]!r}… is not printed whole (cut off at the margin?)"
            for t in texts if "".join(t.split()) not in joined]


CODE = re.compile(r"[A-Z]\d+\.\d+")


def words_of(pdf):
    """Each page's words: (page number, text, x0, y0, x1, y1)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True
    ).stdout.decode("utf-8", errors="replace")
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xml, count=1))
    out = []
    for number, page in enumerate(root.iter("page"), start=1):
        for w in page.iter("word"):
            box = [float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append((number, w.text or "", *box))
    return out


STRAND = re.compile(r"[A-Z]\d?")


def headings_at_foot(pdf, sizes, sheet):
    """Pages of `sheet` before its last whose last row begun is a heading row: an aspect's
    on the Levels sheet, an element's or a strand's on the Scores sheet."""
    found = words_of(pdf)
    pages = []
    for number, (_, height) in enumerate(sizes, start=1):
        page = [w for w in found if w[0] == number]
        foot = [w[3] for w in page if w[1] == sheet and w[3] > height * 0.9]
        if foot:
            pages.append((min(foot), page))
    problems = []
    if not pages:
        return [f"no page is of the sheet {sheet!r}"]
    levels = sheet == "Levels"
    for foot, page in pages[:-1]:
        # The heading row, repeated at the top of the page: tall where names are turned.
        head = sorted((w for w in page if w[3] < 200), key=lambda w: (w[3], w[2]))
        code = next((w for w in head if w[1] == "Code"), None)
        level = next((w for w in head if w[1] == "Level"), None) if levels else code
        if code is None or level is None:
            problems.append(f"page {page[0][0]}: no heading row with Code"
                            + (" and Level" if levels else ""))
            continue

        def kind(w):
            if abs(w[2] - code[2]) < 2:
                if levels and CODE.fullmatch(w[1]):
                    return "heading"
                if not levels and STRAND.fullmatch(w[1]):
                    return "heading"
                if not levels and CODE.fullmatch(w[1]):
                    return "row"
            if levels and abs(w[2] - level[2]) < 2 and re.fullmatch(r"[1-5]", w[1]):
                return "row"
            return None

        starts = [
            (w[3], kind(w), w) for w in page if code[5] < w[3] and w[5] < foot and kind(w)
        ]
        if starts and max(starts)[1] == "heading":
            what = "levels" if levels else "first aspect"
            problems.append(
                f"page {page[0][0]}: the heading row of {max(starts)[2][1]} is the last row on "
                f"the page, its {what} on the next"
            )
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--no-overlap", action="store_true")
    parser.add_argument("--on-every-page")
    parser.add_argument("--longest-text-of")
    parser.add_argument("--min-words", type=int, default=1)
    parser.add_argument("--all-text-of")
    parser.add_argument("--min-text-height", type=float)
    parser.add_argument("--headings-of")
    parser.add_argument("--margin", type=float)
    parser.add_argument("--min-fill", type=float)
    parser.add_argument("--on-page-1", action="append", default=[])
    parser.add_argument("--page-1-through")
    parser.add_argument("--one-page-wide")
    parser.add_argument("--head-clear")
    parser.add_argument("--printed-whole", action="append", default=[])
    parser.add_argument("--rows-kept")
    args = parser.parse_args()
    problems = []
    sizes = page_sizes(args.pdf)
    for number, size in enumerate(sizes, start=1):
        if not is_a4(size):
            problems.append(f"page {number} is {size[0]:.0f} x {size[1]:.0f} pt, not A4")
    if len(sizes) > args.max_pages:
        problems.append(f"{len(sizes)} pages, more than the {args.max_pages} allowed")
    wanted_lines = (args.no_overlap or args.longest_text_of or args.on_every_page
                    or args.headings_of or args.margin is not None or args.all_text_of
                    or args.min_fill is not None or args.on_page_1 or args.page_1_through or args.one_page_wide
                    or args.head_clear or args.printed_whole)
    found = lines(args.pdf) if wanted_lines else []
    if args.headings_of:
        titles = headings(args.headings_of)
        if not titles:
            problems.append(f"{args.headings_of} has no headings to check")
        problems.extend(stranded(found, titles, len(sizes)))
        problems.extend(heads_left(found, table_heads(args.headings_of), len(sizes)))
    if args.margin is not None:
        problems.extend(outside(found, sizes, args.margin))
    if args.min_fill is not None:
        problems.extend(too_empty(found, sizes, args.min_fill))
    problems.extend(missing_on_first(found, args.on_page_1))
    if args.page_1_through:
        problems.extend(spills(found, args.page_1_through))
    if args.on_every_page:
        wanted = " ".join(args.on_every_page.split())
        for number in range(1, len(sizes) + 1):
            text = " ".join(line[1] for line in found if line[0] == number)
            if wanted not in " ".join(text.split()):
                problems.append(f"page {number} does not say {wanted!r}")
    if args.one_page_wide:
        problems.extend(too_wide(found, sizes, args.one_page_wide))
    if args.head_clear:
        problems.extend(head_crowded(found, len(sizes), args.head_clear))
    problems.extend(not_whole(found, args.printed_whole))
    if args.rows_kept:
        problems.extend(headings_at_foot(args.pdf, sizes, args.rows_kept))
    if args.no_overlap:
        problems.extend(overlaps(found))
    longest = ""
    if args.longest_text_of:
        longest = longest_text(args.longest_text_of)
        count = len(longest.split())
        if count < args.min_words:
            problems.append(
                f"{args.longest_text_of}: its longest text has {count} words, "
                f"fewer than the {args.min_words} the check needs"
            )
        lost = missing_words(found, longest)
        if lost:
            problems.append(f"words of the longest text never printed: {', '.join(lost[:20])}")
    if args.all_text_of:
        short = words_short(found, all_texts(args.all_text_of))
        if short:
            problems.append(f"words of {args.all_text_of} not all printed: {'; '.join(short[:12])}")
    if args.min_text_height:
        problems.extend(small_pages(args.pdf, args.min_text_height))
    if problems:
        shown = problems[:20]
        if len(problems) > len(shown):
            shown.append(f"and {len(problems) - len(shown)} more")
        sys.exit(f"{args.pdf}:\n  " + "\n  ".join(shown))
    print(f"{args.pdf}: {len(sizes)} A4 pages (at most {args.max_pages})"
          + (f"; {len(found)} lines, none over another" if args.no_overlap else "")
          + (f"; each says {args.on_every_page!r}" if args.on_every_page else "")
          + ("; no heading, label, caption or table heading row left at a page's foot"
             if args.headings_of else "")
          + (f"; all text {args.margin:g} pt or more inside the edges" if args.margin is not None else "")
          + (f"; every page but the last {args.min_fill:g}% full or more" if args.min_fill is not None else "")
          + (f"; page 1 says {', '.join(map(repr, args.on_page_1))}" if args.on_page_1 else "")
          + (f"; page 1 holds all before {args.page_1_through!r}" if args.page_1_through else "")
          + ("; every sheet one page wide" if args.one_page_wide else "")
          + (f"; {args.head_clear!r} clear of the school" if args.head_clear else "")
          + (f"; all {len(longest.split())} words of its longest text printed" if longest else "")
          + ("; every word of the workbook printed" if args.all_text_of else "")
          + (f"; {len(args.printed_whole)} long {'word' if len(args.printed_whole) == 1 else 'words'} printed whole"
             if args.printed_whole else "")
          + (f"; words at least {args.min_text_height} pt tall" if args.min_text_height else "")
          + (f"; no heading row of {args.rows_kept} left at a page's foot" if args.rows_kept else ""))


if __name__ == "__main__":
    main()
