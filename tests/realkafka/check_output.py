"""Checks a worker group's output against `sitrep extract` (at-least-once).

    check_output.py EXPECTED OUT_DUMP DLQ_DUMP [DECODED|- [--want-duplicates|--exactly-once]]

EXPECTED: `sitrep extract` JSON lines for the articles that were produced
(every article has an id). OUT_DUMP, DLQ_DUMP: sitrep-dump lines
("PARTITION OFFSET KEYHEX VALUEHEX HEADERS") of the output and dead-letter
topics. DECODED (optional): `sitrep decode -k` lines of the output topic.

Fails (exit 1) when
  - an expected incident is missing from the output and its article was not
    dead-lettered;
  - an output record's key is not an expected incident id;
  - two records with the same key differ in any byte of their value or in
    their headers, or are in different partitions (a duplicate is only
    allowed as an exact replay);
  - with DECODED: a decoded event differs from sitrep extract's incident;
  - with --want-duplicates: there is no duplicate at all (the test meant
    to make the workers replay delivered output);
  - with --exactly-once: any record is there twice (same key in the
    output, or a dead letter for the same original topic/partition/offset).
Prints "# " lines: counts of records, duplicates and dead letters.
"""
import collections
import json
import sys


def records(path):
    for line in open(path, encoding="ascii"):
        part, off, key, value, hdrs = line.rstrip("\n").split(" ")
        headers = {}
        if hdrs != "-":
            for kv in hdrs.split(","):
                name, hexval = kv.split("=", 1)
                headers[name] = bytes.fromhex(hexval)
        yield {
            "partition": int(part),
            "offset": int(off),
            "key": None if key == "-" else bytes.fromhex(key).decode("utf-8", "replace"),
            "value": None if value == "-" else bytes.fromhex(value),
            "headers": headers,
            "raw_headers": hdrs,
        }


def main(argv):
    expected_path, out_path, dlq_path = argv[1:4]
    decoded_path = argv[4] if len(argv) > 4 and argv[4] != "-" else None
    problems = []

    want = {}
    by_article = collections.defaultdict(set)
    for line in open(expected_path, encoding="utf-8"):
        if line.strip():
            inc = json.loads(line)
            want[inc["incident_id"]] = inc
            by_article[inc["article_id"]].add(inc["incident_id"])

    seen = {}
    dups = 0
    nrec = 0
    for rec in records(out_path):
        nrec += 1
        key = rec["key"]
        if key not in want:
            problems.append("record %d@%d has unexpected key %r"
                            % (rec["partition"], rec["offset"], key))
            continue
        if key in seen:
            dups += 1
            first = seen[key]
            if first["value"] != rec["value"]:
                problems.append("duplicate of %s differs in its value (%d@%d vs %d@%d)"
                                % (key, first["partition"], first["offset"],
                                   rec["partition"], rec["offset"]))
            if first["raw_headers"] != rec["raw_headers"]:
                problems.append("duplicate of %s differs in its headers" % key)
            if first["partition"] != rec["partition"]:
                problems.append("duplicate of %s in another partition (%d, %d)"
                                % (key, first["partition"], rec["partition"]))
        else:
            seen[key] = rec

    flags = argv[5:]
    if "--exactly-once" in flags and dups:
        problems.append("%d duplicate output records (exactly-once)" % dups)
    dead = set()
    origins = collections.Counter()
    ndlq = 0
    for rec in records(dlq_path):
        ndlq += 1
        h = rec["headers"]
        origins[(h.get("sitrep.error.topic"), h.get("sitrep.error.partition"),
                 h.get("sitrep.error.offset"))] += 1
        try:
            art = json.loads(rec["value"].decode("utf-8"))
            if isinstance(art.get("id"), str):
                dead.add(art["id"])
        except (ValueError, AttributeError, UnicodeDecodeError):
            pass

    if "--exactly-once" in flags:
        for origin, n in sorted(origins.items()):
            if n > 1:
                problems.append("%d dead letters for %r (exactly-once)"
                                % (n, origin))
    missing_articles = set()
    for aid, iids in by_article.items():
        if not iids <= set(seen) and aid not in dead:
            missing_articles.add(aid)
    for aid in sorted(missing_articles)[:20]:
        problems.append("article %s: %d of %d incidents missing, not dead-lettered"
                        % (aid, len(by_article[aid] - set(seen)), len(by_article[aid])))

    if decoded_path is not None:
        ndec = 0
        for line in open(decoded_path, encoding="utf-8"):
            rec = json.loads(line)
            ndec += 1
            inc = rec["value"]
            if rec["key"] != inc["incident_id"]:
                problems.append("key %r is not the incident id %r"
                                % (rec["key"], inc["incident_id"]))
            w = want.get(inc["incident_id"])
            if w is not None and w != inc:
                diff = sorted(k for k in w if inc.get(k) != w[k])
                problems.append("incident %s differs from sitrep extract in %s"
                                % (inc["incident_id"], diff))
        if ndec != nrec:
            problems.append("%d records but %d decoded events" % (nrec, ndec))

    print("# %d output records: %d distinct incidents of %d expected, "
          "%d duplicates; %d dead letters; %d articles"
          % (nrec, len(seen), len(want), dups, ndlq, len(by_article)))
    for p in problems[:30]:
        print("#", p)
    if "--want-duplicates" in flags and dups == 0:
        problems.append("no duplicates: no replay was exercised")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
