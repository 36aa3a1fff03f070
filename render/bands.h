/* bands.h: the Monte Carlo draws behind the window's uncertainty bands,
 * run on worker threads so that the window's own thread only draws. The
 * app (app_bands.c) posts a job for the scenario on screen; each new post
 * supersedes the last (the workers drop it after the run in hand) and the
 * draws arrive in index order, so a band can be shown as they accumulate.
 * Draw i of a job is sample i of sim/studies/sample.h with the job's seed:
 * the same job gives the same values whatever the threads, or with none. */
#ifndef RENDER_BANDS_H
#define RENDER_BANDS_H

#include <stddef.h>
#include <stdint.h>

#include "sim/engine/var.h"
#include "sim/files/scenario.h"

#define BANDS_OUT_MAX 8      /* variables a job records at most */
#define BANDS_DRAWS_MAX 1000 /* draws a job may ask for */
#define BANDS_THREADS_MAX 8  /* worker threads at most */

/* What to draw: the scenario with the listed inputs drawn anew. */
typedef struct bands_job {
    scenario sc;            /* the scenario; its values are the modes of the draws */
    int vary[VAR_COUNT];    /* V_ ids of the inputs each draw takes anew */
    size_t nvary;
    int out[BANDS_OUT_MAX]; /* V_ ids whose values each draw keeps */
    int nout;
    size_t rows;            /* report rows of a run of sc (a draw with others fails) */
    int draws;              /* draws wanted, 1..BANDS_DRAWS_MAX */
    uint64_t seed;          /* seed of the draws (sample_mc_draw) */
    int notify_every;       /* call the notifier each time this many more draws are
                               ready, and when all are (0: only then) */
} bands_job;

typedef struct bands bands;

/* Called on a worker thread when draws became ready (see notify_every). */
typedef void (*bands_notify)(void *user);

/* Creates the draws' runner with `threads` worker threads (0: none; the
 * caller's bands_step runs the draws; more than BANDS_THREADS_MAX are cut
 * to it). When the system cannot start threads there are none. The workers
 * run at a lower priority (niceness 5 more on Linux), so that the window's
 * thread gets the larger share of a core it shares with one. NULL when out
 * of memory. */
bands *bands_create(unsigned threads);

/* Stops the workers (each finishes the run in hand) and frees everything.
 * NULL does nothing. */
void bands_destroy(bands *b);

/* Worker threads running (0 when none could be started). */
unsigned bands_threads(const bands *b);

/* Sets the function the workers call when draws became ready (for a
 * window to wake up and draw them); may be NULL. Call before the first
 * post. */
void bands_set_notify(bands *b, bands_notify fn, void *user);

/* Makes job the current one (copied), superseding any before it: its draws
 * start from 0 and those of earlier jobs are dropped. Returns the job's
 * number (increasing from 1), or 0 when the job is invalid (nout or draws
 * out of range) or memory runs out. */
long bands_post(bands *b, const bands_job *job);

/* Without worker threads: runs up to max draws of the current job on the
 * calling thread; returns how many it ran. With threads: returns 0. */
int bands_step(bands *b, int max);

/* Blocks until every draw of the current job is ready (with threads), or
 * runs the rest (without). */
void bands_wait(bands *b);

/* The number of the current job (0 before the first post) and how many of
 * its first draws are ready: draws 0..ready-1 may be read. */
long bands_ready(bands *b, int *ready);

/* Draw i's value of the job's output k at report row r: NAN when draw i's
 * run failed. i must be below the ready count of bands_ready, and no post
 * may come between (the UI thread posts and reads; the workers never write
 * a ready draw). */
double bands_value(const bands *b, int i, int k, size_t r);

#endif
