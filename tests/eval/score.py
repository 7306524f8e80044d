#!/usr/bin/env python3
"""Scores sitrep extract output against gold incident labels.

    score.py articles DATA            -> articles (contract 3.1) on stdout
    score.py score DATA INCIDENTS [MS] -> per-field accuracy table
    score.py check DATA               -> "ok"/"not ok" lines: every record
                                         is well formed and its labels use
                                         the datasets' vocabularies

With SR_EVAL_MISSES=field[,field...] (or "all"), every miss of those fields
is also printed to stderr: record id, gold value, extracted value.

The main incident of a record is its first MAIN_EVENT, else its first
incident. Fields: country (ISO alpha-2 of the gold country), loc_25km and
loc_100km (distance to gold lat/lon), date (exact), killed and injured
(exact; no count = 0; records without a gold number are skipped),
perpetrator (a PERPETRATOR/CLAIMANT/SIDE_A actor or the claimant matching
the gold group by name, acronym or main words), acled_type (ACLED records
with a current event type), gtd_type (GTD records); then their mean.
"""
import datetime
import json
import math
import os
import re
import sys
import unicodedata

ACLED_TYPES = {"Battles", "Explosions/Remote violence",
               "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}
GTD_TYPES = {"Assassination", "Armed Assault", "Bombing/Explosion",
             "Facility/Infrastructure Attack", "Hijacking",
             "Hostage Taking (Kidnapping)",
             "Hostage Taking (Barricade Incident)", "Unarmed Assault",
             "Unknown"}
# ACLED's codebook before 2019, still found in older exports.
ACLED_OLD_TYPES = {"Battle-No change of territory",
                   "Battle-Government regains territory",
                   "Battle-Non-state actor overtakes territory",
                   "Remote violence", "Riots/Protests",
                   "Violence against civilians", "Strategic development",
                   "Non-violent transfer of territory",
                   "Headquarters or base established"}
COUNTRY_ALIASES = {
    "united states": "US", "united kingdom": "GB", "great britain": "GB",
    "russia": "RU", "soviet union": "RU", "iran": "IR", "syria": "SY",
    "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "south korea": "KR", "north korea": "KP", "vietnam": "VN",
    "czech republic": "CZ", "ivory coast": "CI", "cote d'ivoire": "CI",
    "democratic republic of the congo": "CD",
    "democratic republic of congo": "CD", "republic of the congo": "CG",
    "republic of congo": "CG", "macedonia": "MK", "north macedonia": "MK",
    "taiwan": "TW", "moldova": "MD", "swaziland": "SZ", "eswatini": "SZ",
    "west germany (frg)": "DE", "east germany (gdr)": "DE",
    "west germany": "DE", "east germany": "DE", "yugoslavia": "RS",
    "west bank and gaza strip": "PS", "palestine": "PS", "kosovo": "XK",
    "bosnia-herzegovina": "BA", "turkey": "TR", "brunei": "BN",
    "cape verde": "CV", "micronesia": "FM", "vatican city": "VA",
    "east timor": "TL", "rhodesia": "ZW", "zaire": "CD",
}
# Function words only: "main words" are the rest of a group's name.
FUNCTION_WORDS = {"the", "of", "and", "in", "for", "de", "la", "del", "des",
                  "du", "al", "el", "a", "an", "on", "to", "wal", "ul"}
# A candidate made only of these names nobody in particular.
GENERIC = {"militants", "militant", "gunmen", "gunman", "attackers",
           "assailants", "insurgents", "rebels", "jihadists", "terrorists",
           "fighters", "group", "groups", "armed", "men", "unknown",
           "unidentified", "suspected", "suspects", "people"}


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9()]+", " ", s.lower()).strip()


def iso_codes():
    table = dict(COUNTRY_ALIASES)
    try:
        with open("/usr/share/iso-codes/json/iso_3166-1.json") as f:
            for c in json.load(f)["3166-1"]:
                for k in ("name", "official_name", "common_name"):
                    if k in c:
                        table.setdefault(fold(c[k]), c["alpha_2"])
    except OSError:
        pass
    return {fold(k): v for k, v in table.items()}


def records(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def km(a_lat, a_lon, b_lat, b_lon):
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def count(c):
    if not c or c.get("best") is None:
        return 0
    return c["best"]


def names_match(gold, cand):
    """Name, acronym or main words, as the scoring rule says."""
    g, c = fold(gold), fold(cand)
    if not g or not c:
        return False
    g_plain = re.sub(r"\([^)]*\)", " ", g).split()
    c_plain = re.sub(r"\([^)]*\)", " ", c).split()
    if g_plain == c_plain:
        return True
    # Acronyms: written in brackets, or the initials of the name.
    def acronyms(full, plain):
        out = {a.replace(" ", "") for a in re.findall(r"\(([a-z0-9 ]+)\)", full)}
        initials = "".join(w[0] for w in plain if w not in FUNCTION_WORDS)
        if len(initials) >= 2:
            out.add(initials)
        return out
    c_joined, g_joined = "".join(c_plain), "".join(g_plain)
    if c_joined in acronyms(g, g_plain) or g_joined in acronyms(c, c_plain):
        return True
    # Main words: one name's significant words all in the other's.
    gw = {w for w in g_plain if w not in FUNCTION_WORDS}
    cw = {w for w in c_plain if w not in FUNCTION_WORDS}
    if not gw or not cw or cw <= GENERIC or gw <= GENERIC:
        return False
    return cw <= gw or gw <= cw


def main_incident(incs):
    for inc in incs:
        if inc.get("role") == "MAIN_EVENT":
            return inc
    return incs[0] if incs else None


def score(data, incidents_path, seconds):
    by_article = {}
    for inc in records(incidents_path):
        by_article.setdefault(inc["article_id"], []).append(inc)
    iso = iso_codes()
    fields = ["country", "loc_25km", "loc_100km", "date", "killed", "injured",
              "perpetrator", "acled_type", "gtd_type"]
    hits = {f: 0 for f in fields}
    totals = {f: 0 for f in fields}
    n = 0
    wanted = set(f for f in os.environ.get("SR_EVAL_MISSES", "").split(",") if f)
    for r in records(data):
        n += 1
        g = r["gold"]
        inc = main_incident(by_article.get(r["id"], []))
        loc = (inc or {}).get("location") or {}

        def tally(field, ok, gold=None, got=None):
            totals[field] += 1
            hits[field] += 1 if ok else 0
            if not ok and (field in wanted or "all" in wanted):
                sys.stderr.write("miss %-12s %-22s gold=%r got=%r\n"
                                 % (field, r["id"], gold, got))

        gcc = iso.get(fold(g.get("country")))
        if gcc:
            tally("country", loc.get("country_code") == gcc, gcc, loc.get("country_code"))
        if g.get("lat") is not None and g.get("lon") is not None:
            d = None
            if loc.get("lat") is not None and loc.get("lon") is not None:
                d = km(loc["lat"], loc["lon"], g["lat"], g["lon"])
            where = (loc.get("name"), None if d is None else round(d))
            tally("loc_25km", d is not None and d <= 25, g.get("admin1"), where)
            tally("loc_100km", d is not None and d <= 100, g.get("admin1"), where)
        if g.get("event_date"):
            got = ((inc or {}).get("time") or {}).get("date")
            tally("date", got == g["event_date"], g["event_date"], got)
        cas = (inc or {}).get("casualties") or {}
        if g.get("fatalities") is not None:
            tally("killed", count(cas.get("killed")) == g["fatalities"],
                  g["fatalities"], count(cas.get("killed")))
        if g.get("injured") is not None:
            tally("injured", count(cas.get("injured")) == g["injured"],
                  g["injured"], count(cas.get("injured")))
        if g.get("perpetrator"):
            cands = [a.get("canonical") or a.get("text") for a in (inc or {}).get("actors", [])
                     if a.get("role") in ("PERPETRATOR", "CLAIMANT", "SIDE_A")]
            cands += [a.get("text") for a in (inc or {}).get("actors", [])
                      if a.get("role") in ("PERPETRATOR", "CLAIMANT", "SIDE_A")]
            claim = (inc or {}).get("claim") or {}
            if claim.get("claimant"):
                cands.append(claim["claimant"])
            tally("perpetrator", any(names_match(g["perpetrator"], c) for c in cands if c),
                  g["perpetrator"], cands)
        if r.get("source") == "ACLED" and g.get("event_type") in ACLED_TYPES:
            got = (inc or {}).get("acled_event_type")
            tally("acled_type", got == g["event_type"], g["event_type"], got)
        if r.get("source") == "GTD" and g.get("event_type"):
            got = (inc or {}).get("gtd_attack_type")
            tally("gtd_type", got == g["event_type"], g["event_type"], got)
    print("%-12s %8s %6s" % ("field", "accuracy", "n"))
    accs = []
    for f in fields:
        if totals[f]:
            acc = hits[f] / totals[f]
            accs.append(acc)
            print("%-12s %8.3f %6d" % (f, acc, totals[f]))
        else:
            print("%-12s %8s %6d" % (f, "-", 0))
    print("%-12s %8.3f %6d" % ("mean", sum(accs) / len(accs) if accs else 0.0, n))
    incs = sum(len(v) for v in by_article.values())
    print("records %d, incidents %d, records without incident %d"
          % (n, incs, sum(1 for r in records(data) if r["id"] not in by_article)))
    if seconds and float(seconds) > 0:
        secs = float(seconds) / 1000.0
        print("extract wall time %.2f s (%.0f records/s, including start-up)"
              % (secs, n / secs))


def check(data):
    """Structural checks of a labelled set; returns the number of faults."""
    iso = iso_codes()
    faults = []
    seen = set()
    n = 0
    for r in records(data):
        n += 1
        rid = r.get("id")
        g = r.get("gold") or {}

        def bad(why):
            faults.append("%s: %s" % (rid, why))
        if not isinstance(rid, str) or not rid or rid in seen:
            bad("missing or repeated id")
        seen.add(rid)
        if not isinstance(r.get("text"), str) or len(r["text"]) < 40:
            bad("text missing or too short")
        if r.get("source") not in ("GTD", "ACLED", "RAND-RDWTI"):
            bad("unknown source %r" % r.get("source"))
        try:
            day = datetime.date.fromisoformat(g.get("event_date") or "")
            pub = datetime.date.fromisoformat(r.get("published_at") or "")
            if pub < day:
                bad("published before the event")
        except ValueError:
            bad("event_date or published_at not YYYY-MM-DD")
            day = None
        if not iso.get(fold(g.get("country"))):
            bad("country %r has no ISO code" % g.get("country"))
        lat, lon = g.get("lat"), g.get("lon")
        if (lat is None) != (lon is None) or (
                lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
            bad("lat/lon incomplete or out of range")
        for k in ("fatalities", "injured"):
            v = g.get(k)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                bad("%s is not a count" % k)
        t = g.get("event_type")
        if r.get("source") == "GTD" and t not in GTD_TYPES:
            bad("GTD attack type %r" % t)
        if r.get("source") == "ACLED" and t is not None and \
                t.lower() not in {x.lower() for x in ACLED_TYPES | ACLED_OLD_TYPES}:
            bad("ACLED event type %r" % t)
    for f in faults:
        print("not ok - %s: %s" % (data, f))
    if not faults:
        print("ok - %s: %d records well formed" % (data, n))
    return len(faults)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "articles":
        for r in records(sys.argv[2]):
            art = {"id": r["id"], "published_at": r["published_at"], "body": r["text"]}
            sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")
        return 0
    if len(sys.argv) >= 3 and sys.argv[1] == "check":
        return 1 if check(sys.argv[2]) else 0
    if len(sys.argv) >= 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
