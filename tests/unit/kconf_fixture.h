/* kconf_fixture.h - reading back a librdkafka configuration in tests. */
#ifndef SR_TESTS_KCONF_FIXTURE_H
#define SR_TESTS_KCONF_FIXTURE_H

#include <librdkafka/rdkafka.h>
#include <stddef.h>

/* The value of name in conf (in buf), or NULL when it is not set. */
static const char *conf_get(rd_kafka_conf_t *conf, const char *name,
                            char *buf, size_t size)
{
    size_t n = size;

    if (rd_kafka_conf_get(conf, name, buf, &n) != RD_KAFKA_CONF_OK) {
        return NULL;
    }
    return buf;
}

#endif
