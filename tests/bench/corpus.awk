# corpus.awk - generated news articles for the extraction benchmark.
#
#   awk -v n=2000 [-v seed=1] -f tests/bench/corpus.awk > corpus.jsonl
#
# Prints n JSON lines (contract 3.1) of about 3 KB each, shaped like wire
# copy about political violence: a lead paragraph on the main incident,
# details and a claim or none, sometimes a second or third incident,
# earlier incidents and cumulative tolls as background, and paragraphs of
# context (politics, aid, economy) with no incident at all. One article in
# eight repeats a paragraph, as scraped pages do, so dedup has work.
# Every sentence is written for the project; names of places and groups
# are real so that the gazetteer and the actor dictionary are exercised.
# The generator is its own Park-Miller random source (exact in double
# precision), so every awk prints the same corpus for the same seed.

function rnd(k) {
    state = (state * 16807) % 2147483647
    return int(state / 2147483647 * k)
}
function pick(list,    parts, m) {
    m = split(list, parts, "|")
    return parts[rnd(m) + 1]
}
function count_text(    v) {
    v = rnd(10)
    if (v < 3) return pick("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty")
    if (v < 4) return pick("dozens of|a dozen|several|at least a dozen|more than a dozen")
    if (v < 7) return "at least " (2 + rnd(40))
    return 2 + rnd(60)
}
function fill(s) {
    gsub(/\{TOWN\}/, town, s)
    gsub(/\{TOWN2\}/, town2, s)
    gsub(/\{TOWN3\}/, town3, s)
    gsub(/\{REGION\}/, region, s)
    gsub(/\{COUNTRY\}/, country, s)
    gsub(/\{CAPITAL\}/, capital, s)
    gsub(/\{DEMONYM\}/, demonym, s)
    gsub(/\{GROUP\}/, group, s)
    gsub(/\{GROUP2\}/, group2, s)
    gsub(/\{DAY\}/, pick("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"), s)
    gsub(/\{MONTH\}/, pick("January|February|March|April|May|June|July|August|September|October|November|December"), s)
    gsub(/\{YEAR\}/, 2009 + rnd(10), s)
    while (index(s, "{N}") > 0) sub(/\{N\}/, count_text(), s)
    while (index(s, "{M}") > 0) sub(/\{M\}/, 2 + rnd(30), s)
    gsub(/\{BIG\}/, (2 + rnd(30)) * 100, s)
    gsub(/\{VICT\}/, pick("civilians|villagers|people|soldiers|farmers|worshippers|passengers|traders|policemen|students"), s)
    gsub(/\{TARGET\}/, pick("a military post|a market|a mosque|a church|a police station|a village|a checkpoint|a convoy|a school|a camp for displaced people"), s)
    gsub(/\{PERP\}/, pick("gunmen|suspected jihadists|armed men on motorbikes|militants|unidentified attackers|suspected " group " fighters"), s)
    gsub(/\{SOURCE\}/, pick("local officials|the army|police|a security source|the regional governor|residents|a hospital official|the interior ministry"), s)
    return s
}
function cap(s) {
    return toupper(substr(s, 1, 1)) substr(s, 2)
}
function para(list,    parts, m) {
    m = split(list, parts, "\t")
    return cap(fill(parts[rnd(m) + 1]))
}
# Context paragraphs in a random order without repeats (a repeat would be
# a duplicate for dedup to drop, which the article does not intend).
function shuffle_context(    i, j, t) {
    nctx = split(context, ctx, "\t")
    for (i = nctx; i > 1; i--) {
        j = rnd(i) + 1
        t = ctx[i]; ctx[i] = ctx[j]; ctx[j] = t
    }
    next_ctx = 0
}
function context_para() {
    return cap(fill(ctx[++next_ctx]))
}
function json_line(id, date, body) {
    gsub(/\\/, "\\\\", body)
    gsub(/"/, "\\\"", body)
    gsub(/\n/, "\\n", body)
    printf "{\"id\": \"bench-%d\", \"source\": \"bench\", \"published_at\": \"%s\", \"language\": \"en\", \"body\": \"%s\"}\n", id, date, body
}

BEGIN {
    if (n == "") n = 2000
    state = seed == "" ? 20240611 : seed + 0
    # country | demonym | capital | region | towns | groups
    nc = split("Nigeria|Nigerian|Abuja|Borno State|Maiduguri,Konduga,Bama,Gwoza,Damboa,Monguno|Boko Haram,Islamic State West Africa Province\n" \
        "Niger|Nigerien|Niamey|Tillabéri region|Ayorou,Téra,Ouallam,Filingue,Banibangou,Abala|Islamic State in the Greater Sahara,Jama'at Nusrat al-Islam wal-Muslimin\n" \
        "Mali|Malian|Bamako|Mopti region|Mopti,Djenné,Bandiagara,Douentza,Sevare,Tenenkou|Jama'at Nusrat al-Islam wal-Muslimin,Katiba Macina\n" \
        "Burkina Faso|Burkinabe|Ouagadougou|Sahel region|Djibo,Dori,Arbinda,Gorom-Gorom,Sebba,Kaya|Ansarul Islam,Islamic State in the Greater Sahara\n" \
        "Somalia|Somali|Mogadishu|Lower Shabelle|Afgoye,Marka,Baidoa,Beledweyne,Kismayo,Wanlaweyn|al-Shabaab,Islamic State Somalia Province\n" \
        "Kenya|Kenyan|Nairobi|Mandera county|Mandera,Garissa,Lamu,Wajir,Elwak,Mpeketoni|al-Shabaab,al-Shabaab\n" \
        "Afghanistan|Afghan|Kabul|Nangarhar province|Jalalabad,Kandahar,Kunduz,Ghazni,Herat,Khost|Taliban,Islamic State Khorasan Province\n" \
        "Iraq|Iraqi|Baghdad|Diyala province|Baqubah,Kirkuk,Tikrit,Samarra,Mosul,Ramadi|Islamic State,Kataib Hezbollah\n" \
        "Democratic Republic of the Congo|Congolese|Kinshasa|North Kivu|Beni,Butembo,Oicha,Goma,Rutshuru,Bunia|Allied Democratic Forces,M23\n" \
        "Mozambique|Mozambican|Maputo|Cabo Delgado|Palma,Pemba,Macomia,Muidumbe,Montepuez,Quissanga|Ansar al-Sunna,Islamic State\n" \
        "Pakistan|Pakistani|Islamabad|Balochistan|Quetta,Turbat,Gwadar,Khuzdar,Sibi,Panjgur|Baloch Liberation Army,Tehrik-i-Taliban Pakistan\n" \
        "Philippines|Filipino|Manila|Sulu province|Jolo,Patikul,Indanan,Cotabato,Marawi,Zamboanga|Abu Sayyaf,New People's Army", rows, "\n")
    for (i = 1; i <= nc; i++) {
        split(rows[i], f, "|")
        C[i] = f[1]; D[i] = f[2]; K[i] = f[3]; R[i] = f[4]; T[i] = f[5]; G[i] = f[6]
    }

    lead = "{PERP} attacked {TARGET} in {TOWN}, {REGION}, on {DAY}, killing {N} {VICT} and wounding {M} others, {SOURCE} said.\t" \
        "At least {N} {VICT} were killed when {PERP} opened fire on {TARGET} near {TOWN} on {DAY} night, {SOURCE} said. The attackers fled before troops arrived.\t" \
        "A roadside bomb struck an army convoy near {TOWN} in {COUNTRY}'s {REGION} on {DAY}, killing {N} soldiers and injuring {M} others, the army said in a statement.\t" \
        "Fighters of {GROUP} abducted {N} {VICT} from a village near {TOWN} on {DAY}, local officials said. The kidnappers took their captives towards the forest.\t" \
        "Suspected {GROUP} militants stormed {TARGET} in {TOWN} late on {DAY}, killing {N} people and setting fire to several buildings, {SOURCE} told reporters.\t" \
        "A suicide bomber blew himself up at {TARGET} in {TOWN} on {DAY}, killing {N} people and wounding {M}, police said.\t" \
        "{DEMONYM} troops clashed with {GROUP} fighters near {TOWN} on {DAY}. The defence ministry said {N} assailants were killed and {M} soldiers were wounded in the fighting.\t" \
        "Hundreds of protesters marched through {TOWN} on {DAY} to denounce the killing of {N} {VICT} in the region. Police fired tear gas and arrested {M} people."
    detail = "{GROUP} claimed responsibility for the attack in a statement posted on its social media channels, without giving evidence.\t" \
        "No group has claimed responsibility, but {GROUP} has carried out similar attacks in the area in recent months.\t" \
        "The wounded were taken to the regional hospital in {TOWN2}, a medical source said. Several of them were in critical condition.\t" \
        "Witnesses said the attackers arrived on motorbikes shortly before dawn and set fire to shops and houses before leaving.\t" \
        "The army said reinforcements had been sent to the area and that a search operation was under way to find the attackers.\t" \
        "Authorities blamed {GROUP} for the attack. The group has not commented, and a spokesman could not be reached."
    second = "In a separate incident on {DAY}, gunmen killed {N} {VICT} near {TOWN3}, residents said.\t" \
        "Elsewhere in {REGION}, a bomb hidden in a motorcycle exploded at a checkpoint in {TOWN3} on {DAY}, wounding {N} policemen.\t" \
        "On the same day, {GROUP2} fighters ambushed a patrol near {TOWN3}, the army said, adding that {N} soldiers were missing.\t" \
        "Separately, police said they had arrested {N} suspects in {TOWN2} on {DAY} in connection with a plot to attack a church."
    background = "In {MONTH}, {N} soldiers died in an attack on a military base in {TOWN3}.\t" \
        "Last month, {GROUP} fighters killed {N} {VICT} in an ambush near {TOWN3}, one of the deadliest attacks of the year.\t" \
        "More than {BIG} people have been killed and hundreds of thousands displaced since {YEAR} in the violence in {COUNTRY}.\t" \
        "Earlier this year, a car bomb in {TOWN2} killed {N} people at a busy market.\t" \
        "The region has been beset by attacks by jihadist groups for years; in {MONTH} {YEAR} {GROUP} overran an army base at {TOWN3}."
    context = "“We heard gunshots all night and nobody came to help us,” a resident of {TOWN2} told reporters by telephone. “Many families have already left.”\t" \
        "The attack came days before a visit by the defence minister, who was due to meet army commanders in {CAPITAL} and inspect units deployed in {REGION}.\t" \
        "The country’s economy depends heavily on farming and herding, and the insecurity has cut off markets that once drew buyers from neighbouring countries.\t" \
        "Opposition lawmakers said the government had failed to protect rural communities and called on the prime minister to appear before parliament.\t" \
        "The army has recruited thousands of volunteers in recent years to support its operations — a strategy that rights groups say has fuelled reprisals.\t" \
        "Aid workers said access to several districts had become almost impossible, and that convoys carrying food had been turned back at checkpoints.\t" \
        "Prices of fuel rose again this week, adding to the pressure on households already hit by the loss of harvests and livestock.\t" \
        "The government has declared has declared a state of emergency in {REGION} and banned the use of motorcycles, which armed groups often use to move between villages.\t" \
        "The United Nations says more than two million people have fled their homes in the region, and aid agencies warn of food shortages before the lean season.\t" \
        "{COUNTRY}'s president has promised to restore security, but critics say the army lacks equipment, training and air support.\t" \
        "Foreign partners have trained local troops and shared intelligence, but several governments have scaled back their presence after disagreements with the authorities in {CAPITAL}.\t" \
        "Analysts say the groups exploit local grievances over land, water and the absence of the state to recruit young men in rural districts.\t" \
        "Schools in the area have been closed since the start of the year, and several health centres have stopped working for lack of staff and supplies.\t" \
        "Parliament is due to vote next week on a budget that raises defence spending by 15 percent, the finance minister said on state television.\t" \
        "Regional leaders will hold a summit in {CAPITAL} next month to discuss security cooperation and the return of refugees.\t" \
        "Farmers said they could no longer reach their fields, and the price of grain in local markets has doubled since the rainy season.\t" \
        "Telephone networks in parts of {REGION} have been cut for weeks, which makes it difficult to verify information from the area.\t" \
        "The interior ministry said in a statement that the security situation was under control and asked residents to remain calm and cooperate with the forces.\t" \
        "Human rights groups have accused both the armed groups and the security forces of abuses against civilians, and called for independent investigations.\t" \
        "Trade along the main road to {TOWN2} has slowed sharply, traders said, because convoys now need military escorts and the journey takes days."

    for (a = 0; a < n; a++) {
        c = rnd(nc) + 1
        country = C[c]; demonym = D[c]; capital = K[c]; region = R[c]
        nt = split(T[c], towns, ",")
        town = towns[rnd(nt) + 1]; town2 = towns[rnd(nt) + 1]; town3 = towns[rnd(nt) + 1]
        split(G[c], groups, ",")
        group = groups[rnd(2) + 1]; group2 = groups[rnd(2) + 1]
        date = sprintf("%04d-%02d-%02d", 2018 + rnd(6), 1 + rnd(12), 1 + rnd(28))

        shuffle_context()
        np = 0
        P[++np] = para(lead)
        P[++np] = para(detail)
        P[++np] = context_para()
        if (rnd(2) == 0) P[++np] = para(second)
        if (rnd(5) == 0) P[++np] = para(second)
        P[++np] = para(background)
        if (rnd(2) == 0) P[++np] = para(background)
        body = P[1]
        for (i = 2; i <= np; i++) body = body "\n\n" P[i]
        # context until the article is about 3 KB
        while (length(body) < 2900 && next_ctx < nctx) body = body "\n\n" context_para()
        if (rnd(8) == 0) body = body "\n\n" P[2]
        json_line(a, date, body)
    }
}
