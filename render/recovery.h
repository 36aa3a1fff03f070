/* recovery.h: the recovery copies that keep unsaved work through a crash or
 * a power cut. Each session writes its own file in the recovery folder,
 * session-YYYYMMDD-HHMMSS-PID.ini, at most every two seconds while the
 * scenario has unsaved changes, and holds a lock on session-...lock while it
 * runs (flock: the system releases it when the process dies). At start, a
 * copy whose lock nobody holds is a crashed session's: the app's restore
 * dialog offers it (Restore / Discard; Escape keeps it for the next start).
 * Beside the copy, session-...from names the scenario file it belongs to
 * (none for new work), so that a restored copy saves back to that file.
 * A clean exit removes the session's own file; a write that fails says so on
 * the status line, with the file and the reason. No SDL: the window layer
 * (gui.c) calls these with the time, the tests without a display. */
#ifndef RENDER_RECOVERY_H
#define RENDER_RECOVERY_H

#include <stddef.h>

#include "render/app.h"

#define RECOVERY_PERIOD_MS 2000.0 /* at most one write per this interval */

typedef struct recovery {
    char dir[1024];        /* the recovery folder, "" when recovery is off */
    char path[1100];       /* this session's recovery file */
    char lock[1100];       /* this session's lock file */
    int lock_fd;           /* open and locked lock file, -1 none */
    long written_runs;     /* app->runs at the last write or check, -1 none yet */
    double written_at;     /* time of the last write attempt, ms (caller's clock) */
    int attempted;         /* 1 once a write was tried (the period counts from it) */
    int exists;            /* 1 when this session's file is on disk */
    int failed;            /* 1 while writes fail (said once on the status line) */
    int offers_done;       /* 1 once the user put off the restore question (Escape) */
    char remove_after[1100]; /* a restored crashed session's file, removed once this
                                session's own copy is written */
} recovery;

/* The default recovery folder: $XDG_STATE_HOME/transim/recovery or
 * ~/.local/state/transim/recovery, into buf; "" when no home is known. */
void recovery_default_dir(char *buf, size_t n);

/* Starts this session's recovery in dir ("" or NULL: off): names its file
 * after the time and the process id and takes its lock. A folder that
 * cannot be made is not an error here: the first write says why. */
void recovery_init(recovery *r, const char *dir);

/* Ends the session's recovery: with clean = 1 (the user quit, saving or
 * discarding on purpose) removes its file; releases and removes the lock.
 * A crash never gets here, so its file and an unlocked lock remain. */
void recovery_release(recovery *r, int clean);

/* Called after every frame with the time now (ms): writes the scenario to
 * the session's file when it changed since the last write and has unsaved
 * changes (at most every RECOVERY_PERIOD_MS), removes the file when the
 * scenario became clean (saved or discarded), and acts on the answer to the
 * restore question. A failed write sets an error on a's status line once
 * (file and reason) and is retried at the next period. */
void recovery_tick(recovery *r, app *a, double now_ms);

/* Finds the newest recovery file of a session that is not running (its
 * lock is free), other than this session's; 1 with its path in buf. */
int recovery_find_orphan(const recovery *r, char *buf, size_t n);

/* The scenario file that recovery file path belongs to, as recorded beside
 * it, into buf; "" when none (new work, or an older copy). */
void recovery_read_origin(const char *path, char *buf, size_t n);

/* Opens the app's restore dialog on the newest crashed session's file, if
 * any and no other dialog is open; returns 1 when it did. */
int recovery_offer(recovery *r, app *a);

#endif
