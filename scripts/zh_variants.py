"""Write templates/static/zh-variants.json: the Chinese characters whose Traditional and Simplified forms differ.

    python scripts/zh_variants.py [--check]

The search page looks a Chinese query up in both scripts with it: a Hong Kong or Taiwan report
("吉爾吉斯斯坦") is indexed as written, and a reader typing Simplified ("吉尔吉斯斯坦") would not find
it (nor the other way round). OpenCC's tables (the `opencc` package, as pressarchive/chinese.py uses
them) decide each character's other form, one character at a time. The file holds two strings of
pairs, each character followed by its other form: "t2s" and "s2t". With --check it only compares.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import opencc

TARGET = Path(__file__).resolve().parent.parent / "templates" / "static" / "zh-variants.json"
RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))  # CJK Unified Ideographs and Extension A


def pairs(config: str) -> str:
    """Each character of RANGES that ``config`` turns into one other character, followed by it."""
    converter = opencc.OpenCC(config)
    found = []
    for first, last in RANGES:
        for code in range(first, last + 1):
            other = converter.convert(chr(code))
            if len(other) == 1 and other != chr(code):
                found.append(chr(code) + other)
    return "".join(found)


def variants() -> str:
    return json.dumps({"t2s": pairs("t2s"), "s2t": pairs("s2t")}, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    args = parser.parse_args()
    text = variants()
    if args.check:
        same = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET} differs: run scripts/zh_variants.py")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
