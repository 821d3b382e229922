#!/usr/bin/env python3
"""Appends well-formed TextRandomizer templates drawn from a small grammar to
cases.json ("generated N"): text with spaces, punctuation, escapes, '+' and
a stray ']', nested choices, permutations with and without separators, and
paragraphs, each of at most 200 variants. Placeholders ({{...}} with no '|'
or '{') are left out: spinwise keeps them where TextRandomizer prints their
text. Then run gen.php again (see there).

	python3 gencases.py 80
"""
import json, math, random, sys

WORDS = ["a", "b", "вы", " ", ", ", ".", "!", " ?", "\\+", "\\\\", "\\|", "\\{", "+", "]", "\n", "\u00a0", "  ", ":"]

def opts(rng, d):
    parts = [text(rng, d + 1) for _ in range(rng.randint(1, 3))]
    return [p[0] for p in parts], [p[1] for p in parts]

def text(rng, d):
    """Returns a sequence's source and its count of variants."""
    out, count = "", 1
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.55 or d > 2:
            out += rng.choice(WORDS)
            continue
        srcs, counts = opts(rng, d)
        if r < 0.75:
            out += "{" + "|".join(srcs) + "}"
            count *= sum(counts)
            continue
        if srcs[0].startswith("+"):
            srcs[0] = "a" + srcs[0]  # "[+" would start a separator
        sep = "" if r < 0.9 else "+" + rng.choice([",", "и", " - ", "", " , ", "\\+"]) + "+"
        out += "[" + sep + "|".join(srcs) + "]"
        count *= math.factorial(len(srcs)) * math.prod(counts)
    return out, count

def main():
    n = int(sys.argv[1])
    rng = random.Random(11)
    cases = [c for c in json.load(open("cases.json")) if not c["name"].startswith("generated ")]
    i = 0
    while i < n:
        paras = [text(rng, 0) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        src = "|".join(p[0] for p in paras)
        count = math.factorial(len(paras)) * math.prod(p[1] for p in paras)
        if "{{" in src or "{=" in src or src.count("{") + src.count("[") < 2 or count > 200:
            continue
        cases.append({"name": "generated %d" % i, "src": src, "why": "drawn from gencases.py's grammar"})
        i += 1
    json.dump(cases, open("cases.json", "w"), ensure_ascii=False, indent=1)

main()
