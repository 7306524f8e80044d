#!/bin/sh
# Articles in, incidents out: what `sitrep run` publishes through Kafka is
# exactly what `sitrep extract` prints for the same articles.
#
# The fixture articles (several with more than one incident, one from
# HTML, one without an id, one plain-text line, one with no incident) go
# to a 3-partition input topic; the worker's Avro events are read back
# with `sitrep decode` and compared field by field with the JSON of
# `sitrep extract`. Articles without an id are named by the worker after
# their topic/partition/offset and by extract after their line, so those
# are compared without the ids; the plain-text line has no publication
# date either (the worker uses the message timestamp), so only its number
# of incidents is compared. Keys must be the incident ids and the headers
# must name the article and the extractor version.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init end-to-end

IN=articles-$KL_ID
OUT=incidents-$KL_ID
kl_start_mockd "$IN:3" "$OUT:3" "$IN.dlq:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT"
ARTICLES="$SR_ROOT/tests/fixtures/kafka/articles.jsonl"
kl_extract "$KL_WORK/w.conf" "$ARTICLES" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
narts=$(wc -l < "$ARTICLES")
kl_check "sitrep extract finds $want incidents in $narts articles" [ "$want" -ge "$narts" ]

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
kl_produce_lines "$IN" "$ARTICLES"
if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
    kl_ok "the worker publishes $want incident events"
else
    kl_fail "only $(kl_count "$OUT") of $want events: $(tail -n 5 "$KL_WORK/worker.log")"
fi
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
grep "shutdown summary" "$KL_WORK/worker.log" | sed 's/^/# /'

"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -k > "$KL_WORK/decoded.jsonl" \
    2> "$KL_WORK/decode.err"
kl_check "sitrep decode reads every event back (status $?)" [ $? -eq 0 ]
kl_dump "$OUT" "$KL_WORK/out.txt" "$want" 30

python3 - "$KL_WORK/decoded.jsonl" "$KL_WORK/expected.jsonl" "$KL_WORK/out.txt" "$ARTICLES" <<'PY'
import collections, json, sys
decoded_path, expected_path, dump_path, articles_path = sys.argv[1:5]
problems = []
got = []
for line in open(decoded_path, encoding="utf-8"):
    rec = json.loads(line)
    key, inc = rec["key"], rec["value"]
    if key != inc["incident_id"]:
        problems.append("key %r is not the incident id %r" % (key, inc["incident_id"]))
    got.append(inc)
want = [json.loads(l) for l in open(expected_path, encoding="utf-8") if l.strip()]

# Which articles have ids, and which line is plain text.
ids, plain_lines, unnamed_dates = set(), set(), set()
for n, line in enumerate(open(articles_path, encoding="utf-8"), 1):
    try:
        a = json.loads(line)
        if "id" in a:
            ids.add(a["id"])
        else:
            unnamed_dates.add(a["published_at"])
    except ValueError:
        plain_lines.add(n)

def strip(inc):
    d = dict(inc)
    d.pop("incident_id"); d.pop("article_id")
    return json.dumps(d, sort_keys=True)

g_named = {i["incident_id"]: i for i in got if i["article_id"] in ids}
w_named = {i["incident_id"]: i for i in want if i["article_id"] in ids}
if len(g_named) != sum(1 for i in got if i["article_id"] in ids):
    problems.append("duplicate incident ids in the output")
for iid in sorted(set(w_named) - set(g_named)):
    problems.append("missing incident %s of %s" % (iid, w_named[iid]["article_id"]))
for iid in sorted(set(g_named) - set(w_named)):
    problems.append("unexpected incident %s of %s" % (iid, g_named[iid]["article_id"]))
for iid in sorted(set(g_named) & set(w_named)):
    if g_named[iid] != w_named[iid]:
        diff = [k for k in w_named[iid] if g_named[iid].get(k) != w_named[iid][k]]
        problems.append("incident %s differs in %s" % (iid, diff))

# Unnamed articles: extract says stdin/<line>, the worker topic/part/offset.
w_un = [i for i in want if i["article_id"] not in ids]
g_un = [i for i in got if i["article_id"] not in ids]
plain_ids = {"stdin/%d" % n for n in plain_lines}
w_cmp = collections.Counter(strip(i) for i in w_un if i["article_id"] not in plain_ids)
w_plain = sum(1 for i in w_un if i["article_id"] in plain_ids)
g_groups = collections.defaultdict(list)
for i in g_un:
    g_groups[i["article_id"]].append(i)
g_cmp = collections.Counter()
g_plain = 0
for aid, incs in g_groups.items():
    if not aid.count("/") == 2:
        problems.append("unnamed article got id %r, not topic/partition/offset" % aid)
    if all(i.get("published_at") in unnamed_dates for i in incs):
        g_cmp.update(strip(i) for i in incs)
    else:
        g_plain += len(incs)
if w_cmp != g_cmp:
    problems.append("incidents of the article without id differ")
if w_plain != g_plain:
    problems.append("plain-text article: %d incidents, extract found %d" % (g_plain, w_plain))

# Headers: article id and extractor version on every record.
for line in open(dump_path):
    part, off, key, value, hdrs = line.rstrip("\n").split(" ")
    h = dict((kv.split("=", 1)[0], bytes.fromhex(kv.split("=", 1)[1]).decode())
             for kv in hdrs.split(",")) if hdrs != "-" else {}
    k = bytes.fromhex(key).decode()
    inc = next((i for i in got if i["incident_id"] == k), None)
    if inc is None:
        problems.append("record with key %s not decoded" % k)
    elif h.get("sitrep-article-id") != inc["article_id"] or \
            h.get("sitrep-extractor-version") != inc["extractor_version"]:
        problems.append("headers of %s: %r" % (k, h))
print("# %d events decoded, %d expected; %d named incidents compared field by field"
      % (len(got), len(want), len(set(g_named) & set(w_named))))
for p in problems[:20]:
    print("#", p)
sys.exit(1 if problems else 0)
PY
kl_check "decoded events equal sitrep extract's incidents, keys are incident ids, headers name article and version" [ $? -eq 0 ]
kl_check "nothing was dead-lettered" [ "$(kl_count "$IN.dlq")" -eq 0 ]
exit $KL_FAILED
