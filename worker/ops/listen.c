/* listen.c - listen address parsing (getaddrinfo, numeric service). */
#include "listen.h"

#include <netdb.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

int sr_listen_parse(const char *listen, struct sockaddr_storage *ss,
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

void sr_listen_url(const struct sockaddr_storage *ss, const char *host,
                   unsigned port, char *url, size_t url_size)
{
    snprintf(url, url_size,
             ss->ss_family == AF_INET6 ? "http://[%s]:%u" : "http://%s:%u",
             host, port);
}
