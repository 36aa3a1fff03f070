/* bands.c: the uncertainty bands' draws on worker threads (see bands.h).
 * One mutex guards the current job and the claim of draws; a worker copies
 * the job when its number changes, claims the next draw index, runs it
 * without the lock, and files the values only if the job is still current.
 * Draws finish out of order on two cores; `ready` counts the first draws
 * that are all done, so a band made of them is the same at every count
 * whatever the threads did. SDL's threads, because the web build has none
 * (there bands_create gives a runner without threads and the app steps it). */
#define _GNU_SOURCE /* syscall(SYS_gettid) and setpriority for a worker's own niceness */
#include "render/bands.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <gsl/gsl_rng.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "sim/engine/run.h"
#include "sim/studies/sample.h"

/* What one thread needs to run draws: its own copy of the job and its own
 * runner, result and generator (nothing shared while it runs). */
typedef struct bands_worker {
    bands *b;
    SDL_Thread *thread;
    long gen;          /* number of the job in job (0: none yet) */
    bands_job *job;    /* copy of the job being drawn */
    scenario *sc;      /* scratch scenario of one draw */
    run_result res;    /* scratch run of one draw */
    runner *rn;
    gsl_rng *rng;
    double *vals;      /* nout x rows values of the last draw */
    size_t vals_cap;   /* doubles vals holds */
} bands_worker;

struct bands {
    SDL_mutex *mu;
    SDL_cond *work;    /* signalled on a post and on quit */
    SDL_cond *done;    /* signalled when a job's last draw is ready */
    bands_job *job;    /* the current job (heap: it is large) */
    long gen;          /* its number, 0 before the first post */
    int next;          /* next draw index to claim */
    int ready;         /* draws 0..ready-1 are filed */
    unsigned char *filed; /* per draw index: 1 when its values are in */
    double *values;    /* draws x nout x rows, draw-major */
    size_t cap;        /* doubles values holds */
    int quit;
    bands_notify notify;
    void *notify_user;
    unsigned nthreads;
    bands_worker w[BANDS_THREADS_MAX];
    bands_worker self; /* the calling thread's, without workers */
};

/* The lock, where there is one (none without thread support). */
static void lock(bands *b)
{
    if (b->mu)
        SDL_LockMutex(b->mu);
}

static void unlock(bands *b)
{
    if (b->mu)
        SDL_UnlockMutex(b->mu);
}

static int worker_init(bands_worker *w, bands *b)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    run_result_init(&w->res);
    w->job = malloc(sizeof *w->job);
    w->sc = malloc(sizeof *w->sc);
    return w->job && w->sc;
}

static void worker_release(bands_worker *w)
{
    free(w->job);
    free(w->sc);
    free(w->vals);
    run_result_release(&w->res);
    runner_destroy(w->rn);
    if (w->rng)
        gsl_rng_free(w->rng);
}

/* Runs draw i of w->job into w->vals (NAN where the run failed). 0 when
 * out of memory. The runner and generator are made here, on the thread
 * that uses them, so that their memory is its own. */
static int run_draw(bands_worker *w, int i)
{
    const bands_job *j = w->job;
    size_t need = (size_t)j->nout * j->rows;
    if (need > w->vals_cap) {
        double *v = realloc(w->vals, need * sizeof *v);
        if (!v)
            return 0;
        w->vals = v;
        w->vals_cap = need;
    }
    if (!w->rn)
        w->rn = runner_create();
    if (!w->rng)
        w->rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!w->rn || !w->rng)
        return 0;
    *w->sc = j->sc;
    sample_mc_draw(w->sc, j->vary, j->nvary, w->rng, j->seed, (uint64_t)i, NULL);
    int ok = runner_run(w->rn, w->sc, NULL, &w->res, NULL) == SIM_OK && w->res.rows == j->rows;
    for (int k = 0; k < j->nout; k++)
        for (size_t r = 0; r < j->rows; r++)
            w->vals[(size_t)k * j->rows + r] = ok ? run_value(&w->res, r, j->out[k]) : NAN;
    return 1;
}

/* Files draw i of job gen, the values vals (NULL: a draw that could not
 * run for want of memory, filed as failed so that the job still ends), when
 * that job is still current (lock held). Returns 1 when the notifier is
 * due. */
static int file_draw(bands *b, const double *vals, long gen, int i)
{
    if (gen != b->gen)
        return 0;
    const bands_job *j = b->job;
    size_t width = (size_t)j->nout * j->rows;
    double *to = b->values + (size_t)i * width;
    for (size_t x = 0; x < width; x++)
        to[x] = vals ? vals[x] : NAN;
    b->filed[i] = 1;
    int before = b->ready;
    while (b->ready < j->draws && b->filed[b->ready])
        b->ready++;
    if (b->ready == before)
        return 0;
    if (b->ready == j->draws)
        return 1;
    return j->notify_every > 0 && b->ready / j->notify_every > before / j->notify_every;
}

/* Lowers the calling worker's priority a little: the window's thread gets
 * the larger share of a core it shares with a worker, yet on a machine
 * that other programs keep busy the draws still progress. SDL's low
 * priority is niceness 19 on Linux, which starved them there (200 draws
 * took minutes at a load of 18 on two cores). */
static void lower_priority(void)
{
#ifdef __linux__
    id_t tid = (id_t)syscall(SYS_gettid);
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        setpriority(PRIO_PROCESS, tid, nice + 5 > 19 ? 19 : nice + 5);
#else
    SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
#endif
}

static int worker_main(void *arg)
{
    bands_worker *w = arg;
    bands *b = w->b;
    lower_priority();
    SDL_LockMutex(b->mu);
    while (!b->quit) {
        if (b->gen == 0 || b->next >= b->job->draws) {
            SDL_CondWait(b->work, b->mu);
            continue;
        }
        if (w->gen != b->gen) {
            memcpy(w->job, b->job, sizeof *w->job);
            w->gen = b->gen;
        }
        int i = b->next++;
        long gen = w->gen;
        SDL_UnlockMutex(b->mu);
        int ran = run_draw(w, i);
        SDL_LockMutex(b->mu);
        if (file_draw(b, ran ? w->vals : NULL, gen, i) && b->notify) {
            bands_notify fn = b->notify;
            void *user = b->notify_user;
            SDL_UnlockMutex(b->mu);
            fn(user);
            SDL_LockMutex(b->mu);
        }
        /* After the notifier: a waiter sees its last call done. */
        if (b->gen == gen && b->ready == b->job->draws)
            SDL_CondBroadcast(b->done);
    }
    SDL_UnlockMutex(b->mu);
    return 0;
}

bands *bands_create(unsigned threads)
{
    bands *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->job = malloc(sizeof *b->job);
    if (!b->job || !worker_init(&b->self, b)) {
        bands_destroy(b);
        return NULL;
    }
    /* An SDL without threads (the web build) has no condition variables
     * either: then the caller steps the draws. */
    b->mu = SDL_CreateMutex();
    b->work = SDL_CreateCond();
    b->done = SDL_CreateCond();
    if (!b->mu || !b->work || !b->done)
        threads = 0;
    if (threads > BANDS_THREADS_MAX)
        threads = BANDS_THREADS_MAX;
    for (unsigned t = 0; t < threads; t++) {
        bands_worker *w = &b->w[b->nthreads];
        if (!worker_init(w, b)) {
            worker_release(w);
            break;
        }
        w->thread = SDL_CreateThread(worker_main, "transim-bands", w);
        if (!w->thread) {
            worker_release(w);
            break;
        }
        b->nthreads++;
    }
    return b;
}

void bands_destroy(bands *b)
{
    if (!b)
        return;
    if (b->nthreads > 0) {
        SDL_LockMutex(b->mu);
        b->quit = 1;
        SDL_CondBroadcast(b->work);
        SDL_UnlockMutex(b->mu);
    }
    for (unsigned t = 0; t < b->nthreads; t++) {
        SDL_WaitThread(b->w[t].thread, NULL);
        worker_release(&b->w[t]);
    }
    worker_release(&b->self);
    free(b->job);
    free(b->filed);
    free(b->values);
    if (b->done)
        SDL_DestroyCond(b->done);
    if (b->work)
        SDL_DestroyCond(b->work);
    if (b->mu)
        SDL_DestroyMutex(b->mu);
    free(b);
}

unsigned bands_threads(const bands *b)
{
    return b->nthreads;
}

void bands_set_notify(bands *b, bands_notify fn, void *user)
{
    lock(b);
    b->notify = fn;
    b->notify_user = user;
    unlock(b);
}

long bands_post(bands *b, const bands_job *job)
{
    if (job->nout < 1 || job->nout > BANDS_OUT_MAX || job->draws < 1 ||
        job->draws > BANDS_DRAWS_MAX || job->nvary > VAR_COUNT)
        return 0;
    size_t need = (size_t)job->draws * (size_t)job->nout * job->rows;
    long gen = 0;
    lock(b);
    if (need > b->cap) {
        double *v = realloc(b->values, need * sizeof *v);
        if (!v)
            goto out;
        b->values = v;
        b->cap = need;
    }
    unsigned char *f = realloc(b->filed, (size_t)job->draws);
    if (!f)
        goto out;
    b->filed = f;
    memset(b->filed, 0, (size_t)job->draws);
    memcpy(b->job, job, sizeof *job);
    gen = ++b->gen;
    b->next = 0;
    b->ready = 0;
    if (b->work)
        SDL_CondBroadcast(b->work);
out:
    unlock(b);
    return gen;
}

int bands_step(bands *b, int max)
{
    if (b->nthreads > 0 || b->gen == 0)
        return 0;
    bands_worker *w = &b->self;
    if (w->gen != b->gen) {
        memcpy(w->job, b->job, sizeof *w->job);
        w->gen = b->gen;
    }
    int n = 0;
    while (n < max && b->next < b->job->draws) {
        int i = b->next++;
        file_draw(b, run_draw(w, i) ? w->vals : NULL, w->gen, i);
        n++;
    }
    return n;
}

void bands_wait(bands *b)
{
    if (b->nthreads == 0) {
        while (bands_step(b, BANDS_DRAWS_MAX) > 0)
            ;
        return;
    }
    SDL_LockMutex(b->mu);
    while (b->gen != 0 && b->ready < b->job->draws)
        SDL_CondWait(b->done, b->mu);
    SDL_UnlockMutex(b->mu);
}

long bands_ready(bands *b, int *ready)
{
    lock(b);
    long gen = b->gen;
    *ready = b->ready;
    unlock(b);
    return gen;
}

double bands_value(const bands *b, int i, int k, size_t r)
{
    const bands_job *j = b->job;
    return b->values[((size_t)i * (size_t)j->nout + (size_t)k) * j->rows + r];
}
