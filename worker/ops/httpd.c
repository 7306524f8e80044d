/* httpd.c - listen address parsing (getaddrinfo, numeric service) and
 * daemon start. */
#include "httpd.h"

#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

/* "HOST:PORT" or "[V6]:PORT" -> a socket address and its host part. */

static int parse_listen(const char *listen, struct sockaddr_storage *ss,
                    char *host, size_t host_size, char *errstr,
                    size_t errstr_size)
{
    const char *colon = strrchr(listen, ':');
    struct addrinfo hints, *res = NULL;
    char port[16];
    size_t hlen;
    int rc;

    if (colon == NULL || colon[1] == '\0' || strlen(colon + 1) >= sizeof(port)) {
        sr_errstr_set(errstr, errstr_size,
                      "listen address '%s': expected HOST:PORT", listen);
        return -1;
    }
    hlen = (size_t)(colon - listen);
    if (hlen >= 2 && listen[0] == '[' && listen[hlen - 1] == ']') {
        listen++;
        hlen -= 2;
    }
    if (hlen == 0 || hlen >= host_size) {
        sr_errstr_set(errstr, errstr_size, "listen address '%s': bad host",
                      listen);
        return -1;
    }
    memcpy(host, listen, hlen);
    host[hlen] = '\0';
    snprintf(port, sizeof(port), "%s", colon + 1);
    /* getaddrinfo() takes any number and wraps it. */
    if (strspn(port, "0123456789") != strlen(port) || atol(port) > 65535) {
        sr_errstr_set(errstr, errstr_size,
                      "listen address '%s': bad port '%s' (0-65535)", listen,
                      port);
        return -1;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0 || res == NULL) {
        sr_errstr_set(errstr, errstr_size, "listen address '%s:%s': %s", host,
                      port, rc ? gai_strerror(rc) : "no address");
        return -1;
    }
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return 0;
}

struct MHD_Daemon *sr_httpd_start(const sr_httpd_opts_t *opts,
                                  MHD_AccessHandlerCallback handler,
                                  void *cls, char *url, size_t url_size,
                                  char *errstr, size_t errstr_size)
{
    struct sockaddr_storage ss;
    const union MHD_DaemonInfo *info;
    struct MHD_Daemon *d;
    char host[256];
    /* AUTO: epoll or poll, not select, whose FD_SETSIZE a worker with many
     * broker connections and files could pass. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;

    memset(&ss, 0, sizeof(ss));
    if (parse_listen(opts->listen, &ss, host, sizeof(host), errstr,
                     errstr_size) != 0) {
        return NULL;
    }
    if (opts->thread_per_connection) {
        flags |= MHD_USE_THREAD_PER_CONNECTION;
    }
    if (ss.ss_family == AF_INET6) {
        flags |= MHD_USE_IPv6;
    }
    d = MHD_start_daemon(flags, 0, NULL, NULL, handler, cls,
                         MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                         MHD_OPTION_CONNECTION_LIMIT, opts->max_connections,
                         MHD_OPTION_CONNECTION_TIMEOUT, opts->timeout_s,
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                         opts->memory_limit, MHD_OPTION_END);
    if (d == NULL) {
        sr_errstr_set(errstr, errstr_size, "cannot listen on %s",
                      opts->listen);
        return NULL;
    }
    info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    snprintf(url, url_size,
             ss.ss_family == AF_INET6 ? "http://[%s]:%u" : "http://%s:%u",
             host, info ? (unsigned)info->port : 0u);
    return d;
}
