"""Input text: HTML (tags, scripts, styles, comments, entities, menus,
related-story boxes and footers removed; paragraphs from block elements),
any UTF-8 (curly quotes, non-breaking spaces, diacritics), byte offsets.

input-html-mocimboa and input-twin-mocimboa are the same story, as a news
page and as the plain body the page should reduce to: their incidents must
be identical but for the ids. See golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("input", sys.argv)
HTML, TWIN = "input-html-mocimboa", "input-twin-mocimboa"
IDS = ("incident_id", "article_id", "article_url")


def strip(incs):
    return [{k: v for k, v in i.items() if k not in IDS} for i in incs]


html, twin = c.of(HTML), c.of(TWIN)
c.check("html: at least one incident", len(html) > 0, "got none")
c.check("html: same incidents and evidence offsets as its plain twin",
        strip(html) == strip(twin) and len(html) > 0,
        f"html gives {len(html)} incidents, the plain twin {len(twin)}, "
        "differing fields (see the golden diff)")
nums = [i["casualties"][k]["best"] for i in html for k in i["casualties"]
        if i["casualties"][k]]
c.check("html: nothing from script, comment, menu or related-story box "
        "(no 99, 50, 30, 40 or 17 counted)",
        not set(nums) & {99, 50, 30, 40, 17}, f"counts {nums}")
c.check("html: no incident located in Kabul, Pemba, Maputo or Zamfara "
        "(boilerplate headlines)",
        not {i["location"]["name"] for i in html} &
        {"Kabul", "Pemba", "Maputo", "Zamfara", "Zamfara State"},
        f"locations {[i['location']['name'] for i in html]}")
m = c.main_of(HTML)
c.count("html: killed 11 (entity-laden paragraph read)", m, "killed", 11,
        "EXACT")
c.count("html: injured 4 ('wounding&#160;4')", m, "injured", 4, "EXACT")
c.field("html: country MZ", m, "location.country_code", "MZ")
c.check("html: location is the town Mocímboa da Praia, not the headline demonym",
        (m or {}).get("location", {}).get("name", "").startswith("Mocímboa"),
        f"got {(m or {}).get('location', {}).get('name')!r}")
c.evidence(TWIN)
c.evidence(HTML, text=c.text_of(TWIN))

S = "input-utf8-segou"
m = c.main_of(S)
c.count("utf8: killed 17 AT_LEAST across non-breaking spaces", m, "killed",
        17, "AT_LEAST")
c.field("utf8: the count's text keeps the non-breaking spaces", m,
        "casualties.killed.text", "killing at\u00a0least\u00a017")
c.count("utf8: injured six", m, "injured", 6, "EXACT")
c.field("utf8: location Ségou (diacritic kept)", m, "location.name", "Ségou")
c.field("utf8: country ML", m, "location.country_code", "ML")
c.field("utf8: date 2021-03-14 ('on Sunday')", m, "time.date", "2021-03-14")
c.expect("utf8: one incident (the quote is not another one)",
         len(c.of(S)), 1)
c.evidence(S)

T = "input-noaccent-tillaberi"
m = c.main_of(T)
c.field("no accent: 'Tillaberi' resolves to Tillabéri", m, "location.name",
        "Tillabéri")
c.field("no accent: country NE", m, "location.country_code", "NE")
c.field("RFC 3339 published_at: 'on Monday' = 2021-03-15", m, "time.date",
        "2021-03-15")
c.count("no accent: killed 9", m, "killed", 9, "EXACT")
c.evidence(T)
sys.exit(c.finish())
