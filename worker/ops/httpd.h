/* httpd.h - starting sitrep's HTTP servers (the ops endpoints, `sitrep
 * geocoder serve`) with libmicrohttpd on a "HOST:PORT" address. */
#ifndef SR_OPS_HTTPD_H
#define SR_OPS_HTTPD_H

#include <microhttpd.h>
#include <stddef.h>

typedef struct sr_httpd_opts_s {
    const char *listen; /* "HOST:PORT" or "[V6]:PORT"; port 0: any free */
    int thread_per_connection; /* else one internal polling thread */
    unsigned max_connections;
    unsigned timeout_s;    /* idle connections are closed after it */
    size_t memory_limit;   /* per connection: caps URL and headers */
} sr_httpd_opts_t;

/* Starts serving handler(cls, ...) on its own thread(s); url gets the base
 * URL ("http://HOST:PORT", "http://[V6]:PORT") with the bound port. NULL
 * with errstr when the address is malformed or cannot be bound. Stop with
 * MHD_stop_daemon(). */
struct MHD_Daemon *sr_httpd_start(const sr_httpd_opts_t *opts,
                                  MHD_AccessHandlerCallback handler,
                                  void *cls, char *url, size_t url_size,
                                  char *errstr, size_t errstr_size);

#endif
