/* cleanup.c: the registry of files to remove when a signal stops the
 * program (cli/cleanup.h). Everything the handler touches is either
 * lock-free atomics or memory that never moves, and it calls only unlink()
 * and rmdir(), which are async-signal-safe. */
#include "cli/cleanup.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "sim/files/output.h"

#define CLEANUP_SLOTS 64
#define CLEANUP_PATH 1100

/* state: 0 free, 1 being filled, 2 live (the handler removes path). */
static struct {
    atomic_int state;
    char path[CLEANUP_PATH];
} slots[CLEANUP_SLOTS];

static struct {
    atomic_int live;
    char staging[CLEANUP_PATH];
    char lock[CLEANUP_PATH];
    char outdir[CLEANUP_PATH]; /* "" when the folder existed before the batch */
    char *const *names;
    size_t n;
} batch;

void cleanup_add(const char *path)
{
    size_t len = strlen(path);
    if (len >= CLEANUP_PATH)
        return;
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        int free_slot = 0;
        if (atomic_compare_exchange_strong(&slots[i].state, &free_slot, 1)) {
            memcpy(slots[i].path, path, len + 1);
            atomic_store(&slots[i].state, 2);
            return;
        }
    }
}

void cleanup_forget(const char *path)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        int live = 2;
        if (atomic_load(&slots[i].state) == 2 && strcmp(slots[i].path, path) == 0 &&
            atomic_compare_exchange_strong(&slots[i].state, &live, 1)) {
            atomic_store(&slots[i].state, 0);
            return;
        }
    }
}

void cleanup_batch(const char *staging, char *const *names, size_t n, const char *lock,
                   const char *outdir)
{
    atomic_store(&batch.live, 0);
    if (outdir == NULL)
        outdir = "";
    if (strlen(staging) >= CLEANUP_PATH - 300 || strlen(lock) >= CLEANUP_PATH ||
        strlen(outdir) >= CLEANUP_PATH)
        return;
    memcpy(batch.staging, staging, strlen(staging) + 1);
    memcpy(batch.lock, lock, strlen(lock) + 1);
    memcpy(batch.outdir, outdir, strlen(outdir) + 1);
    batch.names = names;
    batch.n = n;
    atomic_store(&batch.live, 1);
}

void cleanup_batch_end(void)
{
    atomic_store(&batch.live, 0);
}

/* dir + "/" + name into buf without stdio (not async-signal-safe). */
static int cleanup_join(char *buf, size_t cap, const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    if (a + 1 + b + 1 > cap)
        return 0;
    memcpy(buf, dir, a);
    buf[a] = '/';
    memcpy(buf + a + 1, name, b + 1);
    return 1;
}

void cleanup_run(void)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        if (atomic_load(&slots[i].state) == 2)
            unlink(slots[i].path);
    if (atomic_load(&batch.live)) {
        char buf[CLEANUP_PATH + 300];
        for (size_t i = 0; i < batch.n; i++)
            if (cleanup_join(buf, sizeof buf, batch.staging, batch.names[i]))
                unlink(buf);
        if (cleanup_join(buf, sizeof buf, batch.staging, "summary.csv"))
            unlink(buf);
        if (cleanup_join(buf, sizeof buf, batch.staging, "columns.json"))
            unlink(buf);
        rmdir(batch.staging);
        unlink(batch.lock);
        if (batch.outdir[0] != '\0')
            rmdir(batch.outdir); /* only when empty: nothing was renamed into it */
    }
}

static void cleanup_handler(int sig)
{
    int saved = errno;
    cleanup_run();
    /* SA_RESETHAND restored the default action: die of the signal. */
    raise(sig);
    errno = saved;
}

static void cleanup_hook_created(const char *tmp)
{
    cleanup_add(tmp);
}

static void cleanup_hook_gone(const char *tmp)
{
    cleanup_forget(tmp);
}

void cleanup_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    output_set_tmp_hooks(cleanup_hook_created, cleanup_hook_gone);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = cleanup_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = (int)SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
}
