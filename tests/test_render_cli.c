/* test_render_cli.c: the transim-gui program run headlessly (dummy video
 * driver, software renderer): --screenshot writes a PNG of --size, usage
 * errors exit with status 2, an unreadable scenario with status 1 and a
 * message naming it, --profile reports the median and worst frame. */
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

#define GUI TRANSIM_BINARY_DIR "/transim-gui"
#define ENV "SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy "

typedef struct fixture {
    char dir[64];
    char out[128]; /* captured stdout and stderr */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "%s", "/tmp/transim-gui-cli-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->out, sizeof f->out, "%s/out.txt", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->dir);
    free(f);
    return 0;
}

/* Runs transim-gui with args, output to f->out; returns the exit status. */
static int run(fixture *f, const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, ENV "'%s' %s >'%s' 2>&1", GUI, args, f->out);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* 1 when the captured output contains s. */
static int output_has(const fixture *f, const char *s)
{
    static char buf[8192];
    FILE *fp = fopen(f->out, "r");
    if (!fp)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return strstr(buf, s) != NULL;
}

static void test_screenshot_writes_a_png_of_the_given_size(void **state)
{
    fixture *f = *state;
    char args[512], png[128];
    snprintf(png, sizeof png, "%s/shot.png", f->dir);
    snprintf(args, sizeof args, "--screenshot '%s' --size 1024x700 --frames 2", png);
    assert_int_equal(run(f, args), 0);
    FILE *fp = fopen(png, "rb");
    assert_non_null(fp);
    unsigned char h[24];
    assert_int_equal(fread(h, 1, sizeof h, fp), sizeof h);
    fclose(fp);
    assert_memory_equal(h, "\x89PNG\r\n\x1a\n", 8);
    assert_int_equal((h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19], 1024);
    assert_int_equal((h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23], 700);
}

static void test_usage_errors_exit_with_status_two(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "--size 12by7"), 2);
    assert_true(output_has(f, "transim-gui: size '12by7'"));
    assert_int_equal(run(f, "--bogus"), 2);
    assert_true(output_has(f, "unknown option '--bogus'"));
    assert_int_equal(run(f, "--lang fi"), 2);
    assert_int_equal(run(f, "a.ini b.ini"), 2);
}

static void test_an_unreadable_scenario_exits_one_naming_it(void **state)
{
    fixture *f = *state;
    char args[512], bad[128], png[128];
    snprintf(bad, sizeof bad, "%s/bad.ini", f->dir);
    snprintf(png, sizeof png, "%s/x.png", f->dir);
    FILE *fp = fopen(bad, "w");
    assert_non_null(fp);
    fputs("[levers]\nadult_training_places = lots\n", fp);
    fclose(fp);
    snprintf(args, sizeof args, "'%s' --screenshot '%s'", bad, png);
    assert_int_equal(run(f, args), 1);
    assert_true(output_has(f, "bad.ini:2"));
    /* The window still opened on the baseline: the screenshot exists. */
    assert_int_equal(access(png, R_OK), 0);
    /* A file that is not there: named, exit 1, and not made. */
    char missing[128];
    snprintf(missing, sizeof missing, "%s/nonexistent.ini", f->dir);
    snprintf(args, sizeof args, "'%s' --screenshot '%s'", missing, png);
    assert_int_equal(run(f, args), 1);
    assert_true(output_has(f, "nonexistent.ini"));
    assert_int_not_equal(access(missing, F_OK), 0);
}

static void test_profile_reports_median_and_worst_frame(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "--profile --frames 40 --size 800x600"), 0);
    assert_true(output_has(f, "input-to-frame:"));
    assert_true(output_has(f, "median"));
    assert_true(output_has(f, "worst"));
}

static void test_version_and_help(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "--version"), 0);
    assert_true(output_has(f, "transim-gui "));
    assert_int_equal(run(f, "--help"), 0);
    assert_true(output_has(f, "--screenshot"));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_screenshot_writes_a_png_of_the_given_size),
        T(test_usage_errors_exit_with_status_two),
        T(test_an_unreadable_scenario_exits_one_naming_it),
        T(test_profile_reports_median_and_worst_frame),
        T(test_version_and_help),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
