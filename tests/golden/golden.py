"""Shared helpers of the golden assertion files (tests/golden/*.check.py).

A checker reads the incidents `sitrep extract` printed for one golden
input (NAME.in.jsonl) and asserts the facts that matter for one
capability, one line per assertion:

    ok - golden: NAME: <assertion>
    not ok - golden: NAME: <assertion>: got X, want Y
    xfail - golden: NAME: <assertion>: got X, want Y (owner: ...; why)

An assertion listed in tests/golden/xfail.txt is a known extractor gap:
its failure prints an "xfail" line (counted apart by tests/run.sh, neither
passed nor failed) and its success an "ok" line that says the entry can
go. Every other failure is "not ok". The list keeps the expectation
intact: a gap is routed to the module's owner, never papered over by a
weaker assertion.

Usage of a checker: python3 NAME.check.py ACTUAL.jsonl INPUT.jsonl
(exit 1 when an assertion that is not listed fails).
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
XFAIL_FILE = os.path.join(HERE, "xfail.txt")
ACTORS_FILE = os.path.join(HERE, "..", "..", "config", "actors.tsv")


def load_actor_names(path=ACTORS_FILE):
    """{name or alias, case-folded: canonical name} of the actor dictionary
    the golden run uses, so an assertion names a group by an alias
    ("JNIM") and stays true when the dictionary renames it."""
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 2 or "{" in cols[0]:
                continue
            for alias in [cols[0]] + (cols[2].split("|") if len(cols) > 2
                                      else []):
                names.setdefault(alias.strip().casefold(), cols[0])
    return names


def load_xfail(path=XFAIL_FILE):
    """{(group, assertion): note} from "group<TAB>assertion<TAB>note"."""
    known = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}: bad line (want 3 tab-separated "
                                 f"columns): {line!r}")
            known[(parts[0], parts[1])] = parts[2]
    return known


def dedup_text(body):
    """The text evidence offsets point into: paragraphs (blank-line
    separated) trimmed, repeats dropped (NFKC, case-folded, whitespace
    collapsed), joined by a blank line - as the worker's dedup stage."""
    seen = set()
    kept = []
    for para in re.split(r"\n[ \t\r\f\v]*\n", body):
        para = para.strip()
        if not para:
            continue
        key = " ".join(unicodedata.normalize("NFKC", para).casefold().split())
        if key in seen:
            continue
        seen.add(key)
        kept.append(para)
    return "\n\n".join(kept)


class Checker:
    def __init__(self, group, argv):
        if len(argv) != 3:
            raise SystemExit(f"usage: {argv[0]} ACTUAL.jsonl INPUT.jsonl")
        self.group = group
        with open(argv[1], encoding="utf-8") as f:
            self.incidents = [json.loads(l) for l in f if l.strip()]
        with open(argv[2], encoding="utf-8") as f:
            self.articles = {}
            for line in f:
                if line.strip():
                    a = json.loads(line)
                    self.articles[a["id"]] = a
        self.xfail = {k[1]: v for k, v in load_xfail().items()
                      if k[0] == group}
        self.seen = set()
        self.failed = 0
        self.actor_names = load_actor_names()

    def canon(self, name):
        """The dictionary's canonical name for a name or alias (the name
        itself when the dictionary lacks it: the assertion then fails)."""
        return self.actor_names.get(name.casefold(), name)

    # -- access -------------------------------------------------------
    def of(self, article_id):
        """The incidents of one article, in output order."""
        return [i for i in self.incidents if i["article_id"] == article_id]

    def main_of(self, article_id):
        """The article's first MAIN_EVENT, else its first incident (the
        one `make eval` scores), or None."""
        incs = self.of(article_id)
        for i in incs:
            if i["role"] == "MAIN_EVENT":
                return i
        return incs[0] if incs else None

    def text_of(self, article_id):
        a = self.articles[article_id]
        return dedup_text(a["body"]) if "body" in a else None

    # -- assertions -----------------------------------------------------
    def check(self, name, ok, detail=""):
        """One assertion line; detail says what was got and wanted."""
        if name in self.seen:
            raise SystemExit(f"duplicate assertion name: {name}")
        self.seen.add(name)
        label = f"golden: {self.group}: {name}"
        note = self.xfail.get(name)
        if ok:
            print(f"ok - {label}" + (f" (listed in xfail.txt but passes: "
                                      f"remove the entry)" if note else ""))
        elif note:
            print(f"xfail - {label}: {detail} ({note})")
        else:
            print(f"not ok - {label}: {detail}")
            self.failed += 1

    def expect(self, name, got, want):
        self.check(name, got == want, f"got {got!r}, want {want!r}")

    def expect_in(self, name, got, allowed):
        self.check(name, got in allowed, f"got {got!r}, want one of {allowed!r}")

    def field(self, name, inc, path, want):
        """expect() on a dotted path of an incident; a missing incident
        fails the assertion instead of crashing the checker."""
        self.expect(name, dig(inc, path), want)

    def count(self, name, inc, kind, best, qualifier, low=None, high=None):
        """casualties.<kind>: best and qualifier (low/high when given)."""
        c = dig(inc, f"casualties.{kind}") or {}
        got = (c.get("best"), c.get("qualifier"))
        want = (best, qualifier)
        if low is not None or high is not None:
            got += (c.get("low"), c.get("high"))
            want += (low, high)
        self.expect(name, got, want)

    def evidence(self, article_id, text=None):
        """Every filled field of every incident of the article has an
        evidence span inside the text, and the span holds the field's
        text: time, location, each actor, each casualty count, the claim,
        the event trigger, a factuality cue."""
        text = text if text is not None else self.text_of(article_id)
        raw = text.encode("utf-8")
        for n, inc in enumerate(self.of(article_id)):
            self.check(f"{article_id}#{n} evidence", *span_problems(inc, raw))

    def finish(self):
        return 1 if self.failed else 0


def dig(obj, path):
    for part in path.split("."):
        if obj is None:
            return None
        obj = obj.get(part) if isinstance(obj, dict) else None
    return obj


def span_problems(inc, raw):
    """(True, "") when the evidence of inc is complete and points at text
    holding each field, else (False, what is wrong)."""
    spans = {}
    problems = []
    for ev in inc.get("evidence", []):
        s, e = ev["start"], ev["end"]
        if not (0 <= s < e <= len(raw)):
            problems.append(f"{ev['field']} span {s}-{e} outside the text")
            continue
        try:
            piece = raw[s:e].decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{ev['field']} span {s}-{e} splits a character")
            continue
        spans.setdefault(ev["field"], []).append(piece)

    def need(field, value=None, also=()):
        pieces = [p for f in (field,) + tuple(also) for p in spans.get(f, [])]
        if not pieces:
            problems.append(f"no evidence for {field}")
        elif value is not None and not any(value in p or p in value
                                           for p in pieces):
            problems.append(f"{field} text {value!r} not in its spans "
                            f"{pieces!r}")

    need("event")
    if inc["time"]["basis"] != "PUBLICATION_FALLBACK" and inc["time"]["date"]:
        need("time", inc["time"]["text"])
    if inc["location"]["name"]:
        need("location", inc["location"]["text"])
    for a in inc["actors"]:
        need("actors", a["text"], also=("claim",))
    for kind, c in inc["casualties"].items():
        if c is not None:
            for part in (c["text"] or "").split("; "):
                need(f"casualties.{kind}", part or None)
    if inc["claim"]["status"] not in ("UNKNOWN",):
        need("claim")
    if inc["factuality"] != "ASSERTED":
        need("factuality")
    return (not problems, "; ".join(problems))
