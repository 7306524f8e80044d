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
    # stun grenades are crowd control; live bullets kill protesters
    ("type-excessive-force", "EXCESSIVE_FORCE_ON_PROTESTERS", "Protests",
     "Excessive force against protesters", None),
    # "riot police" are the force sent, not a riot
    ("type-intervention", "PROTEST_WITH_INTERVENTION", "Protests",
     "Protest with intervention", None),
    # a crowd storming a building and fighting police
    ("type-riot-stormed", "RIOT_VIOLENT_DEMONSTRATION", "Riots",
     "Violent demonstration", None),
    ("type-mine", "REMOTE_EXPLOSIVE_IED", ERV,
     "Remote explosive/landmine/IED", BOMB),
    ("type-drones", "AIR_DRONE_STRIKE", ERV, "Air/drone strike",
     (None, BOMB)),
    # a vehicle as the weapon: GTD's unarmed assault
    ("type-ramming", "UNARMED_ASSAULT", VAC, "Attack", "Unarmed Assault"),
    # petrol bombs thrown at a building: a facility attack though people
    # were hurt
    ("type-petrol-building", "FACILITY_ATTACK_ARSON",
     "Strategic developments", "Looting/property destruction",
     "Facility/Infrastructure Attack"),
    ("type-council-member", "ASSASSINATION", VAC, "Attack", "Assassination"),
    # a group by its name taking a city in a fight
    ("type-territory-named", "TERRITORY_TAKEN", "Battles",
     "Non-state actor overtakes territory", "Armed Assault"),
    # power seized: a coup, not goods seized
    ("type-coup", "OTHER", "Strategic developments", "Other", None),
    ("type-breakin", "FACILITY_ATTACK_ARSON", "Strategic developments",
     "Looting/property destruction", "Facility/Infrastructure Attack"),
    # a protest the next day answers the killing, which stays the event
    ("type-protest-after-killing", "ARMED_ASSAULT", VAC, "Attack",
     "Armed Assault"),
    # marchers throwing bottles at police; tear gas on a crowd burning tyres
    ("type-march-throw", "RIOT_VIOLENT_DEMONSTRATION", "Riots",
     "Violent demonstration", None),
    ("type-disperse-tyres", "RIOT_VIOLENT_DEMONSTRATION", "Riots",
     "Violent demonstration", None),
    # "them" is the machines just named; a protest named as a motive
    ("type-set-them-alight", "FACILITY_ATTACK_ARSON", "Strategic developments",
     "Looting/property destruction", "Facility/Infrastructure Attack"),
    ("type-protest-motive", "FACILITY_ATTACK_ARSON", "Strategic developments",
     "Looting/property destruction", "Facility/Infrastructure Attack"),
    # RPGs fired at a checkpoint: an assault on police, a battle for ACLED
    ("type-rpg-post", "ARMED_ASSAULT", "Battles", "Armed clash",
     "Armed Assault"),
    # GTD codes the target, ACLED the means
    ("type-sticky-bomb", "ASSASSINATION", ERV,
     "Remote explosive/landmine/IED", "Assassination"),
    ("type-clan-fight", "ARMED_CLASH", "Battles", "Armed clash", None),
    ("type-shelling-amid", "SHELLING_ARTILLERY_MISSILE", ERV,
     "Shelling/artillery/missile attack", BOMB),
    ("type-largely-peaceful", "PROTEST_PEACEFUL", "Protests",
     "Peaceful protest", None),
    ("type-agreement", "OTHER", "Strategic developments", "Agreement", None),
    ("type-empty-building", "FACILITY_ATTACK_ARSON", "Strategic developments",
     "Looting/property destruction", "Facility/Infrastructure Attack"),
    ("type-noise-barrage", "PROTEST_WITH_INTERVENTION", "Protests",
     "Protest with intervention", None),
    ("type-mine-set-off", "REMOTE_EXPLOSIVE_IED", ERV,
     "Remote explosive/landmine/IED", BOMB),
    # bombs by their plural, a suicide bomber whatever his verb
    ("type-car-bombs-went-off", "BOMBING_OTHER", ERV,
     "Remote explosive/landmine/IED", BOMB),
    ("type-suicide-car-bomber", "SUICIDE_BOMBING", ERV, "Suicide bomb", BOMB),
    # blades make an armed assault; a title in the possessive is not the
    # victim's
    ("type-throats-cut", "ARMED_ASSAULT", VAC, "Attack", "Armed Assault"),
    ("type-priest-assistant", "ARMED_ASSAULT", VAC, "Attack",
     "Armed Assault"),
    # a person seized is kidnapped
    ("type-trader-seized", "KIDNAPPING", VAC,
     "Abduction/forced disappearance", "Hostage Taking (Kidnapping)"),
    # "took to the streets", then met with live fire
    ("type-streets-live-fire", "EXCESSIVE_FORCE_ON_PROTESTERS", "Protests",
     "Excessive force against protesters", None),
    # a crowd by its age throwing fire bombs at the police themselves
    ("type-petrol-bombs-police", "RIOT_VIOLENT_DEMONSTRATION", "Riots",
     "Violent demonstration", None),
    # acid thrown at people: GTD's unarmed (chemical) assault
    ("type-acid-sprayed", "UNARMED_ASSAULT", VAC, "Attack", "Unarmed Assault"),
    # a mine that opens a fight: a battle for ACLED, a bombing for GTD
    ("type-ambush-fight", "REMOTE_EXPLOSIVE_IED", "Battles", "Armed clash",
     BOMB),
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
# "Earlier that Sunday, two mortar shells had landed ...": another event
# of the same day, not part of the mine blast
mine = c.of("type-mine")
c.check("type-mine: the earlier shelling is an incident of its own",
        sorted(i["category"] for i in mine) ==
        ["REMOTE_EXPLOSIVE_IED", "SHELLING_ARTILLERY_MISSILE"],
        f"got {[i['category'] for i in mine]}")
c.count("type-mine: five killed by the mine", c.main_of("type-mine"),
        "killed", 5, "EXACT")
m = c.main_of("type-set-ablaze")
c.field("type-set-ablaze: 'set ablaze a storehouse' is a facility attack", m,
        "gtd_attack_type", "Facility/Infrastructure Attack")
m = c.main_of("type-blockade")
c.field("type-blockade: miners blocking a road for their wages protest", m,
        "acled_event_type", "Protests")
c.check("type-court-blocked: a court blocking a levy is no incident",
        not c.of("type-court-blocked"),
        f"got {[i['category'] for i in c.of('type-court-blocked')]}")
m = c.main_of("type-exchanged-modified")
c.field("type-exchanged-modified: 'exchanged heavy machine-gun fire' is a "
        "clash", m, "acled_sub_event_type", "Armed clash")
# security men only by name: hired guards, an informer, a retired officer
# are civilians for ACLED
for art in ("type-private-guards", "type-police-informer",
            "type-retired-officer"):
    c.field(f"{art}: violence against civilians", c.main_of(art),
            "acled_event_type", VAC)
# taken or let out: animals released from a farm by a named group, pupils
# carried off, a bus held through a standoff, a tanker driven away
for art, gtd in (("type-animal-release", "Facility/Infrastructure Attack"),
                 ("type-carried-off", "Hostage Taking (Kidnapping)"),
                 ("type-bus-standoff", "Hostage Taking (Barricade Incident)"),
                 ("type-tanker-hijack", "Hijacking")):
    c.field(f"{art}: {gtd}", c.main_of(art), "gtd_attack_type", gtd)
# a crowd's stones and homemade bombs make a riot; a car driven into
# marchers is an attack on them
c.field("type-crowd-stones-bombs: a riot", c.main_of("type-crowd-stones-bombs"),
        "acled_event_type", "Riots")
c.field("type-car-into-marchers: an unarmed assault",
        c.main_of("type-car-into-marchers"), "gtd_attack_type",
        "Unarmed Assault")
# an academy named after a general is bombed, not the general; the head
# of an agency shot at home is an assassination's target
c.field("type-named-after-general: a bombing",
        c.main_of("type-named-after-general"), "gtd_attack_type",
        "Bombing/Explosion")
c.field("type-head-of-agency: an assassination",
        c.main_of("type-head-of-agency"), "gtd_attack_type", "Assassination")
sys.exit(c.finish())
