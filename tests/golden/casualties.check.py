"""Casualties: killed, injured, kidnapped, arrested, missing; digits,
number words, "two dozen", "1,884"; "at least", "about", "up to", ranges;
ACLED's vague words (dozens = 12, hundreds = 100); attackers kept apart
(killed counts everyone, like GTD's nkill; killed_perpetrators the
attackers); never a number the text does not give. See golden.py.
"""
import sys

from golden import Checker

c = Checker("casualties", sys.argv)


def victims(inc):
    """Killed minus killed attackers, or None."""
    k = (inc or {}).get("casualties", {}).get("killed") or {}
    p = (inc or {}).get("casualties", {}).get("killed_perpetrators") or {}
    if k.get("best") is None:
        return None
    return k["best"] - (p.get("best") or 0)


m = c.main_of("cas-words")
c.count("cas-words: 'Thirteen' soldiers killed = 13", m, "killed", 13,
        "EXACT")
c.count("cas-words: 'two dozen' wounded = 24", m, "injured", 24, "EXACT")

m = c.main_of("cas-kidnap")
c.count("cas-kidnap: abducted 42 (not the 27 students among them)", m,
        "kidnapped", 42, "EXACT")
c.count("cas-kidnap: 'One student was killed' = 1", m, "killed", 1, "EXACT")

m = c.main_of("cas-arrest-missing")
c.count("cas-arrest-missing: arrested '1,884' = 1884", m, "arrested", 1884,
        "EXACT")
c.count("cas-arrest-missing: 15 protesters missing", m, "missing", 15,
        "EXACT")

m = c.main_of("cas-about-upto")
c.count("cas-about-upto: 'about 30' killed APPROXIMATE", m, "killed", 30,
        "APPROXIMATE")
c.count("cas-about-upto: 'up to 40' injured AT_MOST, high 40", m, "injured",
        40, "AT_MOST", low=None, high=40)

m = c.main_of("cas-range")
c.count("cas-range: 'between 10 and 15' killed RANGE 10..15", m, "killed",
        10, "RANGE", low=10, high=15)

m = c.main_of("cas-vague")
c.count("cas-vague: 'dozens' killed = 12 VAGUE_WORD", m, "killed", 12,
        "VAGUE_WORD")
c.count("cas-vague: 'hundreds' injured = 100 VAGUE_WORD", m, "injured", 100,
        "VAGUE_WORD")

m = c.main_of("cas-attackers")
c.count("cas-attackers: five attackers in killed_perpetrators", m,
        "killed_perpetrators", 5, "EXACT")
c.expect("cas-attackers: three victims (killed - killed_perpetrators)",
         victims(m), 3)

m = c.main_of("cas-suicide-bomber")
c.expect("cas-suicide-bomber: seven victims (killed - killed_perpetrators)",
         victims(m), 7)
c.count("cas-suicide-bomber: 'The bomber also died' = 1 killed perpetrator",
        m, "killed_perpetrators", 1, "EXACT")

m = c.main_of("cas-coded-zero")
c.count("cas-coded-zero: 'Fatalities coded as 0' over a reported 4", m,
        "killed", 0, "ZERO")
m = c.main_of("cas-coded-unknown")
c.count("cas-coded-unknown: 'Unknown number of fatalities coded as 10'", m,
        "killed", 10, "EXACT")
m = c.main_of("cas-coded-divided")
c.count("cas-coded-divided: six killed 'divided equally across three "
        "events' = 2", m, "killed", 2, "APPROXIMATE")

incs = c.of("cas-kill-verbs")
c.check("cas-kill-verbs: 'neutralised', 'gunned down' and 'beheading' are "
        "killings (3 + 2, then 4)",
        sorted((i.get("casualties", {}).get("killed") or {}).get("best") or 0
               for i in incs) == [4, 5],
        f"got {[(i.get('casualties', {}).get('killed') or {}).get('best') for i in incs]}")

m = c.main_of("cas-more-than")
c.count("cas-more-than: 'Four protesters were killed' in the next sentence",
        m, "killed", 4, "EXACT")
c.count("cas-more-than: 'and more than 60 wounded' = AT_LEAST 60", m,
        "injured", 60, "AT_LEAST")

c.count("cas-passer-by: 'wounding a passer-by' = 1 injured",
        c.main_of("cas-passer-by"), "injured", 1, "EXACT")

m = c.main_of("cas-missing-followup")
c.count("cas-missing-followup: 'Fifteen villagers were missing' in the next "
        "sentence = 15 missing", m, "missing", 15, "EXACT")

m = c.main_of("cas-no-number")
c.count("cas-no-number: 'several' killed has no number (NONZERO_UNKNOWN)",
        m, "killed", None, "NONZERO_UNKNOWN")
c.check("cas-no-number: 'No one was injured' gives no positive count",
        not ((m or {}).get("casualties", {}).get("injured") or {}).get("best"),
        f"got {(m or {}).get('casualties', {}).get('injured')!r}")

# the attacker among the dead: killed counts everyone (GTD's nkill),
# killed_perpetrators the attackers, and a total that already holds them
# is not added to again
m = c.main_of("cas-bomber-partner")
c.count("cas-bomber-partner: 'The bomber and four soldiers' killed = 5", m,
        "killed", 5, "EXACT")
c.count("cas-bomber-partner: the bomber in killed_perpetrators", m,
        "killed_perpetrators", 1, "EXACT")
c.expect("cas-bomber-partner: four victims", victims(m), 4)

m = c.main_of("cas-police-shot-attacker")
c.count("cas-police-shot-attacker: 'Four people, including the attacker' "
        "= 4, not 5", m, "killed", 4, "EXACT")
c.count("cas-police-shot-attacker: the one police shot is the attacker", m,
        "killed_perpetrators", 1, "EXACT")
c.count("cas-police-shot-attacker: 11 others wounded", m, "injured", 11,
        "EXACT")
c.check("cas-police-shot-attacker: one incident",
        len([i for i in c.of("cas-police-shot-attacker")
             if i.get("role") == "MAIN_EVENT"]) == 1)

m = c.main_of("cas-self-too")
c.count("cas-self-too: six congregants 'in addition to herself' = 7", m,
        "killed", 7, "EXACT")

m = c.main_of("cas-among-dead")
c.count("cas-among-dead: gunmen 'among the dead' are inside the 19", m,
        "killed", 19, "AT_LEAST")
c.count("cas-among-dead: three gunmen apart", m, "killed_perpetrators", 3,
        "EXACT")

m = c.main_of("cas-hacked-or-shot")
c.count("cas-hacked-or-shot: 'hacked or shot to death' = 12", m, "killed",
        12, "EXACT")
c.count("cas-hacked-or-shot: 'slightly injured' constables = 3", m,
        "injured", 3, "EXACT")

m = c.main_of("cas-companion")
c.count("cas-companion: a principal 'and his wife' = 2", m, "killed", 2,
        "EXACT")

m = c.main_of("cas-limb")
c.count("cas-limb: shot 'in the legs' = 1 injured", m, "injured", 1,
        "EXACT")
c.check("cas-limb: no one killed",
        not ((m or {}).get("casualties", {}).get("killed") or {}).get("best"))

# "across the city" is a place; "across the three attacks" a series' toll
m = c.main_of("cas-across-place")
c.count("cas-across-place: 'killed across the city' = 31", m, "killed", 31,
        "AT_LEAST")
m = c.main_of("cas-across-series")
c.count("cas-across-series: 40 across three attacks, an equal share", m,
        "killed", 13, "APPROXIMATE")

# lists and companions: one total
m = c.main_of("cas-list-total")
c.count("cas-list-total: 'Three soldiers, a driver and two traders' = 6", m,
        "killed", 6, "EXACT")
c.count("cas-list-total: five others wounded", m, "injured", 5, "EXACT")
m = c.main_of("cas-self-and-others")
c.count("cas-self-and-others: 'killing himself and eleven guests' = 12", m,
        "killed", 12, "EXACT")
c.count("cas-self-and-others: the bomber apart", m, "killed_perpetrators", 1,
        "EXACT")
m = c.main_of("cas-kin-count")
c.count("cas-kin-count: 'a farmer and his two sons' = 3", m, "killed", 3,
        "EXACT")

# one more, callings by their ending, people named one by one, wounds a
# verb carries, a count before an active verb, a protest's cause
m = c.main_of("cas-one-more")
c.count("cas-one-more: 'killing one rubber tapper' = 1", m, "killed", 1,
        "EXACT")
c.count("cas-one-more: 'wounding another' = 1", m, "injured", 1, "EXACT")
m = c.main_of("cas-people-named")
c.count("cas-people-named: 'The clerk and his driver died' = 2", m,
        "killed", 2, "EXACT")
c.count("cas-people-named: 'a passer-by suffered burns' = 1", m, "injured",
        1, "EXACT")
m = c.main_of("cas-calling")
c.count("cas-calling: 'Three gunmen shot dead a tailor' = 1, not 3", m,
        "killed", 1, "EXACT")
c.count("cas-calling: 'wounded a second man' = 1", m, "injured", 1, "EXACT")
m = c.main_of("cas-limb-hyphen")
c.count("cas-limb-hyphen: 'shot a 35-year-old builder in both legs' = 1",
        m, "injured", 1, "EXACT")
m = c.main_of("cas-protest-cause")
c.expect("cas-protest-cause: the driver shot before the riot is not its "
         "toll", ((m or {}).get("casualties") or {}).get("killed"), None)

# a later count that adds ("two more"), one toll told twice, and a
# second attack's "killing 9 more" that stays its own
m = c.main_of("cas-two-more")
c.count("cas-two-more: a guard stabbed + 'Two more officers were injured' "
        "= 3", m, "injured", 3, "EXACT")
c.count("cas-two-more: the attacker shot dead = 1", m, "killed", 1, "EXACT")
m = c.main_of("cas-told-twice")
c.count("cas-told-twice: 'five passengers were killed ... The five victims' "
        "= 5, not 10", m, "killed", 5, "EXACT")
c.expect("cas-second-attack-more: the second bomber's '9 more' is its own "
         "incident", [(i["casualties"]["killed"] or {}).get("best")
                      for i in c.of("cas-second-attack-more")], [14, 9])

# a clause of its own that adds ("also died", "two other people"); a
# death by fire; a figure put on a toll told loosely
for art, why, best in [
        ("cas-also-died", "two officers + 'A passer-by also died'", 3),
        ("cas-other-people", "the governor + 'Two other people died'", 3),
        ("cas-burned-alive", "'Both men were burned alive'", 2),
        ("cas-figure-put", "accounts between 6 and 20, 'put the figure "
         "at 13'", 13)]:
    c.count(f"{art}: {why} = {best}", c.main_of(art), "killed", best,
            "EXACT")

for art in c.articles:
    c.evidence(art)
sys.exit(c.finish())
