#!/usr/bin/env python3
"""Mine candidate role phrases from the corpus by title association (distant supervision).

Usage: python3 scripts/mine_phrases.py [--corpus DIR] [--exclude IDS_FILE] [--top N] [--min-df N]
                                      [--uncovered]

--exclude leaves out postings kept for measuring (a held-out label set's ids), so that what a
pack learns from this list never comes from them.

Each posting's title (line 1) puts it in a class by regular expression (Data Scientist, ML
Engineer, AI Engineer, and the OTHER jobs the rubric names: analyst, data engineer, software
engineer, researcher). For every word n-gram (1-4 words) of the body, it counts the employers of
each class that contain it (an employer's boilerplate repeated over its postings counts once),
and prints per class the n-grams most over-represented in that class against the other
classes of the same source (log of the Mantel-Haenszel odds ratio over the sources: the
sources scraped different titles, so a source's boilerplate must not pass for a class's
vocabulary), with a `*` on those that no phrase of the packs in lints/ already covers.

A title is weak evidence of the body's role, so the output is a list of CANDIDATES for a person
to vet against the taxonomy (../shared/reference/role-taxonomy.txt) and the rubric: never a
list to paste into a pack.
"""
import argparse, collections, math, os, re, sys, tomllib

CLASSES = [
    ("ai-engineer", r"\b(ai|llm|gen ?ai|generative ai|applied ai|prompt) engineer"),
    ("ml-engineer", r"\b(machine learning|ml|mlops|ml ops) engineer"),
    ("data-scientist", r"data scien"),
    ("analyst", r"\banalyst\b"),
    ("data-engineer", r"\bdata engineer"),
    ("researcher", r"\bresearch (scientist|engineer)|\bresearcher\b"),
    ("software-engineer", r"\b(software engineer|developer|backend|back-end|full.?stack)\b"),
]
WORD = re.compile(r"[a-z0-9][a-z0-9+#/.&'-]*[a-z0-9+#]|[a-z0-9]")
STOP = set("""a an the and or of to in on for with by at as is are be will you your we our
us this that these those it its from into than then their they them have has had can may
who what which while when where how all any each other such not no more most very also
about across within without over under up out per via etc""".split())


def title_class(title):
    t = title.lower()
    if re.search(r"ai/ml|ml/ai|ai & ml|ai and ml|ml & ai|ml and ai|ai/machine", t):
        return None
    for name, rx in CLASSES:
        if re.search(rx, t):
            return name
    return None


def norm(s):
    return " ".join(WORD.findall(s.lower().replace("\u2019", "'").replace("-", " ")))


def pack_phrases(lints):
    out = set()
    for f in sorted(os.listdir(lints)):
        if not f.endswith(".toml"):
            continue
        with open(os.path.join(lints, f), "rb") as fh:
            data = tomllib.load(fh)
        for group in data.get("group", []):
            for p in group.get("phrases", []):
                for form in (re.sub(r"\((e?s)\)", "", p), re.sub(r"\((e?s)\)", r"\1", p)):
                    out.add(norm(form))
    return out


def ngrams(words, n_max=4):
    for n in range(1, n_max + 1):
        for i in range(len(words) - n + 1):
            g = words[i : i + n]
            if g[0] in STOP or g[-1] in STOP:
                continue
            yield " ".join(g)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--lints", default=os.path.join(here, "..", "lints"))
    ap.add_argument("--exclude", help="file of ids (one per line) to leave out")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--min-df", type=int, default=6)
    ap.add_argument("--uncovered", action="store_true", help="print only n-grams no pack phrase covers")
    args = ap.parse_args()
    exclude = set()
    if args.exclude:
        exclude = {l.split()[0] for l in open(args.exclude) if l.strip()}
    company = {}
    index = os.path.join(args.corpus, "index.tsv")
    if os.path.exists(index):
        for line in open(index, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 4:
                company[cols[0]] = cols[4].strip().lower()
    # Counted once per (company, class): a company's boilerplate repeated over
    # its many postings is not a phrase of the class.
    seen = collections.defaultdict(set)
    # Keyed by (source, class): the sources differ in what they scraped and in
    # their boilerplate, so a phrase is compared with the other classes of its
    # own source (Mantel-Haenszel), never with another source's postings.
    df = collections.defaultdict(collections.Counter)
    size = collections.Counter()
    for f in sorted(os.listdir(args.corpus)):
        if not f.endswith(".txt") or f[:-4] in exclude:
            continue
        text = open(os.path.join(args.corpus, f), encoding="utf-8", errors="replace").read()
        title, _, body = text.partition("\n")
        cls = title_class(title)
        if cls is None:
            continue
        source = f.split("-")[0]
        cls = (source, cls)
        who = (company.get(f[:-4]) or f[:-4], cls)
        if who in seen:
            known = seen[who]
        else:
            known = seen[who] = set()
            size[cls] += 1
        grams = set()
        for line in body.splitlines():
            grams.update(ngrams(norm(line).split()))
        for g in grams - known:
            df[g][cls] += 1
        known.update(grams)
    covered = pack_phrases(args.lints)
    sources = sorted({s for s, _ in size})
    print("employers per (source, class):", dict(size), file=sys.stderr)
    for cls, _ in CLASSES:
        n_c = sum(size[(s, cls)] for s in sources)
        if not n_c:
            continue
        rows = []
        for g, counts in df.items():
            a = sum(counts[(s, cls)] for s in sources)
            if a < args.min_df:
                continue
            b = sum(counts.values()) - a
            ratio = mantel_haenszel(counts, size, sources, cls)
            if ratio <= 0.7:
                continue
            is_cov = g in covered or any(p in covered for p in sub_phrases(g))
            if args.uncovered and is_cov:
                continue
            rows.append((ratio * math.log(a), ratio, a, b, g, is_cov))
        rows.sort(reverse=True)
        print(f"\n## {cls} ({n_c} postings)  score  log-ratio  df-in  df-out  n-gram")
        for score, ratio, a, b, g, is_cov in rows[: args.top]:
            print(f"{score:6.2f} {ratio:5.2f} {a:4d} {b:4d}  {'  ' if is_cov else '* '}{g}")


def mantel_haenszel(counts, size, sources, cls):
    """Log of the Mantel-Haenszel odds ratio of the n-gram in `cls` against the
    other classes, over the sources (0.5 added to every cell)."""
    num = den = 0.0
    for s in sources:
        n_c = size[(s, cls)]
        n_r = sum(v for (src, _), v in size.items() if src == s) - n_c
        if not n_c or not n_r:
            continue
        a = counts[(s, cls)] + 0.5
        b = sum(v for (src, _), v in counts.items() if src == s) - counts[(s, cls)] + 0.5
        c = n_c - counts[(s, cls)] + 0.5
        d = n_r - b + 1.0
        n = n_c + n_r + 2.0
        num += a * d / n
        den += b * c / n
    return math.log(num / den) if num and den else 0.0


def sub_phrases(g):
    w = g.split()
    for n in range(1, len(w)):
        for i in range(len(w) - n + 1):
            yield " ".join(w[i : i + n])


if __name__ == "__main__":
    main()
