/* sitrep-avro-gen - generated incidents in every output form, for the
 * interoperability test (tests/integration/0010-avro-interop.sh).
 *
 *   sitrep-avro-gen -n N -s SEED -f FRAMES -j JSONL [-o OCF] [-c ID -C FILE]
 *
 * FRAMES: N single-object frames (C3 01, fingerprint, body), concatenated.
 * JSONL: the contract-3.2 JSON line of each incident, in the same order.
 * OCF: the same incidents as an object container file. FILE: Confluent
 * wire-format frames (00, schema id ID big-endian, body). The incidents come
 * from tests/unit/incident_gen.h (every field, edge values), so outside
 * readers are tested on more than what the extractor happens to produce.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/incident_gen.h"
#include "avro_ocf.h"
#include "buf.h"
#include "incident_avro.h"
#include "incident_json.h"

static FILE *open_out(const char *path)
{
    FILE *f = fopen(path, "wb");

    if (f == NULL) {
        perror(path);
    }
    return f;
}

int main(int argc, char **argv)
{
    const char *frames_path = NULL, *json_path = NULL, *ocf_path = NULL;
    const char *cf_path = NULL;
    long cf_id = 1;
    FILE *frames = NULL, *json = NULL, *ocf_file = NULL, *cf = NULL;
    sr_avro_codec_t *codec = NULL;
    sr_avro_ocf_t *ocf = NULL;
    sr_buf_t frame, body, line, cframe;
    gen_t g = {1, {0}};
    long n = 10;
    char err[512];
    int rc = 1, c;

    while ((c = getopt(argc, argv, "n:s:f:j:o:c:C:")) != -1) {
        switch (c) {
        case 'n': n = strtol(optarg, NULL, 10); break;
        case 's': g.state = strtoull(optarg, NULL, 0); break;
        case 'f': frames_path = optarg; break;
        case 'j': json_path = optarg; break;
        case 'o': ocf_path = optarg; break;
        case 'c': cf_id = strtol(optarg, NULL, 10); break;
        case 'C': cf_path = optarg; break;
        default:
            fprintf(stderr, "usage: sitrep-avro-gen -n N -s SEED -f FRAMES "
                            "-j JSONL [-o OCF] [-c ID -C FILE]\n");
            return 2;
        }
    }
    if (frames_path == NULL || json_path == NULL || n < 0) {
        fprintf(stderr, "sitrep-avro-gen: -f and -j are required\n");
        return 2;
    }
    sr_buf_init(&frame, 0);
    sr_buf_init(&body, 0);
    sr_buf_init(&line, 0);
    sr_buf_init(&cframe, 0);
    codec = sr_avro_codec_new(err, sizeof(err));
    if (codec == NULL) {
        fprintf(stderr, "sitrep-avro-gen: %s\n", err);
        goto out;
    }
    if ((frames = open_out(frames_path)) == NULL ||
        (json = open_out(json_path)) == NULL ||
        (ocf_path != NULL && (ocf_file = open_out(ocf_path)) == NULL) ||
        (cf_path != NULL && (cf = open_out(cf_path)) == NULL)) {
        goto out;
    }
    if (ocf_file != NULL &&
        (ocf = sr_avro_ocf_new(ocf_file, sr_incident_avsc,
                               sr_incident_avsc_len, NULL, 0, err,
                               sizeof(err))) == NULL) {
        fprintf(stderr, "sitrep-avro-gen: %s\n", err);
        goto out;
    }
    for (long i = 0; i < n; i++) {
        sr_incident_t inc;
        sr_err_t e;

        gen_incident(&g, &inc);
        sr_buf_reset(&line);
        e = sr_avro_encode(codec, &inc, &frame, err, sizeof(err));
        if (e == SR_OK) {
            e = sr_avro_encode_body(codec, &inc, &body, err, sizeof(err));
        }
        if (e == SR_OK) {
            e = sr_incident_to_json(&inc, &line, err, sizeof(err));
        }
        if (e == SR_OK && cf != NULL) {
            e = sr_avro_encode_confluent(codec, &inc, (int32_t)cf_id, &cframe,
                                         err, sizeof(err));
        }
        sr_incident_clear(&inc);
        if (e != SR_OK) {
            fprintf(stderr, "sitrep-avro-gen: incident %ld: %s\n", i, err);
            goto out;
        }
        fwrite(frame.data, 1, frame.len, frames);
        if (cf != NULL) {
            fwrite(cframe.data, 1, cframe.len, cf);
        }
        sr_buf_putc(&line, '\n');
        fwrite(line.data, 1, line.len, json);
        if (ocf != NULL &&
            sr_avro_ocf_append(ocf, body.data, body.len, err, sizeof(err)) !=
                SR_OK) {
            fprintf(stderr, "sitrep-avro-gen: %s\n", err);
            goto out;
        }
    }
    if (ocf != NULL && sr_avro_ocf_flush(ocf, err, sizeof(err)) != SR_OK) {
        fprintf(stderr, "sitrep-avro-gen: %s\n", err);
        goto out;
    }
    rc = 0;
out:
    sr_avro_ocf_destroy(ocf);
    if (frames != NULL && fclose(frames) != 0) {
        rc = 1;
    }
    if (json != NULL && fclose(json) != 0) {
        rc = 1;
    }
    if (ocf_file != NULL && fclose(ocf_file) != 0) {
        rc = 1;
    }
    if (cf != NULL && fclose(cf) != 0) {
        rc = 1;
    }
    sr_avro_codec_destroy(codec);
    sr_buf_clear(&frame);
    sr_buf_clear(&body);
    sr_buf_clear(&line);
    sr_buf_clear(&cframe);
    return rc;
}
