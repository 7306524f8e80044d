/* registry_conf.h - the schema registry client as sitrep's configuration
 * (schema.registry.*) sets it up, the same for `sitrep run` (which
 * registers) and `sitrep decode` (which fetches schemas by id). */
#ifndef SR_REGISTRY_CONF_H
#define SR_REGISTRY_CONF_H

#include <stddef.h>

#include "config.h"
#include "err.h"
#include "registry.h"

/* A client for cfg->schema_registry_url with its auth, TLS and timeout
 * options; NULL with errstr for an unusable URL. */
sr_registry_t *sr_registry_from_config(const sr_config_t *cfg, char *errstr,
                                       size_t errstr_size);

/* The subject the incident schema goes under for values of topic, by
 * schema.registry.subject.name.strategy. */
sr_err_t sr_registry_config_subject(const sr_config_t *cfg,
                                    const char *topic, char *buf,
                                    size_t size, char *errstr,
                                    size_t errstr_size);

#endif
