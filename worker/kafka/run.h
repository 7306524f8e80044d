/* run.h - the Kafka worker's event loop (`sitrep run`).
 *
 * One consumer-group member, one thread, one loop: consume an article,
 * run the pure pipeline inline, look its places up with the asynchronous
 * geocoder (when geocoder.url is set), encode every incident as Avro and
 * produce it (key = incident_id). An article is done when every delivery
 * report of its incidents - or of its dead-letter record - has arrived;
 * only then does its offset count as processed, and offsets are stored
 * per partition up to the first article not yet done (at-least-once: a
 * crash replays, never loses; replays produce identical records).
 *
 * Backpressure: above max.inflight.articles articles in flight, or when
 * the producer queue is full, the assigned partitions are paused (the loop
 * keeps polling, so the group membership stays alive) until in-flight work
 * falls to half the limit.
 *
 * processing.guarantee=exactly_once replaces the stored offsets with
 * Kafka transactions: output and offsets commit together, batch by batch
 * (see run.c); a fenced producer ends the run with SR_EXIT_FATAL.
 *
 * Shutdown (stop flag set, e.g. by SIGTERM): pause, finish in-flight work
 * within shutdown.timeout.ms, flush, store and commit offsets, close the
 * consumer; a watchdog ends the process if closing hangs.
 */
#ifndef SR_KAFKA_RUN_H
#define SR_KAFKA_RUN_H

#include <signal.h>

#include "config.h"

/* Runs until *stop becomes non-zero (then shuts down cleanly; 2 or more:
 * without waiting for in-flight work) or a fatal error. Borrows cfg.
 * Returns the exit code: SR_EXIT_OK, SR_EXIT_FATAL, or SR_EXIT_CONFIG when
 * the configuration is refused at start-up (the reason is printed on
 * stderr). */
int sr_run(const sr_config_t *cfg, volatile sig_atomic_t *stop);

#endif
