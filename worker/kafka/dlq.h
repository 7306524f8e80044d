/* dlq.h - dead-lettering a consumed message.
 *
 * The dead-letter record carries the original key, value and headers,
 * plus headers in the style of Kafka Connect's dead-letter queue saying
 * what failed and where the message came from:
 *   sitrep.error.stage      decode | dedup | extract | geocode | encode |
 *                           produce
 *   sitrep.error.reason     the error text
 *   sitrep.error.topic      original topic
 *   sitrep.error.partition  original partition (decimal)
 *   sitrep.error.offset     original offset (decimal)
 *   sitrep.error.timestamp  when it failed, ms since the epoch (decimal)
 *   sitrep.error.worker     worker.id of the process
 * When the original value is too large for the producer, the record is
 * sent without it and sitrep.error.value.omitted gives its size, so that
 * the failure is still recorded.
 */
#ifndef SR_KAFKA_DLQ_H
#define SR_KAFKA_DLQ_H

#include <librdkafka/rdkafka.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sr_dlq_info_s {
    const char *stage;
    const char *reason;
    const char *topic;
    int32_t partition;
    int64_t offset;
    int64_t timestamp_ms;
    const char *worker;
    size_t value_omitted; /* > 0: the value is left out; its size */
} sr_dlq_info_t;

#define SR_DLQ_HDR_STAGE "sitrep.error.stage"
#define SR_DLQ_HDR_REASON "sitrep.error.reason"
#define SR_DLQ_HDR_TOPIC "sitrep.error.topic"
#define SR_DLQ_HDR_PARTITION "sitrep.error.partition"
#define SR_DLQ_HDR_OFFSET "sitrep.error.offset"
#define SR_DLQ_HDR_TIMESTAMP "sitrep.error.timestamp"
#define SR_DLQ_HDR_WORKER "sitrep.error.worker"
#define SR_DLQ_HDR_OMITTED "sitrep.error.value.omitted"

/* New headers: a copy of orig (may be NULL) followed by the error
 * headers. The caller owns them (rd_kafka_producev() takes them on
 * success). */
rd_kafka_headers_t *sr_dlq_headers_new(const rd_kafka_headers_t *orig,
                                       const sr_dlq_info_t *info);

/* Produces the dead-letter record of rkm to topic on producer rk, with
 * opaque for the delivery report. The value is referenced, not copied:
 * rkm must stay alive until the delivery report. Values over
 * max_value_bytes are left out (info->value_omitted is set here).
 * Returns librdkafka's error (RD_KAFKA_RESP_ERR__QUEUE_FULL: try again). */
rd_kafka_resp_err_t sr_dlq_produce(rd_kafka_t *rk, const char *topic,
                                   const rd_kafka_message_t *rkm,
                                   sr_dlq_info_t *info,
                                   size_t max_value_bytes, void *opaque);

#endif
