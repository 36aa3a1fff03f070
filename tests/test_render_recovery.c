/* test_render_recovery.c: the recovery copies without a display (render/
 * recovery.h): one file per session, a crashed session's copy offered at
 * start and kept until the user chooses, restore and discard, a running
 * session's copy left alone, a clean exit removing its own file, and a
 * failed write said on the status line. A crash is a forked process that
 * ends without cleaning up; text is measured by a stand-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render/app.h"
#include "render/app_ui.h"
#include "render/recovery.h"
#include "tests/render_test_util.h"

/* Every character 7 px wide, every line 15 px high. */
static const test_font font = {7, 15};

typedef struct fixture {
    app *a;
    ui_ctx *ctx;
    app_layout l;
    recovery rec;
    char tmp[64];
    char dir[128]; /* the recovery folder */
    int lever;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sim_error err;
    sim_error_clear(&err);
    if (!f || !(f->a = app_create(&err)) || !(f->ctx = malloc(sizeof *f->ctx)))
        return -1;
    test_ui_init(f->ctx, &font);
    f->ctx->width = 1280;
    f->ctx->height = 800;
    snprintf(f->tmp, sizeof f->tmp, "%s", "/tmp/transim-recovery-XXXXXX");
    if (!mkdtemp(f->tmp))
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s/state/transim/recovery", f->tmp);
    f->lever = var_lever_ids[0];
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    recovery_release(&f->rec, 1);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->tmp);
    app_destroy(f->a);
    free(f->ctx);
    free(f);
    return 0;
}

static void frame(fixture *f)
{
    app_frame(f->a, f->ctx, &f->l);
}

static void key(fixture *f, unsigned k)
{
    ui_input_key(f->ctx, k, 0);
    frame(f);
}

/* A session in another process that opens the scenario file origin (NULL:
 * none, new work), changes a lever to value, writes its recovery copy and
 * crashes (ends without cleaning up). Its file's path goes into path. */
static void crashed_session_on(fixture *f, const char *origin, double value, char *path, size_t n)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        sim_error err;
        sim_error_clear(&err);
        app *a = app_create(&err);
        if (origin && app_open(a, origin, &err) != SIM_OK)
            _exit(2);
        recovery r;
        recovery_init(&r, f->dir);
        app_set_value(a, f->lever, value, 0);
        recovery_tick(&r, a, 0);
        ssize_t w = write(fd[1], r.path, strlen(r.path) + 1);
        _exit(w > 0 && r.exists ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], path, n - 1);
    close(fd[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_true(got > 0);
    path[got] = '\0';
    assert_int_equal(access(path, R_OK), 0);
}

static void crashed_session(fixture *f, double value, char *path, size_t n)
{
    crashed_session_on(f, NULL, value, path, n);
}

static double value_in(const char *path, int var)
{
    scenario sc;
    scenario_init(&sc);
    sim_error err;
    sim_error_clear(&err);
    assert_int_equal(scenario_load(&sc, path, &err), SIM_OK);
    return sc.value[var];
}

static void test_each_session_writes_its_own_file(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    char crashed[1200];
    crashed_session(f, d->max, crashed, sizeof crashed);
    recovery_init(&f->rec, f->dir);
    assert_string_not_equal(f->rec.path, crashed);
    app_set_value(f->a, f->lever, d->min, 0);
    recovery_tick(&f->rec, f->a, 0);
    assert_true(value_in(f->rec.path, f->lever) == d->min);
    assert_true(value_in(crashed, f->lever) == d->max); /* the crashed copy is untouched */
}

static void test_a_crashed_copy_is_offered_and_kept_until_chosen(void **state)
{
    fixture *f = *state;
    char crashed[1200];
    crashed_session(f, var_table[f->lever].max, crashed, sizeof crashed);
    recovery_init(&f->rec, f->dir);
    assert_true(recovery_offer(&f->rec, f->a));
    assert_int_equal(f->a->dialog, APP_DLG_RESTORE);
    assert_string_equal(f->a->restore_path, crashed);
    assert_string_equal(f->a->restore_name, "Baseline");
    frame(f);
    key(f, UI_KEY_ESCAPE); /* neither: asked again at the next start */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    recovery_tick(&f->rec, f->a, 0);
    assert_int_equal(access(crashed, R_OK), 0);
    assert_false(recovery_offer(&f->rec, f->a)); /* not again in this session */
    assert_false(app_dirty(f->a));
}

static void test_restore_brings_the_work_back_then_removes_the_copy(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    char crashed[1200];
    crashed_session(f, d->max, crashed, sizeof crashed);
    recovery_init(&f->rec, f->dir);
    recovery_offer(&f->rec, f->a);
    frame(f);
    key(f, UI_KEY_RETURN); /* Restore: the default, it loses nothing */
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    assert_true(f->a->sc.value[f->lever] == d->max);
    assert_true(app_dirty(f->a));
    assert_string_equal(f->a->path, ""); /* Save asks where: not into the recovery folder */
    assert_int_equal(access(crashed, R_OK), 0); /* kept until this session has its own */
    recovery_tick(&f->rec, f->a, 1);
    assert_true(value_in(f->rec.path, f->lever) == d->max);
    assert_int_not_equal(access(crashed, F_OK), 0);
}

/* A copy of work on a saved file goes back to that file: the title names
 * it, Save writes there, and the unsaved mark compares with the file. */
static void test_a_restored_copy_saves_to_its_own_file(void **state)
{
    fixture *f = *state;
    const var_desc *d = &var_table[f->lever];
    char file[160], crashed[1200], title[1400];
    snprintf(file, sizeof file, "%s/team-blue.ini", f->tmp);
    FILE *fp = fopen(file, "w");
    assert_non_null(fp);
    fputs("[scenario]\nname = Team Blue\n", fp);
    fclose(fp);
    crashed_session_on(f, file, d->max, crashed, sizeof crashed);
    recovery_init(&f->rec, f->dir);
    assert_true(recovery_offer(&f->rec, f->a));
    assert_string_equal(f->a->restore_origin, file);
    frame(f);
    key(f, UI_KEY_RETURN); /* Restore */
    assert_string_equal(f->a->path, file);
    assert_true(app_dirty(f->a));
    app_title(f->a, title, sizeof title);
    assert_string_equal(title, "\xE2\x80\xA2 Team Blue \xE2\x80\x94 transim");
    assert_true(value_in(file, f->lever) != d->max); /* not saved by restoring */
    app_command(f->a, APP_CMD_SAVE);
    assert_int_equal(f->a->dialog, APP_DLG_NONE); /* no question: it is the user's own file */
    assert_false(f->a->status_error);
    assert_true(value_in(file, f->lever) == d->max);
    assert_false(app_dirty(f->a));
    /* The copy of this session goes, with the record of its file. */
    recovery_tick(&f->rec, f->a, 1);
    recovery_tick(&f->rec, f->a, 2 + RECOVERY_PERIOD_MS);
    assert_int_not_equal(access(crashed, F_OK), 0);
    char from[1200];
    snprintf(from, sizeof from, "%.*s.from", (int)(strlen(crashed) - 4), crashed);
    assert_int_not_equal(access(from, F_OK), 0);
}

static void test_discard_removes_the_copy_only_when_chosen(void **state)
{
    fixture *f = *state;
    char crashed[1200];
    crashed_session(f, var_table[f->lever].max, crashed, sizeof crashed);
    recovery_init(&f->rec, f->dir);
    recovery_offer(&f->rec, f->a);
    frame(f);
    recovery_tick(&f->rec, f->a, 0);
    assert_int_equal(access(crashed, R_OK), 0); /* the question alone destroys nothing */
    key(f, UI_KEY_TAB); /* from Restore to Discard */
    key(f, UI_KEY_RETURN);
    assert_int_equal(f->a->dialog, APP_DLG_NONE);
    recovery_tick(&f->rec, f->a, 0);
    assert_int_not_equal(access(crashed, F_OK), 0);
    assert_false(app_dirty(f->a));
}

static void test_a_running_sessions_copy_is_not_offered(void **state)
{
    fixture *f = *state;
    int go[2], ready[2];
    assert_int_equal(pipe(go), 0);
    assert_int_equal(pipe(ready), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(go[1]); /* else the read below never sees the parent's close */
        close(ready[0]);
        sim_error err;
        sim_error_clear(&err);
        app *a = app_create(&err);
        recovery r;
        recovery_init(&r, f->dir);
        app_set_value(a, f->lever, var_table[f->lever].max, 0);
        recovery_tick(&r, a, 0);
        char c = r.exists ? 'y' : 'n';
        if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) < 0)
            _exit(1);
        _exit(0); /* holds its lock until here */
    }
    close(go[0]);
    close(ready[1]);
    char c = 0;
    assert_int_equal(read(ready[0], &c, 1), 1);
    assert_int_equal(c, 'y');
    recovery_init(&f->rec, f->dir);
    char path[1200];
    assert_false(recovery_find_orphan(&f->rec, path, sizeof path));
    close(go[1]); /* the other session ends without cleaning up */
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    close(ready[0]);
    assert_true(recovery_find_orphan(&f->rec, path, sizeof path));
}

static void test_a_clean_session_keeps_no_copy(void **state)
{
    fixture *f = *state;
    recovery_init(&f->rec, f->dir);
    recovery_tick(&f->rec, f->a, 0);
    assert_false(f->rec.exists); /* nothing unsaved */
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    recovery_tick(&f->rec, f->a, 0);
    assert_int_equal(access(f->rec.path, R_OK), 0);
    f->a->clean = f->a->sc; /* saved */
    app_set_value(f->a, f->lever, var_table[f->lever].min, 0);
    app_undo(f->a);
    recovery_tick(&f->rec, f->a, 1); /* within the period: waits */
    assert_int_equal(access(f->rec.path, R_OK), 0);
    recovery_tick(&f->rec, f->a, 1 + RECOVERY_PERIOD_MS);
    assert_int_not_equal(access(f->rec.path, F_OK), 0);
    /* A clean exit removes the session's copy and its lock. */
    app_set_value(f->a, f->lever, var_table[f->lever].min, 0);
    recovery_tick(&f->rec, f->a, 2 + 2 * RECOVERY_PERIOD_MS);
    assert_int_equal(access(f->rec.path, R_OK), 0);
    char path[1200], lock[1200];
    snprintf(path, sizeof path, "%s", f->rec.path);
    snprintf(lock, sizeof lock, "%s", f->rec.lock);
    recovery_release(&f->rec, 1);
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_not_equal(access(lock, F_OK), 0);
}

static void test_a_failed_write_says_so_with_the_file_and_reason(void **state)
{
    fixture *f = *state;
    char file[128], dir[160];
    snprintf(file, sizeof file, "%s/not-a-folder", f->tmp);
    FILE *fp = fopen(file, "w");
    assert_non_null(fp);
    fclose(fp);
    snprintf(dir, sizeof dir, "%s/recovery", file);
    recovery_init(&f->rec, dir);
    app_set_value(f->a, f->lever, var_table[f->lever].max, 0);
    recovery_tick(&f->rec, f->a, 0);
    assert_true(f->a->status_error);
    assert_non_null(strstr(f->a->status, "not-a-folder"));
    assert_non_null(strstr(f->a->status, "Not a directory"));
    assert_non_null(strstr(f->a->status, "ecovery"));
    /* Said once; tried again each period. */
    f->a->status[0] = '\0';
    recovery_tick(&f->rec, f->a, 1 + RECOVERY_PERIOD_MS);
    assert_string_equal(f->a->status, "");
    assert_true(f->rec.failed);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_each_session_writes_its_own_file),
        T(test_a_crashed_copy_is_offered_and_kept_until_chosen),
        T(test_restore_brings_the_work_back_then_removes_the_copy),
        T(test_a_restored_copy_saves_to_its_own_file),
        T(test_discard_removes_the_copy_only_when_chosen),
        T(test_a_running_sessions_copy_is_not_offered),
        T(test_a_clean_session_keeps_no_copy),
        T(test_a_failed_write_says_so_with_the_file_and_reason),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
