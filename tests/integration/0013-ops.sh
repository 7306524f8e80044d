#!/bin/sh
# The operations endpoints of a running worker (ops.listen): /metrics
# counts what really happened, /healthz and /readyz answer, and the
# consumer lag from librdkafka's statistics reaches 0 once the work is done.
#
# A worker with ops.listen=127.0.0.1:0 logs the URL it bound; the fixture
# articles and three bad messages go to a 2-partition input topic. Then
# the scraped numbers must equal what the topics hold: incidents produced
# == records in the output topic (== what `sitrep extract` finds), dead
# letters per stage == the dead-letter records carrying that stage header,
# messages consumed == messages sent, the latency histogram counts every
# finished article, paragraphs removed == what extract reports. The text
# must be valid exposition format 0.0.4 (checked line by line). /readyz is
# 503 with a reason until the assignment (when the scrape comes early
# enough to see it), then 200; unknown paths 404, POST 405; a bad
# ops.listen is a configuration error (exit 2); after SIGTERM the
# endpoints are gone.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init ops

IN=articles-$KL_ID
OUT=incidents-$KL_ID
DLQ=$IN.dlq
kl_start_mockd "$IN:2" "$OUT:2" "$DLQ:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
"$SITREP" geocoder serve --listen 127.0.0.1:0 -c "$KL_WORK/base.conf" \
    > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
kl_track $!
if ! kl_wait 30 grep -q . "$KL_WORK/geocoder.out"; then
    kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")"
    exit 1
fi
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$(head -n 1 "$KL_WORK/geocoder.out")" \
    "ops.listen=127.0.0.1:0" "kafka.statistics.interval.ms=300"

ARTICLES="$SR_ROOT/tests/fixtures/kafka/articles.jsonl"
kl_extract "$KL_WORK/w.conf" "$ARTICLES" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
# Paragraphs removed (every incident carries its article's count) and
# geocoder lookups (one per incident with a place name).
set -- $(python3 -c '
import json, sys
seen, lookups = {}, 0
for line in open(sys.argv[1], encoding="utf-8"):
    i = json.loads(line)
    seen[i["article_id"]] = i.get("paragraphs_removed", 0)
    lookups += bool((i.get("location") or {}).get("name"))
print(sum(seen.values()), lookups)' "$KL_WORK/expected.jsonl")
want_removed=$1
want_lookups=$2
echo "# sitrep extract: $want incidents, $want_removed repeated paragraph(s) removed, $want_lookups place(s) to geocode"
B="$KL_WORK/bad.lines"
{
    printf '{"id":"bad-utf8","body":"caf\377 attack killed 3"}\n'
    printf '{"id":"empty-body","body":"   "}\n'
    printf '{"id":["not","a","string"],"body":42}\n'
} > "$B"
nbad=$(wc -l < "$B")
# An article without incidents counts its repeated paragraphs too: a
# market report whose paragraph is pasted three times (2 removed).
Q="$KL_WORK/quiet.lines"
p='Share prices in the capital closed higher on Tuesday as traders welcomed the new budget.'
printf '{"id":"quiet-repeats","body":"%s\\n\\n%s\\n\\nBanks led the gains.\\n\\n%s"}\n' "$p" "$p" "$p" > "$Q"
"$SITREP" extract -c "$KL_WORK/w.conf" < "$Q" > "$KL_WORK/quiet.expected" 2> /dev/null
kl_check "the repeated-paragraph article has no incident" [ ! -s "$KL_WORK/quiet.expected" ]
want_removed=$((want_removed + 2))
nsent=$(($(wc -l < "$ARTICLES") + nbad + 1))

# A bad address is refused at start.
"$SITREP" run -c "$KL_WORK/w.conf" -X ops.listen=127.0.0.1:http \
    > /dev/null 2> "$KL_WORK/bad-listen.err"
rc=$?
kl_check "a bad ops.listen is a configuration error (exit $rc: $(head -c 120 "$KL_WORK/bad-listen.err"))" \
    sh -c "[ $rc -eq 2 ] && grep -q 'ops.listen' '$KL_WORK/bad-listen.err'"

LOG="$KL_WORK/worker.log"
kl_start_worker "$LOG" "$KL_WORK/w.conf"
url_logged() { grep -qs 'ops: listening on http://' "$LOG"; }
if ! kl_wait 20 url_logged; then
    kl_fail "the worker did not log its ops URL: $(tail -n 5 "$LOG")"
    exit 1
fi
URL=$(sed -n 's/.*ops: listening on \(http:\/\/[^ ]*\).*/\1/p' "$LOG" | head -n 1)
early=$(curl -s -o "$KL_WORK/readyz.early" -w '%{http_code}' "$URL/readyz")
case "$early" in
503) kl_check "/readyz before the assignment: 503 with a reason ($(cat "$KL_WORK/readyz.early"))" \
    grep -q 'joined' "$KL_WORK/readyz.early" ;;
200) echo "# /readyz: already assigned at the first scrape (503 not observable)" ;;
*) kl_fail "/readyz before the assignment: HTTP $early" ;;
esac
case "$URL" in
http://127.0.0.1:0 | http://127.0.0.1:) kl_fail "port 0 was not resolved: $URL" ;;
http://127.0.0.1:*) kl_ok "port 0 bound a free port: $URL" ;;
*) kl_fail "unexpected URL $URL" ;;
esac

kl_wait_assigned "$LOG" 30
status() { curl -s -o /dev/null -w '%{http_code}' "$URL$1"; }
ready() { [ "$(status /readyz)" = 200 ]; }
kl_check "/readyz 200 after the assignment" kl_wait 20 ready
kl_check "/healthz 200 while the loop runs" [ "$(status /healthz)" = 200 ]
kl_check "unknown path: 404" [ "$(status /nope)" = 404 ]
kl_check "POST /metrics: 405" \
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/metrics")" = 405 ]
kl_check "HEAD /metrics: 200" \
    [ "$(curl -s -o /dev/null -I -w '%{http_code}' "$URL/metrics")" = 200 ]

kl_produce_lines "$IN" "$ARTICLES"
kl_produce_lines "$IN" "$Q"
kl_produce_lines "$IN" "$B"
if kl_wait 90 kl_has_at_least "$OUT" "$want" && kl_wait 30 kl_has_at_least "$DLQ" "$nbad"; then
    kl_ok "the worker published $want incidents and $nbad dead letters"
else
    kl_fail "only $(kl_count "$OUT")/$want events, $(kl_count "$DLQ")/$nbad dead letters"
fi

# metric NAME: its value in the latest scrape (empty if absent).
scrape() { curl -s "$URL/metrics" > "$KL_WORK/metrics.txt"; }
metric() { awk -v n="$1" '$1 == n { print $2 }' "$KL_WORK/metrics.txt"; }
done_all() {
    scrape && [ "$(metric sitrep_articles_done_total)" = "$nsent" ] &&
        [ "$(metric sitrep_articles_in_flight)" = 0 ]
}
kl_check "every message finished per /metrics ($nsent)" kl_wait 30 done_all
# The lag of both input partitions, once offsets are committed.
lag_zero() {
    scrape &&
        python3 - "$KL_WORK/metrics.txt" "$IN" <<'PY'
import re, sys
text, topic = open(sys.argv[1]).read(), sys.argv[2]
lags = {m.group(1): int(m.group(2)) for m in re.finditer(
    r'^sitrep_consumer_lag\{topic="%s",partition="(\d+)"\} (-?\d+)$' % re.escape(topic), text, re.M)}
sys.exit(0 if sorted(lags) == ["0", "1"] and all(v == 0 for v in lags.values()) else 1)
PY
}
if kl_wait 30 lag_zero; then
    kl_ok "sitrep_consumer_lag appears for both input partitions and drops to 0"
else
    kl_fail "consumer lag: $(grep '^sitrep_consumer_lag' "$KL_WORK/metrics.txt" | tr '\n' ' ')"
fi
queue_empty() { scrape && [ "$(metric sitrep_producer_queue_messages)" = 0 ]; }
kl_check "sitrep_producer_queue_messages reports the empty queue" kl_wait 20 queue_empty

kl_dump "$OUT" "$KL_WORK/out.txt" "$want" 30
kl_dump "$DLQ" "$KL_WORK/dlq.txt" "$nbad" 30
scrape
python3 - "$KL_WORK/metrics.txt" "$KL_WORK/out.txt" "$KL_WORK/dlq.txt" \
    "$nsent" "$want" "$want_removed" "$want_lookups" <<'PY'
import collections, re, sys
path, out_path, dlq_path = sys.argv[1:4]
nsent, want, want_removed, want_lookups = map(int, sys.argv[4:8])
problems = []

# Exposition format 0.0.4: HELP then TYPE, then samples of that family.
samples, types = {}, {}
family = None
sample_re = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (-?[0-9.e+]+|\+Inf|NaN)$')
lines = open(path).read().split("\n")
if lines[-1] != "":
    problems.append("the text does not end with a newline")
for n, line in enumerate(lines[:-1], 1):
    if line.startswith("# HELP "):
        family = line.split(" ")[2]
        expect_type = True
        continue
    if line.startswith("# TYPE "):
        _, _, name, typ = line.split(" ")
        if name != family or not expect_type:
            problems.append("line %d: TYPE of %s without its HELP" % (n, name))
        types[name] = typ
        expect_type = False
        if typ == "counter" and not name.endswith("_total"):
            problems.append("counter %s does not end in _total" % name)
        continue
    m = sample_re.match(line)
    if m is None:
        problems.append("line %d is not a sample: %r" % (n, line))
        continue
    name = m.group(1)
    base = re.sub(r'_(bucket|sum|count)$', '', name) if types.get(family) == "histogram" else name
    if base != family:
        problems.append("line %d: %s outside its family %s" % (n, name, family))
    samples[name + (m.group(2) or "")] = float(m.group(3))

def val(key):
    if key not in samples:
        problems.append("missing %s" % key)
        return -1
    return samples[key]

out_n = sum(1 for _ in open(out_path))
stages = collections.Counter()
for line in open(dlq_path):
    hdrs = line.rstrip("\n").split(" ")[4]
    h = dict((kv.split("=", 1)[0], bytes.fromhex(kv.split("=", 1)[1]).decode())
             for kv in hdrs.split(",")) if hdrs != "-" else {}
    stages[h.get("sitrep.error.stage", "?")] += 1

checks = [
    ("sitrep_messages_consumed_total", nsent),
    ("sitrep_articles_done_total", nsent),
    ("sitrep_incidents_produced_total", out_n),
    ("sitrep_incidents_produced_total", want),
    ("sitrep_paragraphs_removed_total", want_removed),
    ("sitrep_articles_in_flight", 0),
    ("sitrep_partitions_assigned", 2),
    ("sitrep_partitions_paused", 0),
    ("sitrep_processing_latency_seconds_count", nsent),
    ('sitrep_processing_latency_seconds_bucket{le="+Inf"}', nsent),
]
for key, expected in checks:
    got = val(key)
    if got != expected:
        problems.append("%s = %s, expected %s" % (key, got, expected))
dl = {k: v for k, v in samples.items() if k.startswith("sitrep_dead_letters_total{")}
if sum(dl.values()) != sum(stages.values()):
    problems.append("dead letters: %s in /metrics, %d in the topic" % (sum(dl.values()), sum(stages.values())))
for stage, n in stages.items():
    key = 'sitrep_dead_letters_total{stage="%s"}' % stage
    if samples.get(key) != n:
        problems.append("%s = %s, the topic holds %d" % (key, samples.get(key), n))
buckets = [(k, v) for k, v in samples.items() if k.startswith("sitrep_processing_latency_seconds_bucket")]
if [v for _, v in buckets] != sorted(v for _, v in buckets) or not buckets[-1][0].endswith('"+Inf"}'):
    problems.append("histogram buckets not cumulative or +Inf not last")
# Every lookup has one result; each was answered by an HTTP request, the
# cache, or an identical lookup in flight.
results = sum(val('sitrep_geocoder_requests_total{result="%s"}' % r)
              for r in ("hit", "miss", "failed"))
sources = sum(val(k) for k in ("sitrep_geocoder_http_requests_total",
                               "sitrep_geocoder_cache_hits_total",
                               "sitrep_geocoder_merged_lookups_total"))
if not results == sources == want_lookups:
    problems.append("geocoder: %s results, %s answered (http + cache + merged), %d lookups expected"
                    % (results, sources, want_lookups))
if val("sitrep_geocoder_http_requests_total") <= 0 or val('sitrep_geocoder_requests_total{result="hit"}') <= 0:
    problems.append("the geocoder was not asked, or never found a place")
for k in ("sitrep_backpressure_pauses_total", "sitrep_producer_queue_messages",
          "sitrep_geocoder_requests_in_flight", "sitrep_geocoder_cache_entries"):
    val(k)
print("# %d samples; %d events, dead letters by stage %s" % (len(samples), out_n, dict(stages)))
for p in problems[:20]:
    print("#", p)
sys.exit(1 if problems else 0)
PY
kl_check "/metrics is valid text format and its counters equal the topics (events, dead letters by stage, consumed, latency count, paragraphs removed, geocoder lookups)" [ $? -eq 0 ]

kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_check "the endpoints are gone after the worker exits" \
    [ "$(status /healthz)" = 000 ]
exit $KL_FAILED
