/* pool.c: a fixed set of POSIX threads that take task indices from a shared
 * counter. Each block of results has its own place in the output array, so
 * the order in which threads finish never shows in the results. */
#include "cli/pool.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct pool_run {
    pthread_mutex_t lock;
    pthread_cond_t changed; /* signalled when a task ends */
    size_t next;            /* next index to hand out */
    size_t lo, hi;          /* index range of the map */
    size_t done;            /* tasks finished */
    size_t width;
    pool_task fn;
    void *ctx;
    double *out;
    int stop;               /* a task failed: hand out no more */
    size_t failed;          /* lowest failed index, (size_t)-1 when none */
    sim_error err;          /* error of that index */
    unsigned running;       /* threads still working */
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

static void *pool_worker_main(void *arg)
{
    pool_worker *w = arg;
    pool_run *r = w->run;
    sim_error err;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        if (r->stop || r->next >= r->hi) {
            r->running--;
            pthread_cond_broadcast(&r->changed);
            pthread_mutex_unlock(&r->lock);
            return NULL;
        }
        size_t i = r->next++;
        pthread_mutex_unlock(&r->lock);

        sim_error_clear(&err);
        int rc = r->fn(r->ctx, i, w->id, r->out + (i - r->lo) * r->width, &err);

        pthread_mutex_lock(&r->lock);
        r->done++;
        if (rc != 0) {
            r->stop = 1;
            if (r->failed == (size_t)-1 || i < r->failed) {
                r->failed = i;
                r->err = err;
            }
        }
        pthread_cond_broadcast(&r->changed);
        pthread_mutex_unlock(&r->lock);
    }
}

/* Draws "[#####.....]  42% 420/1000" on stderr, overwriting the line. */
static void pool_draw_progress(size_t done, size_t total)
{
    enum { BAR = 40 };
    char bar[BAR + 1];
    size_t fill = total ? done * BAR / total : BAR;
    for (size_t i = 0; i < BAR; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[BAR] = '\0';
    fprintf(stderr, "\r[%s] %3zu%% %zu/%zu", bar, total ? done * 100 / total : 100, done, total);
    fflush(stderr);
}

int pool_map_range(unsigned workers, int progress, size_t lo, size_t hi, size_t width,
                   pool_task fn, void *ctx, double *out, sim_error *err, size_t *failed)
{
    pool_run r = {.next = lo, .lo = lo, .hi = hi, .width = width, .fn = fn, .ctx = ctx,
                  .out = out, .failed = (size_t)-1};
    if (failed)
        *failed = (size_t)-1;
    if (hi <= lo)
        return 0;
    if (workers == 0)
        workers = 1;
    if ((size_t)workers > hi - lo)
        workers = (unsigned)(hi - lo);

    /* One worker: run on the calling thread (no thread start-up cost, and
     * the same code path the threads take). */
    if (workers == 1 && !progress) {
        for (size_t i = lo; i < hi; i++) {
            sim_error e;
            sim_error_clear(&e);
            if (fn(ctx, i, 0, out + (i - lo) * width, &e) != 0) {
                if (err)
                    *err = e;
                if (failed)
                    *failed = i;
                return 1;
            }
        }
        return 0;
    }

    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.changed, NULL);
    pthread_t threads[256];
    pool_worker ws[256];
    if (workers > 256)
        workers = 256;
    unsigned started = 0;
    int create_rc = 0;
    r.running = workers;
    for (unsigned t = 0; t < workers; t++) {
        ws[t] = (pool_worker){.run = &r, .id = t};
        create_rc = pthread_create(&threads[t], NULL, pool_worker_main, &ws[t]);
        if (create_rc != 0)
            break;
        started++;
    }
    pthread_mutex_lock(&r.lock);
    r.running -= workers - started;
    if (started == 0) {
        r.stop = 1;
        r.failed = lo;
        sim_error_set(&r.err, SIM_ENOMEM, NULL, 0, "cannot start worker threads: %s",
                      strerror(create_rc));
    }
    while (r.running > 0) {
        if (progress) {
            pool_draw_progress(r.done, hi - lo);
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 100000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&r.changed, &r.lock, &until);
        } else {
            pthread_cond_wait(&r.changed, &r.lock);
        }
    }
    pthread_mutex_unlock(&r.lock);
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (progress) {
        pool_draw_progress(r.done, hi - lo);
        fputc('\n', stderr);
    }
    pthread_cond_destroy(&r.changed);
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

void pool_exec_init(pool_exec *ex, unsigned workers)
{
    *ex = (pool_exec){.workers = workers ? workers : pool_cores(), .rank = 0, .size = 1,
                      .map = pool_exec_map};
}
