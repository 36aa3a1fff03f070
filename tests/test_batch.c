/* test_batch.c: the thread pool of the batch commands (sim/studies/pool.c, compiled
 * into this test since it lives outside the sim library) and the batch
 * helpers of sim/studies/batch.h: scenario lists, output directories, provenance. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/studies/pool.c"
#include "sim/studies/batch.h"
#include "sim/model/model.h"

/* A task whose result depends on its index alone: a few thousand
 * floating-point steps, so that threads really interleave. */
static int busy_task(void *ctx, size_t index, unsigned worker, double *out, sim_error *err)
{
    (void)err;
    unsigned *seen = ctx;
    if (seen)
        seen[worker] = 1;
    double x = (double)index + 0.5;
    for (int k = 0; k < 2000; k++)
        x = x * 0.999 + sin(x);
    out[0] = x;
    out[1] = (double)index;
    return 0;
}

static void test_pool_gives_the_same_blocks_for_any_thread_count(void **state)
{
    (void)state;
    enum { N = 503 };
    double ref[N * 2], got[N * 2];
    sim_error err;
    size_t failed;
    assert_int_equal(pool_map_range(1, 0, 0, N, 2, busy_task, NULL, ref, &err, &failed), 0);
    for (unsigned w = 2; w <= 8; w++) {
        memset(got, 0, sizeof got);
        unsigned seen[8] = {0};
        assert_int_equal(pool_map_range(w, 0, 0, N, 2, busy_task, seen, got, &err, &failed), 0);
        assert_memory_equal(ref, got, sizeof ref);
        assert_int_equal(failed, (size_t)-1);
    }
}

static void test_pool_range_writes_block_i_at_offset_i_minus_lo(void **state)
{
    (void)state;
    double out[10 * 2];
    size_t failed;
    assert_int_equal(pool_map_range(3, 0, 40, 50, 2, busy_task, NULL, out, NULL, &failed), 0);
    for (size_t i = 0; i < 10; i++)
        assert_true(out[i * 2 + 1] == (double)(40 + i));
}

static int failing_task(void *ctx, size_t index, unsigned worker, double *out, sim_error *err)
{
    (void)ctx;
    (void)worker;
    (void)out;
    if (index % 10 == 7)
        return sim_error_set(err, SIM_ENUMERIC, NULL, 0, "task %zu failed", index) != SIM_OK;
    return 0;
}

static void test_pool_reports_the_failure_of_the_lowest_index(void **state)
{
    (void)state;
    for (unsigned w = 1; w <= 4; w++) {
        sim_error err;
        size_t failed;
        assert_int_equal(pool_map_range(w, 0, 0, 100, 0, failing_task, NULL, NULL, &err,
                                        &failed), 1);
        /* Indices are handed out in order and a started task always ends,
         * so index 7 always runs and is the lowest failure whatever the
         * threads did after it. */
        assert_int_equal(failed, 7);
        assert_string_equal(err.msg, "task 7 failed");
    }
}

static void test_thread_executor_maps_the_whole_range(void **state)
{
    (void)state;
    pool_exec ex;
    pool_exec_init(&ex, 0);
    assert_true(ex.workers >= 1);
    assert_int_equal(ex.size, 1);
    assert_true(ex.agree(&ex, 1));
    assert_false(ex.agree(&ex, 0));
    double out[20 * 2];
    size_t failed;
    assert_int_equal(ex.map(&ex, 20, 2, busy_task, NULL, out, NULL, &failed), 0);
    assert_true(out[19 * 2 + 1] == 19.0);
}

static char tmpdir[] = "/tmp/transim_test_batch_XXXXXX";

static void write_file(const char *dir, const char *name)
{
    char path[512];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_true(n > 0 && (size_t)n < sizeof path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("[scenario]\nname = x\n", f);
    fclose(f);
}

static int setup_dir(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) == NULL;
}

static int teardown_dir(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) != 0;
}

static void test_directory_gives_its_ini_files_sorted(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/in", tmpdir);
    assert_int_equal(mkdir(dir, 0777), 0);
    write_file(dir, "b.ini");
    write_file(dir, "a.ini");
    write_file(dir, "notes.txt");
    write_file(dir, ".hidden.ini");
    char *args[] = {dir};
    batch_files b;
    sim_error err;
    assert_int_equal(batch_files_collect(args, 1, &b, &err), SIM_OK);
    assert_int_equal(b.n, 2);
    assert_non_null(strstr(b.paths[0], "/in/a.ini"));
    assert_string_equal(b.names[0], "a.csv");
    assert_string_equal(b.names[1], "b.csv");
    batch_files_release(&b);

    /* The same file twice would write one output twice. */
    char file[600];
    snprintf(file, sizeof file, "%s/a.ini", dir);
    char *twice[] = {dir, file};
    assert_int_equal(batch_files_collect(twice, 2, &b, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "'a.csv'"));
    assert_int_equal(b.n, 0);

    write_file(dir, "summary.ini");
    assert_int_equal(batch_files_collect(args, 1, &b, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "summary.csv"));

    char *missing[] = {"/nonexistent/x.ini"};
    assert_int_equal(batch_files_collect(missing, 1, &b, &err), SIM_EIO);
    assert_string_equal(err.path, "/nonexistent/x.ini");
}

static void test_empty_directory_is_an_error(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/empty", tmpdir);
    assert_int_equal(mkdir(dir, 0777), 0);
    char *args[] = {dir};
    batch_files b;
    sim_error err;
    assert_int_equal(batch_files_collect(args, 1, &b, &err), SIM_EIO);
    assert_non_null(strstr(err.msg, "no scenario files"));
}

static void test_output_directory_is_created_or_refused(void **state)
{
    (void)state;
    char dir[512], file[512], below[600];
    sim_error err;
    snprintf(dir, sizeof dir, "%s/out", tmpdir);
    assert_int_equal(batch_outdir_prepare(dir, &err), SIM_OK);
    struct stat st;
    assert_int_equal(stat(dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(batch_outdir_prepare(dir, &err), SIM_OK); /* exists: fine */
    snprintf(file, sizeof file, "%s/plain", tmpdir);
    write_file(tmpdir, "plain");
    assert_int_equal(batch_outdir_prepare(file, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "not a directory"));
    snprintf(below, sizeof below, "%s/sub", file);
    assert_int_equal(batch_outdir_prepare(below, &err), SIM_EIO);
    assert_string_equal(err.path, below);
}

static void test_manifest_names_program_model_and_solver_only(void **state)
{
    (void)state;
    char buf[4096] = {0};
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    assert_non_null(f);
    run_opts o = run_opts_default();
    batch_manifest(f, "mc", &o);
    batch_manifest_line(f, "seed", "%d\n", 42);
    fclose(f);
    assert_non_null(strstr(buf, "# program: transim "));
    assert_non_null(strstr(buf, "# model: " MODEL_NAME " " MODEL_VERSION "\n"));
    assert_non_null(strstr(buf, "# command: mc\n"));
    assert_non_null(strstr(buf, "# solver: adaptive rtol=1e-05 step=1\n"));
    assert_non_null(strstr(buf, "# seed: 42 \n")); /* a newline in a value becomes a space */
    for (const char *p = buf; *p; p = strchr(p, '\n') + 1)
        assert_true(p[0] == '#');
}

static void test_key_vars_are_the_key_indicators(void **state)
{
    (void)state;
    int ids[VAR_COUNT];
    size_t n = batch_key_vars(ids, VAR_COUNT);
    size_t want = 0;
    for (int i = 0; i < VAR_COUNT; i++)
        want += var_table[i].key != 0;
    assert_int_equal(n, want);
    for (size_t k = 0; k < n; k++)
        assert_true(var_table[ids[k]].key);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_gives_the_same_blocks_for_any_thread_count),
        cmocka_unit_test(test_pool_range_writes_block_i_at_offset_i_minus_lo),
        cmocka_unit_test(test_pool_reports_the_failure_of_the_lowest_index),
        cmocka_unit_test(test_thread_executor_maps_the_whole_range),
        cmocka_unit_test(test_directory_gives_its_ini_files_sorted),
        cmocka_unit_test(test_empty_directory_is_an_error),
        cmocka_unit_test(test_output_directory_is_created_or_refused),
        cmocka_unit_test(test_manifest_names_program_model_and_solver_only),
        cmocka_unit_test(test_key_vars_are_the_key_indicators),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
