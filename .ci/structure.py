#!/usr/bin/env python3
"""Checks the shape ARCHITECTURE.md promises: imports run only downward, and files stay small.

Layers, bottom to top, are listed in LAYERS. A module may use any module listed before it and
never one listed after it, so the library has no import loop and no stage reaches up into a
later one. The command line (src/main.rs and src/cli/) sits on top and may use everything.

Sizes: no file under src/ is over 450 lines and no file under src/cli/ is over 150, counting
up to the file's `#[cfg(test)]` block, since unit tests beside the code do not make it harder
to read. Files that hold only tests (tests.rs, tests/) are not counted. Function length is
left to clippy's too_many_lines, set in clippy.toml.

Prints every breach with the file and line, and exits 1 if there is any.
"""

import pathlib
import re
import sys

LAYERS = [
    # the small shared modules at the bottom
    "text", "dates", "diag", "rounding", "error", "fsutil", "tomldoc", "sheetprint",
    # reading files
    "spreadsheet", "privacy",
    # the stages, in the order data flows through them
    "framework", "evidence", "metrics", "workbook", "score", "review", "pipeline", "migrate",
    "report", "pack", "demo",
]
FILE_LIMIT = 450
CLI_LIMIT = 150

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
USE = re.compile(r"\bcrate::(?:\{([^}]*)\}|([a-z_][a-z0-9_]*))")


def top_module(path: pathlib.Path):
    rel = path.relative_to(SRC)
    name = rel.parts[0]
    return name[:-3] if name.endswith(".rs") else name


def counted_lines(text: str) -> int:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "#[cfg(test)]":
            return i
    return len(lines)


def is_test_file(path: pathlib.Path) -> bool:
    rel = path.relative_to(SRC)
    return path.name == "tests.rs" or "tests" in rel.parts[:-1]


def main() -> int:
    problems = []
    rank = {name: i for i, name in enumerate(LAYERS)}
    files = sorted(SRC.rglob("*.rs"))
    modules = {top_module(p) for p in files} - {"lib", "main", "cli"}
    for m in sorted(modules - set(LAYERS)):
        problems.append(f"src/{m}: not placed in a layer; add it to LAYERS in .ci/structure.py")
    for path in files:
        module = top_module(path)
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        if module in rank:
            for n, line in enumerate(text.splitlines(), 1):
                for group, single in USE.findall(line):
                    names = [single] if single else re.findall(r"\b([a-z_][a-z0-9_]*)\b(?:::|\s*[,}]|$)", group)
                    for used in names:
                        if used in rank and rank[used] > rank[module]:
                            problems.append(
                                f"{rel}:{n}: `{module}` uses `{used}`, a later stage; "
                                "move what both need below them"
                            )
        if is_test_file(path):
            continue
        limit = CLI_LIMIT if module == "cli" else FILE_LIMIT
        count = counted_lines(text)
        if count > limit:
            problems.append(f"{rel}: {count} lines before its tests, over {limit}; make it a folder")
    for p in problems:
        print(p)
    if problems:
        print(f"structure: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("structure: imports run downward; files within their sizes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
