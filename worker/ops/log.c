/* log.c - stderr logger, text or JSON lines. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int sr_log_level_current = SR_LOG_INFO;
static int log_json;

static const char *level_names[] = {"error", "warn", "info", "debug"};

int sr_log_setup(const char *level, const char *format)
{
    int lv = -1;
    int json = log_json;

    for (int i = 0; i < 4; i++) {
        if (level != NULL && strcmp(level, level_names[i]) == 0) {
            lv = i;
        }
    }
    if (level != NULL && lv < 0) {
        return -1;
    }
    if (format != NULL) {
        if (strcmp(format, "json") == 0) {
            json = 1;
        } else if (strcmp(format, "text") == 0) {
            json = 0;
        } else {
            return -1;
        }
    }
    if (lv >= 0) {
        sr_log_level_current = lv;
    }
    log_json = json;
    return 0;
}

/* Appends s JSON-escaped to out (bounded). */
static size_t json_escape(char *out, size_t cap, size_t pos, const char *s)
{
    for (; *s != '\0' && pos + 7 < cap; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\') {
            out[pos++] = '\\';
            out[pos++] = (char)c;
        } else if (c < 0x20) {
            pos += (size_t)snprintf(out + pos, cap - pos, "\\u%04x", c);
        } else {
            out[pos++] = (char)c;
        }
    }
    return pos;
}

void sr_log_write(sr_log_level_t level, const char *facility, const char *fmt,
                  ...)
{
    char msg[2048];
    char line[4096];
    char ts[32];
    struct timespec now;
    struct tm tm;
    va_list ap;
    size_t n;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    n = strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(ts + n, sizeof(ts) - n, ".%03ldZ", now.tv_nsec / 1000000);
    if (log_json) {
        size_t pos = (size_t)snprintf(
            line, sizeof(line), "{\"ts\":\"%s\",\"level\":\"%s\",\"fac\":\"",
            ts, level_names[level]);
        pos = json_escape(line, sizeof(line), pos, facility);
        pos += (size_t)snprintf(line + pos, sizeof(line) - pos, "\",\"msg\":\"");
        pos = json_escape(line, sizeof(line), pos, msg);
        snprintf(line + pos, sizeof(line) - pos, "\"}\n");
    } else {
        snprintf(line, sizeof(line), "%s %-5s %-8s %s\n", ts,
                 level_names[level], facility, msg);
    }
    fwrite(line, 1, strlen(line), stderr);
}
