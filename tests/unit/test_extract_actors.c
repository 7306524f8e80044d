/* test_extract_actors.c - the actor dictionary, matching, claims. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actors.h"
#include "check.h"
#include "claims.h"
#include "extract_fixture.h"

static char *write_temp(const char *content)
{
    char *path = strdup("/tmp/sitrep-test-actors-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");

    fputs(content, f);
    fclose(f);
    return path;
}

static const char dict[] =
    "# test dictionary\n"
    "Islamic State\tREBEL_ISLAMIST\tISIS|ISIL|IS|Daesh\n"
    "Islamic State in the Greater Sahara\tREBEL_ISLAMIST\tISGS\n"
    "Al-Shabaab\tREBEL_ISLAMIST\tal-Shabab|al Shabaab\tSO|KE\n"
    "Lashkar-e-Taiba\tREBEL_ISLAMIST\tLeT\t\n"
    "Coastal Front (CF)\tREBEL\t\n"
    "Animal Liberation Front (ALF)\tEXTREMIST\tALF\n"
    "Jihadi-inspired extremists\tEXTREMIST\tjihadi-inspired|"
    "jihadist-inspired\n"
    "Incel extremists\tEXTREMIST\tincel|incels\n"
    "Military Forces of {country}\tSTATE_FORCES\t{demonym} soldiers\n";

static sr_actordict_t *load(void)
{
    char *path = write_temp(dict);
    char err[256] = "";
    sr_actordict_t *ad = sr_actordict_load(path, err, sizeof(err));

    CHECK(ad != NULL);
    CHECK_STR_EQ(err, "");
    unlink(path);
    free(path);
    return ad;
}

static size_t find(const sr_actordict_t *ad, const char *text,
                   sr_actor_hit_t *h, size_t max, sr_doc_t *doc)
{
    fixture_doc(doc, text, 2020, 5, 2);
    return sr_actors_find(ad, NULL, doc, 0, doc->ntok, h, max);
}

static void test_load_and_errors(void)
{
    sr_actordict_t *ad = load();
    char *bad = write_temp("Good\tMILITIA\tgood guys\nno tabs here\n");
    char err[256] = "";

    CHECK_INT_EQ(sr_actordict_count(ad), 9);
    sr_actordict_destroy(ad);
    CHECK(sr_actordict_load(bad, err, sizeof(err)) == NULL);
    CHECK(strstr(err, ":2: expected 3 or 4 tab-separated columns") != NULL);
    unlink(bad);
    free(bad);
    /* home countries are alpha-2 codes the ISO table knows, '|' between */
    static const char *const bad_homes[] = {"so|KE", "SO,KE", "SOM", "XX",
                                            "SO|", "SO|KE|NG|NE|TD|CM|ML|BF|DZ"};
    for (size_t i = 0; i < sizeof(bad_homes) / sizeof(bad_homes[0]); i++) {
        char line[128];

        snprintf(line, sizeof(line), "G\tREBEL\tg\t%s\n", bad_homes[i]);
        bad = write_temp(line);
        CHECK(sr_actordict_load(bad, err, sizeof(err)) == NULL);
        CHECK(strstr(err, ":1: home countries must be ISO 3166 alpha-2") !=
              NULL);
        unlink(bad);
        free(bad);
    }
    bad = write_temp("x\n");
    CHECK(sr_actordict_load("/nonexistent/actors.tsv", err, sizeof(err)) ==
          NULL);
    CHECK(strstr(err, "/nonexistent/actors.tsv") != NULL);
    unlink(bad);
    free(bad);
    sr_actordict_destroy(NULL);
}

static void test_aliases(void)
{
    sr_actordict_t *ad = load();
    sr_doc_t doc;
    sr_actor_hit_t h[8];
    char buf[256];
    size_t n;

    sr_doc_init(&doc);
    n = find(ad, "ISIS claimed it. The IS group and Daesh, but this is it.",
             h, 8, &doc);
    CHECK_INT_EQ(n, 3); /* "is" in lower case is not IS */
    CHECK_STR_EQ(h[0].canonical, "Islamic State");
    CHECK_STR_EQ(h[1].canonical, "Islamic State");
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf), "IS");
    CHECK_STR_EQ(h[2].canonical, "Islamic State");
    CHECK_STR_EQ(h[0].type, "REBEL_ISLAMIST");

    /* the longest alias wins; hyphens and spaces alike */
    n = find(ad, "the Islamic State in the Greater Sahara and al Shabab "
                 "militants, Al-Shabaab",
             h, 8, &doc);
    CHECK_INT_EQ(n, 3);
    CHECK_STR_EQ(h[0].canonical, "Islamic State in the Greater Sahara");
    CHECK_STR_EQ(h[1].canonical, "Al-Shabaab");
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf),
                 "al Shabab militants");
    CHECK_STR_EQ(h[2].canonical, "Al-Shabaab");
    /* a row's home countries ride on its hits; none on the others */
    CHECK_INT_EQ(h[1].nhome, 2);
    if (h[1].nhome == 2) {
        CHECK_STR_EQ(h[1].home[0], "SO");
        CHECK_STR_EQ(h[1].home[1], "KE");
    }
    CHECK(sr_actor_home_has(&h[1], "KE") && !sr_actor_home_has(&h[1], "ET"));
    CHECK_INT_EQ(h[0].nhome, 0);

    /* inner capitals match only as written */
    n = find(ad, "let them go, said LeT", h, 8, &doc);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(h[0].canonical, "Lashkar-e-Taiba");
    CHECK_INT_EQ(h[0].nhome, 0); /* an empty fourth column is no home */
    /* without a gazetteer a template row matches nothing */
    n = find(ad, "Nigerien soldiers", h, 8, &doc);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_GENERIC_TARGET);
    fixture_done(&doc);
    sr_actordict_destroy(ad);
}

static void test_generic(void)
{
    sr_doc_t doc;
    sr_actor_hit_t h[8];
    char buf[256];
    size_t n;

    sr_doc_init(&doc);
    n = find(NULL, "Several hundred heavily armed militants ambushed "
                   "soldiers and villagers.",
             h, 8, &doc);
    CHECK_INT_EQ(n, 3);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_GENERIC_PERP);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf),
                 "heavily armed militants");
    CHECK_INT_EQ(h[1].kind, SR_ACTOR_GENERIC_TARGET);
    CHECK(h[1].security);
    CHECK_INT_EQ(h[2].kind, SR_ACTOR_GENERIC_TARGET);
    CHECK(!h[2].security);
    CHECK_STR_EQ(h[0].canonical, "Unidentified Armed Group");
    CHECK_STR_EQ(h[1].canonical, "");
    /* ACLED's names for the unnamed, GTD's ideology labels */
    n = find(NULL, "Unidentified armed men and a gang raided it; an "
                   "anti-Muslim extremist and Palestinian extremists were "
                   "held, then government troops fired.",
             h, 8, &doc);
    CHECK_INT_EQ(n, 5);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_GENERIC_PERP);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf),
                 "Unidentified armed men");
    CHECK_STR_EQ(h[0].canonical, "Unidentified Armed Group");
    CHECK_STR_EQ(h[1].canonical, "Unidentified Gang");
    CHECK_STR_EQ(h[2].canonical, "Anti-Muslim extremists");
    CHECK_STR_EQ(h[3].canonical, "Palestinian extremists");
    CHECK_INT_EQ(h[4].kind, SR_ACTOR_GENERIC_TARGET);
    CHECK(h[4].security);
    CHECK_STR_EQ(fixture_span(&doc, h[4].tb, h[4].te, buf),
                 "government troops");
    /* the state's unnamed shooters; clans */
    n = find(NULL, "A regime sniper fired during inter-clan clashes.", h, 8,
             &doc);
    CHECK_INT_EQ(n, 2);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_GENERIC_TARGET);
    CHECK(h[0].security);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf), "regime sniper");
    CHECK_INT_EQ(h[1].kind, SR_ACTOR_GENERIC_PERP);
    CHECK_STR_EQ(h[1].canonical, "Unidentified Clan Militia");
    /* ethnic militias; labels that need their qualifier */
    n = find(NULL, "Kanuri ethnic individuals, Hema militiamen, Israeli "
                   "settlers and an Iran-backed militia; the settlers.",
             h, 8, &doc);
    CHECK_INT_EQ(n, 4);
    CHECK_STR_EQ(h[0].canonical, "Kanuri Ethnic Militia");
    CHECK_STR_EQ(h[0].type, "MILITIA");
    CHECK_STR_EQ(h[1].canonical, "Hema Ethnic Militia");
    CHECK_STR_EQ(h[2].canonical, "Israeli settlers");
    CHECK_STR_EQ(h[3].canonical, "Iran-backed militia");
    CHECK_STR_EQ(fixture_span(&doc, h[3].tb, h[3].te, buf),
                 "Iran-backed militia");
    /* armed youth of a people, or of a section of it, are the people's
     * militia; unarmed, or of a state, they are not */
    n = find(NULL, "Then armed Lou Nuer youth and armed Murle men came.", h,
             8, &doc);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(h[0].canonical, "Nuer Ethnic Militia");
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf),
                 "Lou Nuer youth");
    CHECK_STR_EQ(h[1].canonical, "Murle Ethnic Militia");
    n = find(NULL, "Then Lou Nuer youth danced.", h, 8, &doc);
    for (size_t k = 0; k < n; k++) {
        CHECK(strstr(h[k].canonical, "Militia") == NULL);
    }
    /* the state's craft; a suicide bomber is no craft */
    n = find(NULL, "A military jet and regime drones; a suicide bomber.", h,
             8, &doc);
    CHECK_INT_EQ(n, 3);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_GENERIC_TARGET);
    CHECK(h[0].security);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf), "military jet");
    CHECK(h[1].security);
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf), "regime drones");
    CHECK_INT_EQ(h[2].kind, SR_ACTOR_GENERIC_PERP);
    /* clans: the first named side of a pair */
    n = find(NULL, "On Monday, Yakani and Tole clansmen fought the Paiela "
                   "clan.", h, 8,
             &doc);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(h[0].canonical, "Yakani Clan Militia");
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf),
                 "Yakani and Tole clansmen");
    CHECK_STR_EQ(h[1].canonical, "Paiela Clan Militia");
    /* the agent of a passive */
    n = find(NULL, "He was beaten by around three dozen people.", h, 8, &doc);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_GENERIC_PERP);
    CHECK_STR_EQ(h[0].canonical, "Unidentified Armed Group");
    CHECK_INT_EQ(find(NULL, "Three men were killed by the river.", h, 8,
                      &doc),
                 0);
    /* an adjective alone is no actor */
    CHECK_INT_EQ(find(NULL, "The unknown caller hung up.", h, 8, &doc), 0);
    fixture_done(&doc);
}

static int claim_of(const sr_actordict_t *ad, const char *text,
                    sr_claim_hit_t *c)
{
    sr_doc_t doc;
    sr_actor_hit_t h[8];
    size_t n;
    int found;

    sr_doc_init(&doc);
    n = find(ad, text, h, 8, &doc);
    found = sr_claim_find(&doc, 0, doc.ntok, h, n, c);
    if (found && c->actor >= 0) {
        CHECK_STR_EQ(h[c->actor].canonical, "Islamic State");
    }
    fixture_done(&doc);
    return found;
}

static void test_claims(void)
{
    sr_actordict_t *ad = load();
    sr_claim_hit_t c;

    CHECK(claim_of(ad, "ISIS claimed on social media that it seized the "
                       "base.",
                   &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_CLAIMED);
    CHECK(c.actor >= 0);
    CHECK(claim_of(ad, "Responsibility was claimed by Daesh.", &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_CLAIMED);
    CHECK(claim_of(ad, "No group has claimed responsibility.", &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_NOT_CLAIMED);
    CHECK(claim_of(ad, "The attack has not been claimed.", &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_NOT_CLAIMED);
    CHECK(claim_of(ad, "ISIS denied involvement.", &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_DENIED);
    CHECK(claim_of(ad, "Daesh took responsibility for the blast.", &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_CLAIMED);
    CHECK(c.actor >= 0);
    CHECK(claim_of(ad, "ISIS stated that it carried out the raid.", &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_CLAIMED);
    /* an admission is a claim; an admission of something else is not */
    CHECK(claim_of(ad, "Leaders of ISIS admitted their men had set off the "
                       "mine.",
                   &c));
    CHECK_INT_EQ(c.status, SR_CLAIM_CLAIMED);
    CHECK(c.actor >= 0);
    CHECK(!claim_of(ad, "ISIS admitted that it was weakened.", &c));
    CHECK(claim_of(ad, "A caller claiming to represent ISIS phoned.", &c));
    CHECK(c.actor >= 0);
    CHECK(!claim_of(ad, "A caller claiming to be a witness phoned.", &c));
    CHECK(claim_of(ad, "The group claimed responsibility.", &c));
    CHECK(c.pronoun);
    CHECK(!claim_of(ad, "They claimed there were burglaries.", &c));
    /* a toll, not a claim; a hedge leaves no claim of its own */
    CHECK(!claim_of(ad, "The blast claimed the lives of 20 people.", &c));
    CHECK(!claim_of(ad, "The terrorist group did not provide any evidence "
                        "to support its claim.",
                    &c));
    sr_actordict_destroy(ad);
}

static void test_shapes(void)
{
    sr_actordict_t *ad = load();
    sr_doc_t doc;
    sr_actor_hit_t h[8];
    char buf[256];
    size_t n;

    sr_doc_init(&doc);
    /* a canonical name's bracketed acronym is not needed in text */
    n = find(ad, "The Coastal Front fired.", h, 8, &doc);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(h[0].canonical, "Coastal Front (CF)");
    CHECK_STR_EQ(h[0].type, "REBEL");
    /* "Name (ACR)" is one actor; the dictionary's acronym names a shape */
    n = find(ad, "The Coastal Liberation Fron (ISGS) and the Coastal Front "
                 "(CF) fired.",
             h, 8, &doc);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(h[0].canonical, "Islamic State in the Greater Sahara");
    CHECK_STR_EQ(h[1].canonical, "Coastal Front (CF)");
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf),
                 "Coastal Front (CF)");
    /* a name the noun after it marks as a group's, one word or more */
    n = find(ad, "Police blamed the Rojas Vega criminal group and the Tigre "
                 "gang, not the criminal group of the port or the Rojas Vega "
                 "family.",
             h, 8, &doc);
    /* "Police" and the unnamed "criminal group" are generic; the family
     * is no group */
    CHECK_INT_EQ(n, 4);
    if (n == 4) {
        CHECK_STR_EQ(h[1].canonical, "Rojas Vega");
        CHECK_STR_EQ(h[1].type, "GROUP");
        CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf), "Rojas Vega");
        CHECK_STR_EQ(h[2].canonical, "Tigre");
        CHECK_INT_EQ(h[3].kind, SR_ACTOR_GENERIC_PERP);
    }
    /* names the dictionary does not know, by their shape */
    n = find(ad, "The Coastal Liberation Front claimed the raid.", h, 8,
             &doc);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(h[0].kind, SR_ACTOR_NAMED);
    CHECK_STR_EQ(h[0].canonical, "Coastal Liberation Front");
    CHECK_STR_EQ(h[0].type, "GROUP");
    n = find(ad, "Members of the Sons of the Valley Brigade and the Army of "
                 "the Northern Hills, then Jund al-Mahdi fired.",
             h, 8, &doc);
    CHECK_INT_EQ(n, 3);
    CHECK_STR_EQ(h[0].canonical, "Sons of the Valley Brigade");
    CHECK_STR_EQ(h[1].canonical, "Army of the Northern Hills");
    CHECK_STR_EQ(h[2].canonical, "Jund al-Mahdi");
    /* the dictionary's name wins inside a longer capitalised run */
    n = find(ad, "Eastern Command ISGS fighters fired.", h, 8, &doc);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(h[0].canonical, "Islamic State in the Greater Sahara");
    /* buildings, one word, a second actor after "and" */
    n = find(ad, "They hit the Air Force Base and the Police Station.", h, 8,
             &doc);
    for (size_t k = 0; k < n; k++) {
        CHECK(h[k].kind != SR_ACTOR_NAMED);
    }
    CHECK_INT_EQ(find(ad, "The Front said so.", h, 8, &doc), 0);
    n = find(ad, "Coalition Forces and Kurdish Police raided it.", h, 8,
             &doc);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(h[0].canonical, "Coalition Forces");
    CHECK_STR_EQ(h[1].type, "STATE_FORCES");
    fixture_done(&doc);
    sr_actordict_destroy(ad);
}

/* The canonical name blamed in text, "" when nobody; *cert gets the
 * certainty. */
static const char *blame_of(const sr_actordict_t *ad, const char *text,
                            sr_certainty_t *cert)
{
    static char who[160];
    sr_doc_t doc;
    sr_actor_hit_t h[8];
    sr_blame_hit_t b;
    size_t n;

    sr_doc_init(&doc);
    n = find(ad, text, h, 8, &doc);
    who[0] = '\0';
    if (sr_blame_find(&doc, 0, doc.ntok, h, n, &b)) {
        snprintf(who, sizeof(who), "%s", h[b.actor].canonical);
        *cert = b.cert;
        CHECK(b.tb < b.te);
    }
    fixture_done(&doc);
    return who;
}

static void test_blame(void)
{
    sr_actordict_t *ad = load();
    sr_certainty_t c = SR_CERT_UNKNOWN;

    CHECK_STR_EQ(blame_of(ad, "No group said it did it; however, officials "
                              "attributed the raid to al-Shabab.",
                          &c),
                 "Al-Shabaab");
    CHECK_INT_EQ(c, SR_CERT_BLAMED_BY_OTHER);
    CHECK_STR_EQ(blame_of(ad, "The blast was blamed on ISGS.", &c),
                 "Islamic State in the Greater Sahara");
    CHECK_INT_EQ(c, SR_CERT_BLAMED_BY_OTHER);
    CHECK_STR_EQ(blame_of(ad, "Analysts suspected the involvement of "
                              "Daesh.",
                          &c),
                 "Islamic State");
    CHECK_INT_EQ(c, SR_CERT_SUSPECTED);
    CHECK_STR_EQ(blame_of(ad, "ISGS is suspected.", &c),
                 "Islamic State in the Greater Sahara");
    CHECK_INT_EQ(c, SR_CERT_SUSPECTED);
    CHECK_STR_EQ(blame_of(ad, "The mine had been planted by LeT.", &c),
                 "Lashkar-e-Taiba");
    CHECK_INT_EQ(c, SR_CERT_CONFIRMED);
    CHECK_STR_EQ(blame_of(ad, "The two men were members of ISIS.", &c),
                 "Islamic State");
    CHECK_STR_EQ(blame_of(ad, "Al-Shabaab-linked fighters raided it.", &c),
                 "Al-Shabaab");
    /* a hedge: said, not shown */
    CHECK_STR_EQ(blame_of(ad, "The mayor blamed ISIS but did not provide "
                              "any evidence.",
                          &c),
                 "Islamic State");
    CHECK_INT_EQ(c, SR_CERT_BLAMED_BY_OTHER);
    CHECK_STR_EQ(blame_of(ad, "The raid was carried out by LeT, which "
                              "could not be independently verified.",
                          &c),
                 "Lashkar-e-Taiba");
    CHECK_INT_EQ(c, SR_CERT_SUSPECTED);
    CHECK_STR_EQ(blame_of(ad, "Officials said ISGS was responsible.", &c),
                 "Islamic State in the Greater Sahara");
    CHECK_INT_EQ(c, SR_CERT_BLAMED_BY_OTHER);
    CHECK_STR_EQ(blame_of(ad, "LeT is believed to be behind the raid.", &c),
                 "Lashkar-e-Taiba");
    CHECK_INT_EQ(c, SR_CERT_SUSPECTED);
    /* the attacker's own ties */
    CHECK_STR_EQ(blame_of(ad, "He was affiliated with LeT.", &c),
                 "Lashkar-e-Taiba");
    CHECK_INT_EQ(c, SR_CERT_CONFIRMED);
    CHECK_STR_EQ(blame_of(ad, "His notes espoused white supremacist views.",
                          &c),
                 "White supremacists");
    /* "X or Y": both */
    {
        sr_doc_t doc;
        sr_actor_hit_t h[8];
        sr_blame_hit_t b;
        size_t n;

        sr_doc_init(&doc);
        n = find(ad, "The mine was likely planted by ISGS or LeT fighters.",
                 h, 8, &doc);
        CHECK(sr_blame_find(&doc, 0, doc.ntok, h, n, &b));
        CHECK(b.actor >= 0 && b.also >= 0);
        if (b.actor >= 0 && b.also >= 0) {
            CHECK_STR_EQ(h[b.actor].canonical,
                         "Islamic State in the Greater Sahara");
            CHECK_STR_EQ(h[b.also].canonical, "Lashkar-e-Taiba");
        }
        CHECK_INT_EQ(b.cert, SR_CERT_SUSPECTED);
        fixture_done(&doc);
    }
    /* an ideology label can be blamed; "gunmen" cannot */
    CHECK_STR_EQ(blame_of(ad, "Police identified the attackers as "
                              "anti-government extremists.",
                          &c),
                 "Anti-government extremists");
    /* an actor's certainty from its sentence */
    {
        sr_doc_t doc;

        sr_doc_init(&doc);
        fixture_doc(&doc, "The army said LeT carried out the raid.", 2020, 5,
                    2);
        CHECK_INT_EQ(sr_claim_certainty(&doc, 0, doc.ntok,
                                        fixture_tok(&doc, "let"),
                                        SR_CERT_CONFIRMED),
                     SR_CERT_BLAMED_BY_OTHER);
        fixture_doc(&doc, "LeT raided it but gave no evidence.", 2020, 5, 2);
        CHECK_INT_EQ(sr_claim_certainty(&doc, 0, doc.ntok, 0,
                                        SR_CERT_CONFIRMED),
                     SR_CERT_SUSPECTED);
        fixture_doc(&doc, "LeT raided the camp.", 2020, 5, 2);
        CHECK_INT_EQ(sr_claim_certainty(&doc, 0, doc.ntok, 0,
                                        SR_CERT_CONFIRMED),
                     SR_CERT_CONFIRMED);
        fixture_done(&doc);
    }
    /* the group as the subject of a verdict, a demand or a threat */
    CHECK_STR_EQ(blame_of(ad, "LeT members were convicted of the raid.", &c),
                 "Lashkar-e-Taiba");
    CHECK_INT_EQ(c, SR_CERT_BLAMED_BY_OTHER);
    CHECK_STR_EQ(blame_of(ad, "The ISGS led by its emir Abu Walid was "
                              "blamed.",
                          &c),
                 "Islamic State in the Greater Sahara");
    CHECK_STR_EQ(blame_of(ad, "Al-Shabaab demanded the release of its "
                              "jailed men.",
                          &c),
                 "Al-Shabaab");
    CHECK_INT_EQ(c, SR_CERT_CONFIRMED);
    CHECK_STR_EQ(blame_of(ad, "LeT threatened to kill the hostages.", &c),
                 "Lashkar-e-Taiba");
    CHECK_STR_EQ(blame_of(ad, "The kidnappers, from Al-Shabaab, fled.", &c),
                 "Al-Shabaab");
    /* a demand by others; a verdict told after the deed */
    CHECK_STR_EQ(blame_of(ad, "Elders demanded that ISIS leave.", &c), "");
    CHECK_STR_EQ(blame_of(ad, "LeT attacked the camp, and five were "
                              "convicted.",
                          &c),
                 "");
    /* the attacker named in apposition */
    CHECK_STR_EQ(blame_of(ad, "The gunman, an anti-Muslim extremist, fled.",
                          &c),
                 "Anti-Muslim extremists");
    CHECK_STR_EQ(blame_of(ad, "The mayor, an anti-Muslim extremist, spoke.",
                          &c),
                 "");
    /* who the attacker was, told as a description of a person */
    CHECK_STR_EQ(blame_of(ad, "The gunman was described as a "
                              "jihadi-inspired extremist.",
                          &c),
                 "Jihadi-inspired extremists");
    CHECK_STR_EQ(blame_of(ad, "He is regarded as jihadist-inspired.", &c),
                 "Jihadi-inspired extremists");
    CHECK_STR_EQ(blame_of(ad, "The village is regarded as an ISIS "
                              "stronghold.",
                          &c),
                 "");
    CHECK_STR_EQ(blame_of(ad, "Police said the suspect held "
                              "anti-government views.",
                          &c),
                 "Anti-government extremists");
    CHECK_STR_EQ(blame_of(ad, "Police held two ISIS members.", &c), "");
    CHECK_STR_EQ(blame_of(ad, "The shooter was an anti-government "
                              "extremist.",
                          &c),
                 "Anti-government extremists");
    CHECK_STR_EQ(blame_of(ad, "The shooter was a self-described incel.",
                          &c),
                 "Incel extremists");
    /* "self-styled" is no ideology */
    CHECK_STR_EQ(blame_of(ad, "Members of a self-styled militia were "
                              "convicted; they were described as "
                              "anti-Muslim extremists.",
                          &c),
                 "Anti-Muslim extremists");
    CHECK_STR_EQ(blame_of(ad, "Police blamed a self-styled "
                              "anti-government militia.",
                          &c),
                 "Anti-government militia");
    /* what the attackers left at the scene */
    CHECK_STR_EQ(blame_of(ad, "A banner at the site bore the initials of "
                              "the ALF.",
                          &c),
                 "Animal Liberation Front (ALF)");
    CHECK_STR_EQ(blame_of(ad, "The ALF bore the costs.", &c), "");
    /* a date's year before "members" is no count of victims */
    CHECK_STR_EQ(blame_of(ad, "On 4 May 2020, members of ISIS raided it.",
                          &c),
                 "Islamic State");
    /* victims, not perpetrators */
    CHECK_STR_EQ(blame_of(ad, "Troops killed five members of ISIS.", &c), "");
    CHECK_STR_EQ(blame_of(ad, "ISIS fighters attacked the town.", &c), "");
    CHECK_STR_EQ(blame_of(ad, "Gunmen were blamed for the raid.", &c), "");
    sr_actordict_destroy(ad);
}

static void test_templates(void)
{
    const char *root = getenv("SR_ROOT");
    char path[1024], err[512] = "";
    sr_gazetteer_t *gz;
    sr_actordict_t *ad;
    sr_doc_t doc;
    sr_actor_hit_t h[8];
    size_t n;

    snprintf(path, sizeof(path), "%s/tests/fixtures/extract-gazetteer.tsv",
             root ? root : ".");
    gz = sr_gazetteer_open(path, NULL, err, sizeof(err));
    snprintf(path, sizeof(path), "%s/config/actors.tsv", root ? root : ".");
    ad = sr_actordict_load(path, err, sizeof(err));
    CHECK(gz != NULL && ad != NULL);
    if (gz == NULL || ad == NULL) {
        sr_gazetteer_destroy(gz);
        sr_actordict_destroy(ad);
        return;
    }
    sr_doc_init(&doc);
    fixture_doc(&doc,
                "Nigerien soldiers and Nigerian police met the Mali army, "
                "then military forces of Burkina Faso fired.",
                2020, 5, 2);
    n = sr_actors_find(ad, gz, &doc, 0, doc.ntok, h, 8);
    CHECK_INT_EQ(n, 4);
    if (n == 4) {
        CHECK_STR_EQ(h[0].canonical, "Military Forces of Niger");
        CHECK_STR_EQ(h[0].type, "STATE_FORCES");
        CHECK_STR_EQ(h[1].canonical, "Police Forces of Nigeria");
        CHECK_STR_EQ(h[2].canonical, "Military Forces of Mali");
        CHECK_STR_EQ(h[3].canonical, "Military Forces of Burkina Faso");
    }
    /* one noun for two countries' forces: each country's */
    fixture_doc(&doc,
                "Nigerien and Malian troops met; military forces of Niger "
                "and Burkina Faso fired; Nigerien and the Mali army left.",
                2020, 5, 2);
    n = sr_actors_find(ad, gz, &doc, 0, doc.ntok, h, 8);
    CHECK_INT_EQ(n, 5);
    if (n == 5) {
        CHECK_STR_EQ(h[0].canonical, "Military Forces of Niger");
        CHECK_INT_EQ(h[0].te - h[0].tb, 1);
        CHECK_STR_EQ(h[1].canonical, "Military Forces of Mali");
        CHECK_STR_EQ(h[2].canonical, "Military Forces of Niger");
        CHECK_STR_EQ(h[3].canonical, "Military Forces of Burkina Faso");
        /* "Nigerien and the Mali army": no noun shared */
        CHECK_STR_EQ(h[4].canonical, "Military Forces of Mali");
    }
    /* no room for the second: the first alone */
    n = sr_actors_find(ad, gz, &doc, 0, doc.ntok, h, 1);
    CHECK_INT_EQ(n, 1);
    /* state forces by their own acronyms, named as ACLED names them */
    fixture_doc(&doc, "The IDF, FARDC and CRPF units moved.", 2020, 5, 2);
    n = sr_actors_find(ad, gz, &doc, 0, doc.ntok, h, 8);
    CHECK_INT_EQ(n, 3);
    if (n == 3) {
        CHECK_STR_EQ(h[0].canonical, "Military Forces of Israel");
        CHECK_STR_EQ(h[1].canonical,
                     "Military Forces of Democratic Republic of Congo");
        CHECK_STR_EQ(h[2].canonical,
                     "Police Forces of India (Central Reserve Police Force)");
    }
    fixture_done(&doc);
    sr_actordict_destroy(ad);
    sr_gazetteer_destroy(gz);
}

/* an alias two rows share names the row of the country the text names */
static void test_shared_alias(void)
{
    static const char rows[] =
        "Sahel Front (Mali)\tREBEL\tSahel Front|SF|Sahel rebels|"
        "Sahel raiders\tML\n"
        "Sahel Front (Niger)\tREBEL\tSahel Front|SF|Sahel rebels\tNE\n";
    const char *root = getenv("SR_ROOT");
    char path[1024], err[512] = "", *dpath = write_temp(rows);
    sr_gazetteer_t *gz;
    sr_actordict_t *ad;
    sr_doc_t doc;
    sr_actor_hit_t h[4];
    const char *const cases[][2] = {
        {"The Sahel Front raided a camp in Niger.", "Sahel Front (Niger)"},
        {"A Nigerien official said the SF raided a camp.",
         "Sahel Front (Niger)"},
        {"The Sahel Front raided a camp in Mali.", "Sahel Front (Mali)"},
        /* no country named: the row written first */
        {"The Sahel Front raided a camp.", "Sahel Front (Mali)"},
        /* another alias of the first row, with the same first word, may
         * sort between the two rows' shared one */
        {"Sahel rebels raided a camp in Niger.", "Sahel Front (Niger)"},
        {"Sahel rebels raided a camp in Mali.", "Sahel Front (Mali)"},
        {"Sahel rebels raided a camp.", "Sahel Front (Mali)"},
    };

    snprintf(path, sizeof(path), "%s/tests/fixtures/extract-gazetteer.tsv",
             root ? root : ".");
    gz = sr_gazetteer_open(path, NULL, err, sizeof(err));
    ad = sr_actordict_load(dpath, err, sizeof(err));
    unlink(dpath);
    free(dpath);
    CHECK(gz != NULL && ad != NULL);
    sr_doc_init(&doc);
    for (size_t k = 0; gz != NULL && ad != NULL &&
                       k < sizeof(cases) / sizeof(cases[0]);
         k++) {
        size_t n;

        fixture_doc(&doc, cases[k][0], 2020, 5, 2);
        n = sr_actors_find(ad, gz, &doc, 0, doc.ntok, h, 4);
        CHECK(n >= 1);
        if (n >= 1) {
            CHECK_STR_EQ(h[0].canonical, cases[k][1]);
        }
    }
    fixture_done(&doc);
    sr_actordict_destroy(ad);
    sr_gazetteer_destroy(gz);
}

/* the country names actors carry are ACLED's and GTD's */
static void test_country_names(void)
{
    CHECK_STR_EQ(sr_actor_country("T\xc3\xbcrkiye"), "Turkey");
    CHECK_STR_EQ(sr_actor_country("DR Congo"), "Democratic Republic of Congo");
    CHECK_STR_EQ(sr_actor_country("Mali"), "Mali");
    CHECK(sr_actor_country(NULL) == NULL);
}

TEST_LIST = {{"load_and_errors", test_load_and_errors},
             {"country_names", test_country_names},
             {"aliases", test_aliases},
             {"generic", test_generic},
             {"claims", test_claims},
             {"blame", test_blame},
             {"shapes", test_shapes},
             {"templates", test_templates},
             {"shared_alias", test_shared_alias},
             {NULL, NULL}};
