/* listen.h - "HOST:PORT" listen addresses of sitrep's HTTP servers (the
 * ops endpoints, `sitrep geocoder serve`). */
#ifndef SR_OPS_LISTEN_H
#define SR_OPS_LISTEN_H

#include <stddef.h>
#include <sys/socket.h>

/* "HOST:PORT" or "[V6]:PORT" -> a socket address in *ss, and the host part
 * (without brackets) in host. The host must be numeric or resolvable; port
 * 0 means any free port. -1 with errstr when it is malformed. */
int sr_listen_parse(const char *listen, struct sockaddr_storage *ss,
                    char *host, size_t host_size, char *errstr,
                    size_t errstr_size);

/* The base URL ("http://HOST:PORT" or "http://[V6]:PORT") of a server
 * bound as ss says on port. */
void sr_listen_url(const struct sockaddr_storage *ss, const char *host,
                   unsigned port, char *url, size_t url_size);

#endif
