#!/usr/bin/env python3
"""Per-rule firing counts on ../shared/corpus, per source, and a sample of firings to judge.

    cargo build --release
    python3 scripts/corpus_firings.py                 # counts per rule and source
    python3 scripts/corpus_firings.py RULE [N]        # N (default 20) random firings of RULE, fixed seed
    SEED=2027 python3 scripts/corpus_firings.py RULE  # another fixed sample (the default seed is 7)
    EXCLUDE=ids.txt python3 scripts/corpus_firings.py RULE  # never sample the ids listed in ids.txt
                                                            # (a held-out set kept for measuring)

The corpus becomes a JSON-lines feed with `date_posted` from meta.tsv (approximate dates
`~YYYY-MM` read as the first of the month), linted with `jdlint check --input jsonl`; the feed
and findings are written under target/.
"""
import collections, csv, json, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
# Under this checkout's target/, so two checkouts never share them.
FEED = os.path.join(ROOT, "target", "corpus-feed.jsonl")
OUT = os.path.join(ROOT, "target", "corpus-findings.jsonl")


def build_feed():
    meta = {r["id"]: r["date"] for r in csv.DictReader(open(os.path.join(CORPUS, "meta.tsv")), delimiter="\t")}
    with open(FEED, "w") as out:
        for name in sorted(os.listdir(CORPUS)):
            if not name.endswith(".txt"):
                continue
            pid = name[:-4]
            title, _, body = open(os.path.join(CORPUS, name), encoding="utf-8").read().partition("\n")
            record = {"id": pid, "title": title.strip(), "description": body.lstrip("\n")}
            date = meta.get(pid, "").lstrip("~")
            date = date + "-01" if len(date) == 7 else date
            if len(date) == 10:
                record["date_posted"] = date
            out.write(json.dumps(record) + "\n")


def lint():
    binary = os.path.join(ROOT, "target", "release", "jdlint")
    with open(OUT, "w") as out:
        subprocess.run([binary, "check", "--no-config", "--input", "jsonl", "--format", "jsonl", FEED],
                       stdout=out, stderr=subprocess.DEVNULL)
    return [json.loads(line) for line in open(OUT) if '"diagnostics"' in line]


def counts(reports):
    by_rule = collections.defaultdict(collections.Counter)
    for report in reports:
        for rule in {d["rule"] for d in report["diagnostics"]}:
            by_rule[rule][report["id"].split("-")[0]] += 1
    for rule in sorted(by_rule):
        per = "  ".join(f"{k}:{v}" for k, v in sorted(by_rule[rule].items()))
        print(f"{rule:38} {sum(by_rule[rule].values()):5}  {per}")


def sample(reports, rule, n):
    feed = {j["id"]: j for j in map(json.loads, open(FEED))}
    rows = [(r, [d for d in r["diagnostics"] if d["rule"] == rule]) for r in reports]
    excluded = set()
    if os.environ.get("EXCLUDE"):
        excluded = {line.strip() for line in open(os.environ["EXCLUDE"]) if line.strip()}
    rows = [row for row in rows if row[1] and row[0]["id"] not in excluded]
    random.seed(int(os.environ.get("SEED", "7")))
    random.shuffle(rows)
    for report, found in rows[:n]:
        posting = feed[report["id"]]
        print(f"=== {report['id']} | {posting['title']} | {posting.get('date_posted')}")
        for d in found[:3]:
            text = (posting["title"] if d.get("origin") == "title" else posting["description"]).encode()
            s, e = d["span"]["start"], d["span"]["end"]
            show = lambda b: b.decode("utf-8", "replace").replace("\n", " / ")
            print(f"  - {d['message']}\n    {show(text[max(0, s - 150):s])}[[{show(text[s:e])}]]{show(text[e:e + 150])}")


if __name__ == "__main__":
    build_feed()
    reports = lint()
    if len(sys.argv) > 1:
        sample(reports, sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    else:
        counts(reports)
