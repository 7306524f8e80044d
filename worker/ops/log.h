/* log.h - one line per event on stderr, as text or JSON.
 *
 * SR_LOG(level, facility, fmt, ...) checks the level before evaluating its
 * arguments. Facilities are short upper-case tags ("KAFKA", "GEOCODE").
 * Process-wide state set once at start-up; safe to call from any thread
 * (each line is written with a single fwrite).
 */
#ifndef SR_OPS_LOG_H
#define SR_OPS_LOG_H

typedef enum sr_log_level_e {
    SR_LOG_ERROR = 0,
    SR_LOG_WARN = 1,
    SR_LOG_INFO = 2,
    SR_LOG_DEBUG = 3
} sr_log_level_t;

extern int sr_log_level_current;

/* level: "error", "warn", "info", "debug"; format: "text" or "json".
 * Returns 0, or -1 for an unknown name (nothing changed). */
int sr_log_setup(const char *level, const char *format);

void sr_log_write(sr_log_level_t level, const char *facility, const char *fmt,
                  ...) __attribute__((format(printf, 3, 4)));

#define SR_LOG(level, facility, ...)                                         \
    do {                                                                     \
        if ((int)(level) <= sr_log_level_current) {                          \
            sr_log_write((level), (facility), __VA_ARGS__);                  \
        }                                                                    \
    } while (0)

#endif
