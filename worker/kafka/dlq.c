/* dlq.c - dead-letter records: original bytes plus error headers. */
#include "dlq.h"

#include <stdio.h>
#include <string.h>

static void add_str(rd_kafka_headers_t *hdrs, const char *name,
                    const char *value)
{
    rd_kafka_header_add(hdrs, name, -1, value ? value : "", -1);
}

static void add_int(rd_kafka_headers_t *hdrs, const char *name, long long v)
{
    char num[32];

    snprintf(num, sizeof(num), "%lld", v);
    add_str(hdrs, name, num);
}

rd_kafka_headers_t *sr_dlq_headers_new(const rd_kafka_headers_t *orig,
                                       const sr_dlq_info_t *info)
{
    rd_kafka_headers_t *hdrs =
        orig ? rd_kafka_headers_copy(orig) : rd_kafka_headers_new(8);

    add_str(hdrs, SR_DLQ_HDR_STAGE, info->stage);
    add_str(hdrs, SR_DLQ_HDR_REASON, info->reason);
    add_str(hdrs, SR_DLQ_HDR_TOPIC, info->topic);
    add_int(hdrs, SR_DLQ_HDR_PARTITION, info->partition);
    add_int(hdrs, SR_DLQ_HDR_OFFSET, info->offset);
    add_int(hdrs, SR_DLQ_HDR_TIMESTAMP, info->timestamp_ms);
    add_str(hdrs, SR_DLQ_HDR_WORKER, info->worker);
    if (info->value_omitted > 0) {
        add_int(hdrs, SR_DLQ_HDR_OMITTED, (long long)info->value_omitted);
    }
    return hdrs;
}

rd_kafka_resp_err_t sr_dlq_produce(rd_kafka_t *rk, const char *topic,
                                   const rd_kafka_message_t *rkm,
                                   sr_dlq_info_t *info,
                                   size_t max_value_bytes, void *opaque)
{
    rd_kafka_headers_t *orig = NULL, *hdrs;
    rd_kafka_resp_err_t err;
    const void *value = rkm->payload;
    size_t len = rkm->len;

    if (len > max_value_bytes) {
        info->value_omitted = len;
        value = NULL;
        len = 0;
    }
    /* Parses the consumed message's headers; they stay owned by rkm. */
    if (rd_kafka_message_headers((rd_kafka_message_t *)rkm, &orig) !=
        RD_KAFKA_RESP_ERR_NO_ERROR) {
        orig = NULL;
    }
    hdrs = sr_dlq_headers_new(orig, info);
    err = rd_kafka_producev(
        rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(rkm->key, rkm->key_len),
        RD_KAFKA_V_VALUE((void *)value, len), RD_KAFKA_V_HEADERS(hdrs),
        RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_headers_destroy(hdrs);
    }
    return err;
}
