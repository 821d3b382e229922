#!/usr/bin/env python3
"""Score razdel's sentenize on dev.tsv / test.tsv exactly as TestSentencesUD
scores chunk.Sentences: each text's sentences joined by one space, a
boundary is the offset where a sentence after the first begins.

razdel is not part of this repository. Run it from its source in a
temporary directory, e.g.

    git clone https://github.com/natasha/razdel /tmp/razdel-src
    PYTHONPATH=/tmp/razdel-src python3 razdel_eval.py test.tsv
"""
import sys

from razdel import sentenize


def texts(path):
    cur_id, sents = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            tid, sent = line.rstrip("\n").split("\t", 1)
            if tid != cur_id and sents:
                yield sents
                sents = []
            cur_id = tid
            sents.append(sent)
    if sents:
        yield sents


def symbolic(w):
    return not any(ch.isalpha() or ch.isdecimal() for ch in w)


def canon(text, p):
    """canon in ud_test.go: move the start p past words with no letter or
    digit, where which sentence they belong to is a convention; None when
    only such words come before p or after it (no boundary at all)."""
    if symbolic(text[:p]):
        return None
    while p < len(text):
        j = text.find(" ", p)
        if j < 0:
            j = len(text)
        if not symbolic(text[p:j]):
            return p
        p = j + 1
    return None


def main():
    for path in sys.argv[1:]:
        for tolerant in (False, True):
            tp = fp = fn = 0
            n = 0
            for sents in texts(path):
                n += 1
                text = " ".join(sents)
                gold, pos = set(), 0
                for s in sents[:-1]:
                    pos += len(s) + 1
                    gold.add(pos)
                got = {s.start for s in sentenize(text) if s.start > 0}
                if tolerant:
                    gold = {canon(text, p) for p in gold} - {None}
                    got = {canon(text, p) for p in got} - {None}
                tp += len(got & gold)
                fp += len(got - gold)
                fn += len(gold - got)
            p, r = tp / (tp + fp), tp / (tp + fn)
            f1 = 2 * tp / (2 * tp + fp + fn)
            print("%s, %s: %d texts, razdel P %.4f R %.4f F1 %.4f (tp %d, fp %d, fn %d)"
                  % (path, "tolerant" if tolerant else "strict", n, p, r, f1, tp, fp, fn))


if __name__ == "__main__":
    main()
