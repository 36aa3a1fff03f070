/* pool.c: a fixed set of POSIX threads that take task indices from a shared
 * counter. Each block of results has its own place in the output array, so
 * the order in which threads finish never shows in the results. */
#include "sim/studies/pool.h"

#define POOL_MAX_THREADS 256

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct pool_run {
    atomic_size_t next;     /* next index to hand out */
    atomic_size_t done;     /* tasks finished */
    atomic_int stop;        /* a task failed: hand out no more */
    size_t lo, hi;          /* index range of the map */
    size_t width;
    pool_task fn;
    void *ctx;
    double *out;
    pthread_mutex_t lock;   /* guards failed and err */
    size_t failed;          /* lowest failed index, (size_t)-1 when none */
    sim_error err;          /* error of that index */
} pool_run;

typedef struct pool_worker {
    pool_run *run;
    unsigned id;
} pool_worker;

unsigned pool_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}

void pool_share(size_t n, int rank, int size, size_t *lo, size_t *hi)
{
    /* n * rank / size without overflow for any n a map can hold. */
    unsigned long long un = n, us = size > 0 ? (unsigned long long)size : 1ull;
    unsigned long long r = rank > 0 ? (unsigned long long)rank : 0ull;
    *lo = (size_t)(un * r / us);
    *hi = (size_t)(un * (r + 1) / us);
}

static void *pool_worker_main(void *arg)
{
    pool_worker *w = arg;
    pool_run *r = w->run;
    sim_error err;
    while (!atomic_load_explicit(&r->stop, memory_order_relaxed)) {
        size_t i = atomic_fetch_add_explicit(&r->next, 1, memory_order_relaxed);
        if (i >= r->hi)
            break;
        sim_error_clear(&err);
        int rc = r->fn(r->ctx, i, w->id, r->out ? r->out + (i - r->lo) * r->width : NULL, &err);
        if (rc != 0) {
            atomic_store(&r->stop, 1);
            pthread_mutex_lock(&r->lock);
            if (r->failed == (size_t)-1 || i < r->failed) {
                r->failed = i;
                r->err = err;
            }
            pthread_mutex_unlock(&r->lock);
        }
        atomic_fetch_add_explicit(&r->done, 1, memory_order_relaxed);
    }
    return NULL;
}

/* A duration as "45s", "12m05s" or "3h07m". */
static void pool_duration(char *buf, size_t n, double s)
{
    long t = s > 0 ? (long)(s + 0.5) : 0;
    if (t < 60)
        snprintf(buf, n, "%lds", t);
    else if (t < 3600)
        snprintf(buf, n, "%ldm%02lds", t / 60, t % 60);
    else
        snprintf(buf, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
}

char *pool_progress_format(char *buf, size_t n, size_t done, size_t total, double elapsed)
{
    enum { BAR = 40 };
    char bar[BAR + 1], when[48] = "";
    size_t fill = total ? done * BAR / total : BAR;
    for (size_t i = 0; i < BAR; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[BAR] = '\0';
    if (done >= total) {
        pool_duration(when + 2, sizeof when - 2, elapsed);
        when[0] = when[1] = ' ';
    } else if (done > 0 && elapsed >= 1.0) {
        memcpy(when, "  ETA ", 7);
        pool_duration(when + 6, sizeof when - 6, elapsed * (double)(total - done) / (double)done);
    }
    snprintf(buf, n, "[%s] %3zu%% %zu/%zu%s", bar, total ? done * 100 / total : 100, done, total,
             when);
    return buf;
}

/* Draws the progress line on stderr, overwriting the last (the blanks clear
 * what a longer line left). */
static void pool_draw_progress(size_t done, size_t total, const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double elapsed = (double)(now.tv_sec - start->tv_sec) + 1e-9 * (double)(now.tv_nsec - start->tv_nsec);
    char line[160];
    fprintf(stderr, "\r%s    ", pool_progress_format(line, sizeof line, done, total, elapsed));
    fflush(stderr);
}

int pool_map_range(unsigned workers, int progress, size_t lo, size_t hi, size_t width,
                   pool_task fn, void *ctx, double *out, sim_error *err, size_t *failed)
{
    if (failed)
        *failed = (size_t)-1;
    if (hi <= lo)
        return 0;
    if (workers == 0)
        workers = 1;
    if ((size_t)workers > hi - lo)
        workers = (unsigned)(hi - lo);
    if (workers > POOL_MAX_THREADS)
        workers = POOL_MAX_THREADS;

    /* One worker: run on the calling thread (no thread start-up cost). */
    if (workers == 1 && !progress) {
        for (size_t i = lo; i < hi; i++) {
            sim_error e;
            sim_error_clear(&e);
            if (fn(ctx, i, 0, out ? out + (i - lo) * width : NULL, &e) != 0) {
                if (err)
                    *err = e;
                if (failed)
                    *failed = i;
                return 1;
            }
        }
        return 0;
    }

    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pool_run r = {.lo = lo, .hi = hi, .width = width, .fn = fn, .ctx = ctx, .out = out,
                  .failed = (size_t)-1};
    atomic_init(&r.next, lo);
    atomic_init(&r.done, 0);
    atomic_init(&r.stop, 0);
    pthread_mutex_init(&r.lock, NULL);
    pthread_t threads[POOL_MAX_THREADS];
    pool_worker ws[POOL_MAX_THREADS];
    unsigned started = 0;
    int create_rc = 0;
    for (unsigned t = 0; t < workers; t++) {
        ws[t] = (pool_worker){.run = &r, .id = t};
        create_rc = pthread_create(&threads[t], NULL, pool_worker_main, &ws[t]);
        if (create_rc != 0)
            break;
        started++;
    }
    if (started == 0) {
        r.failed = lo;
        sim_error_set(&r.err, SIM_ENOMEM, NULL, 0, "cannot start worker threads: %s",
                      strerror(create_rc));
    }
    if (progress) {
        /* The calling thread only draws: a tenth of a second at a time. */
        for (;;) {
            size_t done = atomic_load(&r.done);
            pool_draw_progress(done, hi - lo, &start);
            if (done >= hi - lo || started == 0 || atomic_load(&r.stop))
                break;
            struct timespec ts = {0, 100000000L};
            nanosleep(&ts, NULL);
        }
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (progress) {
        pool_draw_progress(atomic_load(&r.done), hi - lo, &start);
        fputc('\n', stderr);
    }
    pthread_mutex_destroy(&r.lock);
    if (r.failed != (size_t)-1) {
        if (err)
            *err = r.err;
        if (failed)
            *failed = r.failed;
        return 1;
    }
    return 0;
}

static int pool_exec_map(pool_exec *ex, size_t n, size_t width, pool_task fn, void *ctx,
                         double *out, sim_error *err, size_t *failed)
{
    return pool_map_range(ex->workers, ex->progress, 0, n, width, fn, ctx, out, err, failed);
}

static int pool_exec_agree(pool_exec *ex, int ok)
{
    (void)ex;
    return ok != 0;
}

void pool_exec_init(pool_exec *ex, unsigned workers)
{
    *ex = (pool_exec){.workers = workers ? workers : pool_cores(), .rank = 0, .size = 1,
                      .map = pool_exec_map, .agree = pool_exec_agree};
}
