"""Actors: dictionary names, aliases and acronyms; generic perpetrators and
targets; roles PERPETRATOR / TARGET / CLAIMANT / SIDE_A / SIDE_B; claims,
denials, "blamed on", "suspected", hedges reflected in claim and
certainty. See golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("actors", sys.argv)


def actors(inc, role=None):
    return [(a["role"], a["text"], a["canonical"], a["certainty"])
            for a in (inc or {}).get("actors", [])
            if role is None or a["role"] == role]


def find(inc, canonical):
    return [a for a in (inc or {}).get("actors", [])
            if a["canonical"] == canonical]


A = "act-claim-acronym"
c.expect(f"{A}: one incident (the claim sentence is no new incident)",
         len(c.of(A)), 1)
m = c.main_of(A)
c.field(f"{A}: the attack's claim CLAIMED", m, "claim.status", "CLAIMED")
c.field(f"{A}: acronym ISWAP -> the dictionary's ISWAP", m,
        "claim.claimant", c.canon("ISWAP"))
c.check(f"{A}: CLAIMANT actor ISWAP with certainty CLAIMED",
        any(a["role"] == "CLAIMANT" and a["certainty"] == "CLAIMED"
            for a in find(m, c.canon("ISWAP"))),
        f"actors {actors(m)}")
c.check(f"{A}: soldiers are a TARGET",
        any(r == "TARGET" and t == "soldiers" for r, t, _, _ in actors(m)),
        f"actors {actors(m)}")

A = "act-denial"
m = c.main_of(A)
c.field(f"{A}: claim DENIED", m, "claim.status", "DENIED")
c.field(f"{A}: denied by Taliban", m, "claim.claimant", c.canon("Taliban"))
c.check(f"{A}: the Taliban are no confirmed perpetrator",
        not any(a["certainty"] == "CONFIRMED"
                for a in find(m, c.canon("Taliban"))),
        f"actors {actors(m)}")

A = "act-blamed"
m = c.main_of(A)
c.check(f"{A}: 'blamed the attack on Boko Haram' -> PERPETRATOR "
        "BLAMED_BY_OTHER",
        [(a["role"], a["certainty"]) for a in find(m, c.canon("Boko Haram"))] ==
        [("PERPETRATOR", "BLAMED_BY_OTHER")], f"actors {actors(m)}")
c.field(f"{A}: nobody claimed it (claim not CLAIMED)",
        m, "claim.claimant", None)

A = "act-suspected"
m = c.main_of(A)
c.check(f"{A}: 'Suspected JNIM fighters' -> PERPETRATOR JNIM SUSPECTED",
        [(a["role"], a["certainty"]) for a in find(m, c.canon("JNIM"))] ==
        [("PERPETRATOR", "SUSPECTED")], f"actors {actors(m)}")
c.expect(f"{A}: actor_type of JNIM from the dictionary: REBEL_ISLAMIST",
         [a["actor_type"] for a in find(m, c.canon("JNIM"))],
         ["REBEL_ISLAMIST"])
c.check(f"{A}: villagers are a TARGET",
        ("TARGET", "villagers") in [(r, t) for r, t, _, _ in actors(m)],
        f"actors {actors(m)}")

A = "act-hedge"
m = c.main_of(A)
adf = find(m, c.canon("ADF"))
c.check(f"{A}: ADF named as PERPETRATOR", any(a["role"] == "PERPETRATOR"
                                               for a in adf),
        f"actors {actors(m)}")
c.check(f"{A}: 'did not provide any evidence' -> ADF not CONFIRMED",
        bool(adf) and all(a["certainty"] != "CONFIRMED" for a in adf),
        f"actors {actors(m)}")

A = "act-claim-hedge"
m = c.main_of(A)
c.field(f"{A}: an unproven claim is still CLAIMED", m, "claim.status",
        "CLAIMED")
c.field(f"{A}: claimant Islamic State", m, "claim.claimant", c.canon("ISIS"))
c.check(f"{A}: Islamic State is no CONFIRMED perpetrator (claim only)",
        bool(find(m, c.canon("ISIS"))) and
        all(a["certainty"] != "CONFIRMED" for a in find(m, c.canon("ISIS"))),
        f"actors {actors(m)}")

A = "act-generic"
m = c.main_of(A)
c.check(f"{A}: generic 'Gunmen' PERPETRATOR, no named group invented",
        [(t, cert) for _, t, _, cert in actors(m, "PERPETRATOR")] ==
        [("Gunmen", "CONFIRMED")] and
        all(k is None or k.startswith("Unidentified")
            for _, _, k, _ in actors(m, "PERPETRATOR")),
        f"actors {actors(m)}")
c.expect(f"{A}: farmers the TARGET", [t for _, t, _, _ in
                                      actors(m, "TARGET")], ["farmers"])

A = "act-clash"
m = c.main_of(A)
c.check(f"{A}: Syrian Democratic Forces SIDE_A",
        [a["role"] for a in find(m, c.canon("SDF"))] ==
        ["SIDE_A"], f"actors {actors(m)}")
c.check(f"{A}: Turkish-backed rebels SIDE_B",
        any(r == "SIDE_B" and "rebels" in t for r, t, _, _ in actors(m)),
        f"actors {actors(m)}")
c.check(f"{A}: no PERPETRATOR or TARGET in a clash",
        not actors(m, "PERPETRATOR") and not actors(m, "TARGET"),
        f"actors {actors(m)}")

A = "act-competing"
m = c.main_of(A)
c.field(f"{A}: claimed by Islamic State", m, "claim.claimant",
        c.canon("ISIS"))
c.check(f"{A}: the Taliban's denial makes them no perpetrator",
        not any(a["role"] in ("PERPETRATOR", "CLAIMANT")
                for a in find(m, c.canon("Taliban"))), f"actors {actors(m)}")



def perps(inc):
    return [a["canonical"] for a in (inc or {}).get("actors", [])
            if a["role"] in ("PERPETRATOR", "SIDE_A", "CLAIMANT")]


A = "act-unknown-bomb"
m = c.main_of(A)
c.expect(f"{A}: a bomb with no attacker named -> ACLED's unnamed group",
         perps(m), ["Unidentified Armed Group (Kenya)"])

A = "act-riot-later"
m = c.main_of(A)
c.check(f"{A}: a later sentence's storming makes the crowd rioters",
        "Rioters (Kenya)" in perps(m), f"actors {actors(m)}")

A = "act-riot-agitators"
m = c.main_of(A)
c.check(f"{A}: agitators who clashed are the rioting side",
        "Rioters (Kenya)" in perps(m), f"actors {actors(m)}")

A = "act-trace-banner"
m = c.main_of(A)
c.check(f"{A}: the banner's group is the perpetrator",
        "Earth Liberation Front (ELF)" in perps(m), f"actors {actors(m)}")

A = "act-described-label"
m = c.main_of(A)
c.check(f"{A}: the label the gunman was described by",
        "Anti-Semitic extremists" in perps(m), f"actors {actors(m)}")

A = "act-jets-victims"
m = c.main_of(A)
c.check(f"{A}: fighter jets are the state's forces",
        "Military Forces of Mali" in perps(m), f"actors {actors(m)}")
c.check(f"{A}: the militants killed are no perpetrator",
        not any(a["text"] == "militants" and a["role"] == "PERPETRATOR"
                for a in m.get("actors", [])), f"actors {actors(m)}")

A = "act-demonym-missile"
m = c.main_of(A)
c.check(f"{A}: a missile named by its state's demonym is that state's",
        "Military Forces of Russia" in perps(m), f"actors {actors(m)}")

A = "act-encounter"
m = c.main_of(A)
c.check(f"{A}: the soldiers met in the encounter are the agent",
        "Military Forces of Nigeria" in perps(m), f"actors {actors(m)}")
c.check(f"{A}: the fighters gunned down are no perpetrator",
        c.canon("ISWAP") not in perps(m), f"actors {actors(m)}")

A = "act-march-part"
m = c.main_of(A)
c.check(f"{A}: the marchers protested and a part of them rioted",
        {"Protesters (France)", "Rioters (France)"} <= set(perps(m)),
        f"actors {actors(m)}")

A = "act-party-supporters"
m = c.main_of(A)
c.check(f"{A}: the party whose supporters rioted is a side",
        c.canon("Awami League") in perps(m), f"actors {actors(m)}")

A = "act-dpr-mortar"
m = c.main_of(A)
c.check(f"{A}: DPR forces are the Donetsk People's Republic",
        "Donetsk People's Republic (DPR)" in perps(m), f"actors {actors(m)}")

A = "act-tpnpb-spokesman"
m = c.main_of(A)
c.check(f"{A}: the spokesman's group claimed its fighters' attack",
        "West Papua National Liberation Army (TPNPB)" in perps(m),
        f"actors {actors(m)}")

A = "act-adf-ambazonia"
m = c.main_of(A)
c.check(f"{A}: the Ambazonia Defence Forces keep their own name",
        "Ambazonia Defense Forces (ADF)" in perps(m), f"actors {actors(m)}")

A = "act-claim-in-statement"
m = c.main_of(A)
c.field(f"{A}: 'said on its radio that two of its men had carried out' "
        "is a claim", m, "claim.status", "CLAIMED")
c.field(f"{A}: the speaker is the claimant", m, "claim.claimant",
        c.canon("Al-Shabaab"))

A = "act-claim-leader-he"
m = c.main_of(A)
c.field(f"{A}: a leader's 'he had ordered the raid' is his group's claim",
        m, "claim.claimant", c.canon("Caucasus Emirate"))

A = "act-claim-passive-laid"
m = c.main_of(A)
c.check(f"{A}: the group the mine was 'laid by' is the perpetrator",
        c.canon("JNIM") in perps(m), f"actors {actors(m)}")

A = "act-armed-youth-section"
m = c.main_of(A)
c.check(f"{A}: armed youth of a section of a people are the people's "
        "ethnic militia", "Nuer Ethnic Militia (South Sudan)" in perps(m),
        f"actors {actors(m)}")

A = "act-security-forces-crowd"
m = c.main_of(A)
c.check(f"{A}: security forces firing on a crowd are the police",
        "Police Forces of Myanmar" in perps(m), f"actors {actors(m)}")

A = "act-creed-hated"
m = c.main_of(A)
c.check(f"{A}: who 'resented the government' is an anti-government "
        "extremist", "Anti-Government extremists" in perps(m),
        f"actors {actors(m)}")

A = "act-two-states-forces"
m = c.main_of(A)
c.check(f"{A}: 'Armenian and Azerbaijani forces' are both states' forces",
        {"Military Forces of Armenia", "Military Forces of Azerbaijan"}
        <= set(perps(m)), f"actors {actors(m)}")

A = "act-crowd-explosives"
m = c.main_of(A)
c.check(f"{A}: demonstrators hurling explosives are rioters, not an "
        "unidentified armed group",
        "Rioters (Peru)" in perps(m)
        and not any(p and p.startswith("Unidentified") for p in perps(m)),
        f"actors {actors(m)}")

A = "act-self-named"
m = c.main_of(A)
c.check(f"{A}: the name the attackers called themselves is the perpetrator",
        "Sons of the Southern Marshes" in perps(m), f"actors {actors(m)}")

A = "act-protest-dispersed"
m = c.main_of(A)
c.check(f"{A}: a gathering the police broke up is the crowd's protest: the "
        "protesters are side A", "Protesters (Kenya)" in perps(m),
        f"actors {actors(m)}")

A = "act-protest-dispersed-apposition"
m = c.main_of(A)
c.check(f"{A}: residents of a place in commas who blocked a road, then met "
        "by soldiers, are protesters", "Protesters (Nigeria)" in perps(m),
        f"actors {actors(m)}")

A = "act-alias-spelling"
m = c.main_of(A)
c.check(f"{A}: the group's other spelling finds its canonical name",
        "United Liberation Front of Assam (ULFA)" in perps(m),
        f"actors {actors(m)}")

A = "act-alias-club"
m = c.main_of(A)
c.check(f"{A}: 'Club' is the group's other name",
        "Charles Martel Group" in perps(m), f"actors {actors(m)}")

A = "act-crew-noun"
m = c.main_of(A)
c.check(f"{A}: a name marked as a gang's by the noun after it is the "
        "perpetrator", "Chone Killers" in perps(m), f"actors {actors(m)}")

A = "act-crew-demonym"
m = c.main_of(A)
c.check(f"{A}: a nationality before 'criminal group' names no group",
        not any(p and p.startswith("Colombian") for p in perps(m)),
        f"actors {actors(m)}")

A = "act-unknown-bomb"
m = c.main_of(A)
c.check(f"{A}: the unnamed attacker's text is the deed's words, not the "
        "trigger alone",
        any(a["role"] == "PERPETRATOR" and a["text"] == "A bomb exploded"
            for a in (m or {}).get("actors", [])), f"actors {actors(m)}")

for art in c.articles:
    c.evidence(art)
sys.exit(c.finish())
