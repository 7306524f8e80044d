/* test_extract_sentences.c - tokenizer and sentence splitter. */
#include <stdio.h>

#include "check.h"
#include "extract_fixture.h"

static const char *sentence(const sr_doc_t *doc, size_t k, char *buf)
{
    return fixture_span(doc, doc->sents[k].tb, doc->sents[k].te, buf);
}

static void test_tokens(void)
{
    sr_doc_t doc;
    char buf[256];

    sr_doc_init(&doc);
    fixture_doc(&doc, "At least 1,200 people, 2.5 km away; Boko Haram's "
                      "twenty-one fighters on the 28th \xE2\x80\x9C" "fled\xE2\x80\x9D.",
                0, 0, 0);
    CHECK_STR_EQ(fixture_span(&doc, 2, 3, buf), "1,200");
    CHECK_INT_EQ(doc.toks[2].kind, SR_TOK_NUM);
    CHECK_INT_EQ(doc.toks[2].num, 1200);
    CHECK_INT_EQ(doc.toks[5].kind, SR_TOK_NUM);
    CHECK(doc.toks[5].decimal);
    CHECK_STR_EQ(fixture_span(&doc, 10, 11, buf), "Haram");
    CHECK_INT_EQ(doc.toks[11].kind, SR_TOK_POSS);
    CHECK_STR_EQ(fixture_span(&doc, 12, 13, buf), "twenty");
    CHECK_INT_EQ(sr_tok_punct(&doc, 13), '-');
    CHECK(doc.toks[18].ordinal);
    CHECK_INT_EQ(doc.toks[18].num, 28);
    CHECK_INT_EQ(doc.toks[19].kind, SR_TOK_PUNCT); /* the curly quote */
    CHECK_STR_EQ(fixture_span(&doc, 20, 21, buf), "fled");
    CHECK(doc.toks[0].cap);
    CHECK(sr_tok_has(&doc, 12, SR_W_NUMWORD));
    fixture_done(&doc);
}

static void test_abbreviations(void)
{
    sr_doc_t doc;
    char buf[256];

    sr_doc_init(&doc);
    fixture_doc(&doc,
                "Mr. Smith met Gen. J. Doe in the U.S. capital on Jan. 5. "
                "The toll was 2.5 times higher. \"It was bad.\" He left!",
                0, 0, 0);
    CHECK_INT_EQ(doc.nsent, 4);
    CHECK_STR_EQ(sentence(&doc, 0, buf),
                 "Mr. Smith met Gen. J. Doe in the U.S. capital on Jan. 5.");
    CHECK_STR_EQ(sentence(&doc, 1, buf), "The toll was 2.5 times higher.");
    CHECK_STR_EQ(sentence(&doc, 2, buf), "\"It was bad.\"");
    CHECK_STR_EQ(sentence(&doc, 3, buf), "He left!");
    fixture_done(&doc);
}

static void test_paragraphs(void)
{
    sr_doc_t doc;
    char buf[256];

    sr_doc_init(&doc);
    fixture_doc(&doc, "A headline without a period\n\nFirst body sentence. "
                      "second stays\n\nLast one.",
                0, 0, 0);
    CHECK_INT_EQ(doc.nsent, 3);
    CHECK_STR_EQ(sentence(&doc, 0, buf), "A headline without a period");
    CHECK_INT_EQ(doc.sents[0].para, 0);
    /* a lower-case word after a period does not start a sentence */
    CHECK_STR_EQ(sentence(&doc, 1, buf),
                 "First body sentence. second stays");
    CHECK_INT_EQ(doc.sents[1].para, 1);
    CHECK_INT_EQ(doc.sents[2].para, 2);
    CHECK_INT_EQ(sr_doc_sent_of(&doc, doc.sents[2].tb), 2);
    fixture_done(&doc);
}

static void test_empty_and_odd_bytes(void)
{
    sr_doc_t doc;

    sr_doc_init(&doc);
    fixture_doc(&doc, "", 0, 0, 0);
    CHECK_INT_EQ(doc.ntok, 0);
    CHECK_INT_EQ(doc.nsent, 0);
    /* stray UTF-8 bytes and control characters never crash */
    fixture_doc(&doc, "\xC3\xA9t\xC3\xA9 \x01\x02 ... ?! \xE2\x80", 0, 0, 0);
    CHECK(doc.ntok > 0);
    CHECK(doc.nsent >= 1);
    fixture_done(&doc);
}

/* Every word token gets the entry sr_lexicon_get gives for its text: in
 * any case, long or short, mid-text or in the text's last bytes (where the
 * classifier compares byte by byte), and never for a near miss. */
static void test_lexicon_entries(void)
{
    static const char *const texts[] = {
        "KILLED killed Killed kIlLeD killes killedx seventeen SEVENTEEN "
        "Seventeens seventeem eighteen Wednesday wednesdaY k\xC3\xADlled",
        "killed",
        "x seventeen",
        "Wednesday",
        "abc Abduction. kidnapped",
        "Mon",
    };
    sr_doc_t doc;

    sr_doc_init(&doc);
    for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
        fixture_doc(&doc, texts[k], 0, 0, 0);
        for (size_t i = 0; i < doc.ntok; i++) {
            const sr_tok_t *t = &doc.toks[i];
            const sr_lexent_t *e =
                t->kind == SR_TOK_WORD
                    ? sr_lexicon_get(fixture_lx, doc.text + t->start, t->len)
                    : NULL;

            CHECK(t->lex == e);
            CHECK(t->cls == (e != NULL ? e->cls : 0));
        }
    }
    fixture_doc(&doc, "Killed seventeen SEVENTEEN killes seventeem", 0, 0, 0);
    CHECK(sr_tok_has(&doc, 0, SR_W_KILL));
    CHECK(sr_tok_has(&doc, 1, SR_W_NUMWORD));
    CHECK(sr_tok_has(&doc, 2, SR_W_NUMWORD));
    CHECK(doc.toks[3].lex == NULL);
    CHECK(doc.toks[4].lex == NULL);
    fixture_done(&doc);
}

TEST_LIST = {{"tokens", test_tokens},
             {"lexicon_entries", test_lexicon_entries},
             {"abbreviations", test_abbreviations},
             {"paragraphs", test_paragraphs},
             {"empty_and_odd_bytes", test_empty_and_odd_bytes},
             {NULL, NULL}};
