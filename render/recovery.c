/* recovery.c: one recovery copy per session, and the restore of a crashed
 * session's copy (see recovery.h). POSIX files and flock(); no SDL. */
#define _DEFAULT_SOURCE /* flock() */
#include "render/recovery.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "render/paths.h"
#include "render/strings.h"

void recovery_default_dir(char *buf, size_t n)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    if (state && state[0] == '/')
        snprintf(buf, n, "%s/transim/recovery", state);
    else if (home && *home)
        snprintf(buf, n, "%s/.local/state/transim/recovery", home);
    else if (n > 0)
        buf[0] = '\0';
}

/* Recovery file path with ".ini" replaced by ext (".lock", ".from") into buf. */
static void sibling_of(const char *path, const char *ext, char *buf, size_t n)
{
    size_t len = strlen(path);
    if (len > 4 && strcmp(path + len - 4, ".ini") == 0)
        len -= 4;
    snprintf(buf, n, "%.*s%s", (int)len, path, ext);
}

/* The lock file of recovery file path into buf. */
static void lock_of(const char *path, char *buf, size_t n)
{
    sibling_of(path, ".lock", buf, n);
}

/* The file beside recovery file path that names the scenario file the
 * copy belongs to (one line, no newline); absent for unsaved new work. */
static void origin_of(const char *path, char *buf, size_t n)
{
    sibling_of(path, ".from", buf, n);
}

/* Records origin ("" none) beside recovery file path, through a temporary
 * file and a rename; 0, or -1 with errno. */
static int write_origin(const char *path, const char *origin)
{
    char from[1100], tmp[1120];
    origin_of(path, from, sizeof from);
    if (!origin[0])
        return remove(from) == 0 || errno == ENOENT ? 0 : -1;
    snprintf(tmp, sizeof tmp, "%s.tmp", from);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    int ok = fputs(origin, f) >= 0;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, from) != 0) {
        int e = errno;
        remove(tmp);
        errno = e;
        return -1;
    }
    return 0;
}

void recovery_read_origin(const char *path, char *buf, size_t n)
{
    char from[1100];
    origin_of(path, from, sizeof from);
    if (n == 0)
        return;
    buf[0] = '\0';
    FILE *f = fopen(from, "r");
    if (!f)
        return;
    if (!fgets(buf, (int)n, f))
        buf[0] = '\0';
    fclose(f);
    buf[strcspn(buf, "\n")] = '\0';
}

void recovery_init(recovery *r, const char *dir)
{
    memset(r, 0, sizeof *r);
    r->lock_fd = -1;
    r->written_runs = -1;
    if (!dir || !*dir)
        return;
    snprintf(r->dir, sizeof r->dir, "%s", dir);
    time_t t = time(NULL);
    struct tm tm;
    char stamp[32] = "0";
    if (localtime_r(&t, &tm))
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    snprintf(r->path, sizeof r->path, "%s/session-%s-%ld.ini", r->dir, stamp, (long)getpid());
    lock_of(r->path, r->lock, sizeof r->lock);
    if (paths_make_dirs(r->dir, 0700) != 0)
        return; /* the first write reports it */
    r->lock_fd = open(r->lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (r->lock_fd >= 0 && flock(r->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        close(r->lock_fd);
        r->lock_fd = -1;
    }
}

void recovery_release(recovery *r, int clean)
{
    if (!r->dir[0])
        return;
    if (clean && r->exists) {
        remove(r->path);
        write_origin(r->path, "");
    }
    if (r->lock_fd >= 0) {
        /* Removed before unlocking, so no other session finds it unlocked
         * beside a file that is about to go. */
        if (clean || !r->exists)
            remove(r->lock);
        close(r->lock_fd);
        r->lock_fd = -1;
    }
    r->dir[0] = '\0';
}

/* 1 when no running session holds the lock of recovery file path. */
static int unlocked(const char *path)
{
    char lock[1100];
    lock_of(path, lock, sizeof lock);
    int fd = open(lock, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT;
    int free_ = flock(fd, LOCK_EX | LOCK_NB) == 0;
    close(fd); /* also releases the lock just taken */
    return free_;
}

int recovery_find_orphan(const recovery *r, char *buf, size_t n)
{
    if (!r->dir[0])
        return 0;
    DIR *d = opendir(r->dir);
    if (!d)
        return 0;
    const char *own = strrchr(r->path, '/');
    own = own ? own + 1 : r->path;
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "session-", 8) != 0 || len <= 4 || len >= sizeof best ||
            strcmp(e->d_name + len - 4, ".ini") != 0 || strcmp(e->d_name, own) == 0)
            continue;
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", r->dir, e->d_name);
        /* Names sort by time: keep the newest. */
        if (strcmp(e->d_name, best) > 0 && unlocked(path))
            memcpy(best, e->d_name, len + 1);
    }
    closedir(d);
    if (!best[0])
        return 0;
    int w = snprintf(buf, n, "%s/%s", r->dir, best);
    return w > 0 && (size_t)w < n;
}

int recovery_offer(recovery *r, app *a)
{
    if (r->offers_done || a->dialog != APP_DLG_NONE ||
        !recovery_find_orphan(r, a->restore_path, sizeof a->restore_path))
        return 0;
    scenario *sc = malloc(sizeof *sc);
    if (!sc)
        return 0;
    scenario_init(sc);
    sim_error err;
    sim_error_clear(&err);
    if (scenario_load(sc, a->restore_path, &err) == SIM_OK)
        snprintf(a->restore_name, sizeof a->restore_name, "%s", sc->name);
    else
        snprintf(a->restore_name, sizeof a->restore_name, "%s", "?");
    free(sc);
    struct stat st;
    struct tm tm;
    a->restore_when[0] = '\0';
    if (stat(a->restore_path, &st) == 0 && localtime_r(&st.st_mtime, &tm))
        strftime(a->restore_when, sizeof a->restore_when, "%Y-%m-%d %H:%M", &tm);
    recovery_read_origin(a->restore_path, a->restore_origin, sizeof a->restore_origin);
    a->restore_answer = APP_RESTORE_OPEN;
    a->dialog = APP_DLG_RESTORE;
    return 1;
}

/* Removes a crashed session's file and its lock. */
static void remove_copy(const char *path)
{
    char lock[1100];
    lock_of(path, lock, sizeof lock);
    remove(path);
    write_origin(path, "");
    remove(lock);
}

/* Acts on the user's answer to the restore question. */
static void answered(recovery *r, app *a)
{
    app_restore_answer ans = a->restore_answer;
    if (ans == APP_RESTORE_OPEN || a->dialog == APP_DLG_RESTORE)
        return;
    a->restore_answer = APP_RESTORE_OPEN;
    if (ans == APP_RESTORE_RESTORED) {
        /* The copy goes once this session's own holds the work. */
        snprintf(r->remove_after, sizeof r->remove_after, "%s", a->restore_path);
        r->written_runs = -1;
        r->attempted = 0; /* write at the next tick, whatever the time */
    } else if (ans == APP_RESTORE_DISCARDED) {
        remove_copy(a->restore_path);
        recovery_offer(r, a);
    } else {
        r->offers_done = 1; /* kept for the next start */
    }
}

void recovery_tick(recovery *r, app *a, double now_ms)
{
    if (!r->dir[0])
        return;
    answered(r, a);
    if (a->runs == r->written_runs && !r->remove_after[0])
        return;
    if (r->attempted && now_ms - r->written_at < RECOVERY_PERIOD_MS)
        return;
    if (!app_dirty(a)) {
        r->written_runs = a->runs;
        if (r->exists && remove(r->path) == 0) {
            r->exists = 0; /* saved or discarded: nothing to recover */
            write_origin(r->path, "");
        }
        if (r->remove_after[0]) { /* restored work saved before its copy was */
            remove_copy(r->remove_after);
            r->remove_after[0] = '\0';
        }
        return;
    }
    r->written_at = now_ms;
    r->attempted = 1;
    sim_error err;
    sim_error_clear(&err);
    if (paths_make_dirs(r->dir, 0700) != 0) {
        sim_error_set(&err, SIM_EIO, r->dir, 0, "cannot make the recovery folder: %s",
                      strerror(errno));
    } else if (write_origin(r->path, a->path) != 0) {
        sim_error_set(&err, SIM_EIO, r->path, 0, "cannot record the scenario's file: %s",
                      strerror(errno));
    } else if (scenario_save(&a->sc, r->path, &err) == SIM_OK) {
        r->written_runs = a->runs;
        r->exists = 1;
        r->failed = 0;
        if (r->remove_after[0]) {
            remove_copy(r->remove_after);
            r->remove_after[0] = '\0';
            recovery_offer(r, a);
        }
        return;
    }
    if (!r->failed) {
        char msg[1200];
        app_status(a, 1, str_get(STR_AUTOSAVE_FAILED_FMT, a->swedish),
                   sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
    }
    r->failed = 1;
}
