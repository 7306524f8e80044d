"""Places: the incident's own location (not any place of the article);
country from context ("the country", demonyms, "X, Niger"); a homonym
resolved by prominence and context; an unknown village keeps its name and
falls back to the container it can prove. See golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("places", sys.argv)


def loc(art):
    m = c.main_of(art)
    return m and (m["location"]["name"], m["location"]["country_code"],
                  m["location"]["precision"])


c.expect("place-own-location: Kajuru, not the hospital's Kaduna or the "
         "governor's Abuja", loc("place-own-location"), ("Kajuru", "NG",
                                                         "TOWN"))
c.expect("place-country-context: 'the country' = Burkina Faso",
         loc("place-country-context"), ("Burkina Faso", "BF", "COUNTRY"))
c.field("place-demonym: 'Nigerien soldiers' -> NE",
        c.main_of("place-demonym"), "location.country_code", "NE")
c.expect("place-comma-country: 'Diffa, Niger' -> Diffa NE TOWN",
         loc("place-comma-country"), ("Diffa", "NE", "TOWN"))
m = c.main_of("place-unknown-village")
c.field("place-unknown-village: keeps the name Kounkoungou", m,
        "location.name", "Kounkoungou")
c.field("place-unknown-village: country NE", m, "location.country_code", "NE")
c.field("place-unknown-village: falls back to ADMIN1 (Tillabéri region "
        "named)", m, "location.precision", "ADMIN1")
c.check("place-unknown-village: no invented town coordinates",
        m is not None and m["location"]["precision"] != "TOWN",
        f"got {m and m['location']['precision']!r}")
c.field("place-homonym-jalalabad: Jalalabad with the Taliban -> AF",
        c.main_of("place-homonym-jalalabad"), "location.country_code", "AF")
c.field("place-homonym-beni: Beni with ADF rebels -> CD",
        c.main_of("place-homonym-beni"), "location.country_code", "CD")
m = c.main_of("place-attacker-demonym")
c.field("place-attacker-demonym: a 'Turkish drone' strike near Qamishli is "
        "in SY", m, "location.country_code", "SY")
c.field("place-attacker-demonym: location Qamishli", m, "location.name",
        "Qamishli")
m = c.main_of("place-multiword")
c.field("place-multiword: 'Ras al-Ain' is one name, in SY", m,
        "location.country_code", "SY")
c.field("place-group-home: a Pakistani group and an unknown village, no "
        "country named -> PK", c.main_of("place-group-home"),
        "location.country_code", "PK")
m = c.main_of("place-group-home-namesake")
c.field("place-group-home-namesake: 'TTP' in Tirah is in PK, not a "
        "namesake abroad", m, "location.country_code", "PK")
for art, name, cc in [
        ("place-town-noun", "Kankara", "NG"),
        ("place-bracket-chain", "Desē", "ET"),
        ("place-hinterlands", "Maimbung", "PH"),
        ("place-rural", "Saravena", "CO"),
        ("place-chain-unknown", "Buldon", "PH"),
        ("place-local-admin1", "Puente Alto", "CL")]:
    m = c.main_of(art)
    c.expect(f"{art}: the town named is the place ({name}, {cc}, TOWN)",
             ((m or {}).get("location", {}).get("name"),
              (m or {}).get("location", {}).get("country_code"),
              (m or {}).get("location", {}).get("precision")),
             (name, cc, "TOWN"))
m = c.main_of("place-seat-region")
c.field("place-seat-region: 'Pichari, Cusco, Peru' is Pichari: Cusco names "
        "its region", m, "location.name", "Pichari")
m = c.main_of("place-border-near")
c.field("place-border-near: 'the Shambhu border near Ambala' is by Ambala", m,
        "location.country_code", "IN")
c.check("place-border-near: located near the town, not the country",
        m is not None and m["location"]["precision"] in ("NEAR_TOWN", "TOWN"),
        f"got {m and m['location']['precision']!r}")
c.field("place-town-not-district: 'Mannar town' is in Sri Lanka, not a "
        "district of that name abroad", c.main_of("place-town-not-district"),
        "location.country_code", "LK")
c.expect("place-coded-note: 'Coordinates are for Birendranagar' places an "
         "incident whose own village the gazetteer lacks",
         loc("place-coded-note"), ("Birendranagar", "NP", "TOWN"))
c.expect("place-route-end: 'the Damboa-Biu road just outside Konduga town' "
         "is by Konduga, not at a route's end",
         loc("place-route-end"), ("Konduga", "NG", "NEAR_TOWN"))
c.expect("place-named-namesake: Tripoli beside 'the Lebanese pound' is the "
         "Lebanese one", loc("place-named-namesake"), ("Tripoli", "LB", "TOWN"))
c.field("place-chain-foreign-region: Nowshera in a bracket ending in Jammu "
        "and Kashmir is in India", c.main_of("place-chain-foreign-region"),
        "location.country_code", "IN")
c.expect("place-destination-country: buses back to Venezuela do not move a "
         "Medellin clash abroad", loc("place-destination-country"),
         ("Medellín", "CO", "TOWN"))
c.expect("place-compass-zone: 'Werota town (South Gondar, Amhara)' is Werota: "
         "a zone named for a compass point and a bigger town holds it",
         loc("place-compass-zone"), ("Werota", "ET", "TOWN"))
c.expect("place-fired-from-across: shells fired 'from across the Kakhovka "
         "reservoir' landed in Marhanets", loc("place-fired-from-across"),
         ("Marhanets", "UA", "TOWN"))
c.expect("place-road-named-elsewhere: 'Kohat Road in Peshawar' is in "
         "Peshawar", loc("place-road-named-elsewhere"),
         ("Peshawar", "PK", "TOWN"))
c.field("place-kebele-of-woreda: 'a kebele of Nejo woreda' is by Nejo",
        c.main_of("place-kebele-of-woreda"), "location.name", "Nejo")
for art in c.articles:
    c.evidence(art)
sys.exit(c.finish())
