"""Event type: sitrep category, ACLED event_type / sub_event_type and GTD
attack type, with the sources' exact label strings. See golden.py.
"""
import sys

from golden import Checker

c = Checker("types", sys.argv)
VAC, ERV = "Violence against civilians", "Explosions/Remote violence"
BOMB = "Bombing/Explosion"
CASES = (
    ("type-armed-assault", "ARMED_ASSAULT", VAC, "Attack", "Armed Assault"),
    ("type-ied", "REMOTE_EXPLOSIVE_IED", ERV, "Remote explosive/landmine/IED",
     BOMB),
    ("type-suicide", "SUICIDE_BOMBING", ERV, "Suicide bomb", BOMB),
    ("type-kidnap", "KIDNAPPING", VAC, "Abduction/forced disappearance",
     "Hostage Taking (Kidnapping)"),
    ("type-protest", "PROTEST_PEACEFUL", "Protests", "Peaceful protest",
     None),
    ("type-riot", "RIOT_VIOLENT_DEMONSTRATION", "Riots",
     "Violent demonstration", None),
    # GTD has no air strike type: null, or its Bombing/Explosion
    ("type-airstrike", "AIR_DRONE_STRIKE", ERV, "Air/drone strike",
     (None, BOMB)),
    ("type-shelling", "SHELLING_ARTILLERY_MISSILE", ERV,
     "Shelling/artillery/missile attack", BOMB),
    ("type-clash", "ARMED_CLASH", "Battles", "Armed clash", None),
    ("type-assassination", "ASSASSINATION", VAC, "Attack", "Assassination"),
    ("type-arson", "FACILITY_ATTACK_ARSON", "Strategic developments",
     "Looting/property destruction", "Facility/Infrastructure Attack"),
)
for art, cat, acled, sub, gtd in CASES:
    m = c.main_of(art)
    gtds = gtd if isinstance(gtd, tuple) else (gtd,)
    c.expect_in(f"{art}: {cat} / {acled} / {sub} / "
                f"{' or '.join(map(str, gtds))}",
                m and (m["category"], m["acled_event_type"],
                       m["acled_sub_event_type"], m["gtd_attack_type"]),
                [(cat, acled, sub, g) for g in gtds])
    c.field(f"{art}: ASSERTED", m, "factuality", "ASSERTED")
    c.evidence(art)

m = c.main_of("type-clash")
c.count("type-clash: killed 12, everyone", m, "killed", 12, "EXACT")
c.count("type-clash: ten insurgents in killed_perpetrators", m,
        "killed_perpetrators", 10, "EXACT")
c.check("type-arson: 'No one was hurt' gives no positive count",
        not any((v or {}).get("best") for v in
                (c.main_of("type-arson") or {}).get("casualties", {}).values()),
        f"got {(c.main_of('type-arson') or {}).get('casualties')!r}")
sys.exit(c.finish())
