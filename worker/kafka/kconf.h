/* kconf.h - sitrep configuration -> librdkafka configuration.
 *
 * Each client gets, in order: sitrep's defaults for that side, then every
 * kafka.* and kafka.<side>.* key verbatim (the user wins over a default),
 * then the settings the worker's delivery guarantee depends on, which the
 * user may not contradict:
 *   consumer  enable.auto.commit=true, enable.auto.offset.store=false
 *             (offsets are stored only once the output is delivered)
 *   producer  enable.idempotence=true, acks=all
 * With processing.guarantee=exactly_once instead:
 *   consumer  enable.auto.commit=false (offsets go into the transaction),
 *             isolation.level=read_committed
 *   producer  transactional.id=<transactional.id.prefix>-<worker.id>
 * and no eager/cooperative mix: a cooperative assignor is refused, as is
 * a transaction.interval.ms over half of transaction.timeout.ms. The user
 * never sets transactional.id directly (in either mode).
 * Consumer defaults: group.id=sitrep, auto.offset.reset=earliest,
 * partition.assignment.strategy=range (cooperative-sticky is buggy in
 * librdkafka 2.0.x), and fetch limits large enough to receive a message
 * over max.article.bytes so that it can be dead-lettered. Producer
 * defaults: message.max.bytes large enough to dead-letter such a message.
 * Both sides, when ops.listen is set: statistics.interval.ms=5000 (the
 * consumer lag and producer queue gauges of /metrics).
 */
#ifndef SR_KAFKA_KCONF_H
#define SR_KAFKA_KCONF_H

#include <librdkafka/rdkafka.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "err.h"

#define SR_KAFKA_OPS_STATS_INTERVAL_MS "5000"

/* A new configuration for side (SR_KAFKA_CONSUMER or SR_KAFKA_PRODUCER),
 * owned by the caller (rd_kafka_new() takes it on success). NULL with
 * errstr when librdkafka rejects a key or value ("kafka.consumer.X=v:
 * reason") or a key contradicts a required setting. */
rd_kafka_conf_t *sr_kafka_conf_new(const sr_config_t *cfg,
                                   sr_kafka_side_t side, char *errstr,
                                   size_t errstr_size);

/* Whether processing.guarantee is exactly_once. */
int sr_kafka_exactly_once(const sr_config_t *cfg);

/* worker.id, or <host>-<pid> when it is empty, written to buf. Returns
 * buf. */
const char *sr_kafka_worker_id(const sr_config_t *cfg, char *buf,
                               size_t size);

/* <transactional.id.prefix>-<worker id>, written to buf. Returns buf. */
const char *sr_kafka_transactional_id(const sr_config_t *cfg, char *buf,
                                      size_t size);

/* The producer's effective transaction.timeout.ms. */
int64_t sr_kafka_transaction_timeout_ms(const sr_config_t *cfg);

/* The producer's effective message.max.bytes: no output record can be
 * larger. */
size_t sr_kafka_max_message(const sr_config_t *cfg);

/* sr_kafka_max_message() minus room for key and headers (0 when there is
 * none): dead-lettered values above it are sent without their value. */
size_t sr_kafka_max_dlq_value(const sr_config_t *cfg);

#endif
