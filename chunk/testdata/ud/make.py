#!/usr/bin/env python3
"""Regenerate dev.tsv and test.tsv, the sentence boundary evaluation set of
package chunk, from Universal Dependencies Russian treebank files.

Usage, from this directory, with the three treebanks cloned beside each
other at the commits README.md names:

    python3 make.py UD_DIR

where UD_DIR holds UD_Russian-GSD/, UD_Russian-PUD/ and UD_Russian-Taiga/.

Each output line is "TEXT_ID<TAB>SENTENCE": the `# text` of one treebank
sentence, HTML entities decoded. Consecutive lines with one TEXT_ID form one
text; the evaluation joins its sentences with one space and asks a segmenter
for the boundaries. A text is at most MAX_SENTS consecutive sentences of one
file and never crosses a `# newdoc` or `# newpar` mark. Poetry (Taiga's
genre = poetry) is left out: its lines are verse without punctuation, joined
by spaces they are no sentences any segmenter could find.

dev.tsv is what the rules were tuned on: the treebanks' dev files (GSD,
Taiga) and the texts of their test files (GSD, Taiga, PUD) whose id has an
even CRC-32. test.tsv is the held-out set the reported figures are measured
on: the texts of the test files whose id has an odd CRC-32.
"""
import html
import os
import sys
import zlib

MAX_SENTS = 6

FILES = [("gsd-dev", "UD_Russian-GSD/ru_gsd-ud-dev.conllu"),
         ("taiga-dev", "UD_Russian-Taiga/ru_taiga-ud-dev.conllu"),
         ("gsd-test", "UD_Russian-GSD/ru_gsd-ud-test.conllu"),
         ("taiga-test", "UD_Russian-Taiga/ru_taiga-ud-test.conllu"),
         ("pud-test", "UD_Russian-PUD/ru_pud-ud-test.conllu")]


def split_of(name, tid):
    """dev or test for the text tid of the file called name."""
    if name.endswith("-dev") or zlib.crc32(tid.encode()) % 2 == 0:
        return "dev"
    return "test"


def sentences(path):
    """Yields (sent_id, text, genre, breaks) per sentence; breaks is true
    when a # newdoc or # newpar mark precedes the sentence."""
    with open(path, encoding="utf-8") as f:
        block = []
        for line in f:
            line = line.rstrip("\n")
            if line:
                block.append(line)
                continue
            if block:
                yield parse(block)
                block = []
        if block:
            yield parse(block)


def parse(block):
    sid, text, genre, brk = "", None, "", False
    for line in block:
        if not line.startswith("#"):
            continue
        if line.startswith("# newdoc") or line.startswith("# newpar"):
            brk = True
        elif line.startswith("# sent_id ="):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("# genre ="):
            genre = line.split("=", 1)[1].strip()
    return sid, text, genre, brk


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ud = sys.argv[1]
    out = {"dev": [], "test": []}
    for name, rel in FILES:
        cur, genre_cur = [], None

        def flush():
            nonlocal cur
            if cur:
                tid = "%s/%s" % (name, cur[0][0])
                out[split_of(name, tid)].extend("%s\t%s" % (tid, t) for _, t in cur)
            cur = []

        for sid, text, genre, brk in sentences(os.path.join(ud, rel)):
            if text is None or genre == "poetry":
                flush()
                continue
            text = " ".join(html.unescape(text).split())
            if not text:
                continue
            if brk or genre != genre_cur or len(cur) >= MAX_SENTS:
                flush()
            genre_cur = genre
            cur.append((sid, text))
        flush()
    for split, lines in out.items():
        with open(split + ".tsv", "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
