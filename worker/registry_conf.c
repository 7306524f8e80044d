/* registry_conf.c - registry client from the configuration (see
 * registry_conf.h). */
#include "registry_conf.h"

#include "incident_avro.h"

sr_registry_t *sr_registry_from_config(const sr_config_t *cfg, char *errstr,
                                       size_t errstr_size)
{
    sr_registry_opts_t opts = {
        .url = cfg->schema_registry_url,
        .user_info = cfg->schema_registry_user_info,
        .timeout_ms = (long)cfg->schema_registry_timeout_ms,
        .max_response = 0,
        .ssl_ca_location = cfg->schema_registry_ssl_ca,
        .ssl_certificate_location = cfg->schema_registry_ssl_cert,
        .ssl_key_location = cfg->schema_registry_ssl_key,
        .ssl_key_password = cfg->schema_registry_ssl_key_password,
        .ssl_no_verify = !cfg->schema_registry_ssl_verify,
    };

    return sr_registry_new(&opts, errstr, errstr_size);
}

sr_err_t sr_registry_config_subject(const sr_config_t *cfg,
                                    const char *topic, char *buf,
                                    size_t size, char *errstr,
                                    size_t errstr_size)
{
    /* The configuration only admits the strategies' names. */
    int strategy =
        sr_subject_strategy_from_name(cfg->schema_registry_subject_strategy);

    return sr_registry_subject(strategy < 0 ? SR_SUBJECT_TOPIC
                                            : (sr_subject_strategy_t)strategy,
                               topic, sr_incident_avsc, buf, size, errstr,
                               errstr_size);
}
