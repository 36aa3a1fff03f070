/* test_files.c: how output files meet the file system (sim/files/output.c):
 * the umask and an existing file's mode, symbolic links followed, devices
 * and standard streams written in place, directories and inputs refused,
 * sets of files committed together or not at all, and the hooks that let a
 * program remove live temporary files on a signal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/files/output.h"
#include "sim/files/path_check.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/transim_filesXXXXXX");
    return mkdtemp(dir) == NULL ? -1 : 0;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Entries of dir whose name starts with prefix. */
static size_t count_files(const char *prefix)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

static void path_in_dir(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void read_text(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t k = fread(buf, 1, n - 1, f);
    buf[k] = '\0';
    fclose(f);
}

static void commit_text(const char *path, const char *text)
{
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    fputs(text, of.f);
    assert_int_equal(output_commit(&of, &err), SIM_OK);
}

static void test_new_file_gets_0666_less_the_umask(void **state)
{
    (void)state;
    char path[128];
    mode_t old = umask(077);
    path_in_dir(path, sizeof path, "private.csv");
    commit_text(path, "x\n");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    umask(022);
    path_in_dir(path, sizeof path, "shared.csv");
    commit_text(path, "x\n");
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    umask(old);
}

static void test_existing_file_keeps_its_mode(void **state)
{
    (void)state;
    char path[128];
    path_in_dir(path, sizeof path, "kept.csv");
    write_text(path, "old\n");
    assert_int_equal(chmod(path, 0640), 0);
    commit_text(path, "new\n");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
}

static void test_symlink_is_followed_and_kept(void **state)
{
    (void)state;
    char target[128], link[128], buf[64];
    path_in_dir(target, sizeof target, "target.csv");
    path_in_dir(link, sizeof link, "link.csv");
    write_text(target, "old\n");
    assert_int_equal(symlink("target.csv", link), 0); /* relative, as users make them */
    commit_text(link, "new\n");
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    read_text(target, buf, sizeof buf);
    assert_string_equal(buf, "new\n");
    /* A dangling link creates the file it names. */
    char dangling[128], created[128];
    path_in_dir(dangling, sizeof dangling, "dangling.csv");
    path_in_dir(created, sizeof created, "created.csv");
    assert_int_equal(symlink(created, dangling), 0);
    commit_text(dangling, "made\n");
    read_text(created, buf, sizeof buf);
    assert_string_equal(buf, "made\n");
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
}

static void test_device_is_written_in_place(void **state)
{
    (void)state;
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, "/dev/null", &err), SIM_OK);
    assert_int_equal(of.in_place, 1);
    fputs("nothing\n", of.f);
    assert_int_equal(output_commit(&of, &err), SIM_OK);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    /* /dev/stdout is the descriptor, not a file to replace. */
    assert_int_equal(output_open(&of, "/dev/stdout", &err), SIM_OK);
    assert_int_equal(of.in_place, 1);
    output_abort(&of);
}

static void test_full_disk_names_the_file(void **state)
{
    (void)state;
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, "/dev/full", &err), SIM_OK);
    for (int i = 0; i < 10000; i++)
        fputs("a line that will not fit on the device\n", of.f);
    assert_int_equal(output_commit(&of, &err), SIM_EIO);
    assert_string_equal(err.path, "/dev/full");
    assert_non_null(strstr(err.msg, "No space left"));
}

static void test_directory_is_refused(void **state)
{
    (void)state;
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, dir, &err), SIM_EINVAL);
    assert_null(of.f);
    assert_non_null(strstr(err.msg, "is a directory"));
    assert_int_equal(output_check(dir, NULL, 0, &err), SIM_EINVAL);
}

static void test_check_refuses_an_input_and_a_missing_folder(void **state)
{
    (void)state;
    char in[128], alias[128], other[128], missing[128];
    path_in_dir(in, sizeof in, "scenario.ini");
    path_in_dir(alias, sizeof alias, "alias.ini");
    path_in_dir(other, sizeof other, "other.csv");
    path_in_dir(missing, sizeof missing, "no/such/out.csv");
    write_text(in, "[scenario]\n");
    assert_int_equal(symlink(in, alias), 0);
    const char *inputs[] = {NULL, "-", in};
    sim_error err;
    assert_int_equal(output_check(in, inputs, 3, &err), SIM_EINVAL);
    assert_non_null(strstr(err.msg, "is also an input"));
    assert_string_equal(err.path, in);
    assert_int_equal(output_check(alias, inputs, 3, &err), SIM_EINVAL); /* same inode */
    assert_int_equal(output_check(other, inputs, 3, &err), SIM_OK);
    assert_int_equal(output_check("-", inputs, 3, &err), SIM_OK);
    assert_int_equal(output_check(missing, inputs, 3, &err), SIM_EIO);
    assert_non_null(strstr(err.msg, "cannot create a file in"));
    assert_int_equal(count_files("other.csv"), 0); /* the check creates nothing */
}

static void test_set_is_committed_whole_or_not_at_all(void **state)
{
    (void)state;
    char a[128], b[128], buf[64];
    path_in_dir(a, sizeof a, "draws.csv");
    path_in_dir(b, sizeof b, "bands.csv");
    write_text(a, "old draws\n");
    output_file fa, fb, ffull;
    output_file *set[] = {&fa, &ffull, &fb};
    sim_error err;
    /* One member fails (a full disk): nothing is renamed, no temporary stays. */
    assert_int_equal(output_open(&fa, a, &err), SIM_OK);
    assert_int_equal(output_open(&ffull, "/dev/full", &err), SIM_OK);
    assert_int_equal(output_open(&fb, b, &err), SIM_OK);
    fputs("new draws\n", fa.f);
    for (int i = 0; i < 10000; i++)
        fputs("a line that will not fit on the device\n", ffull.f);
    fputs("new bands\n", fb.f);
    assert_int_equal(output_commit_all(set, 3, &err), SIM_EIO);
    assert_string_equal(err.path, "/dev/full");
    read_text(a, buf, sizeof buf);
    assert_string_equal(buf, "old draws\n");
    assert_int_equal(access(b, F_OK), -1);
    assert_int_equal(count_files("draws.csv.tmp") + count_files("bands.csv.tmp"), 0);
    /* All well: both appear. */
    output_file *two[] = {&fa, &fb};
    assert_int_equal(output_open(&fa, a, &err), SIM_OK);
    assert_int_equal(output_open(&fb, b, &err), SIM_OK);
    fputs("new draws\n", fa.f);
    fputs("new bands\n", fb.f);
    assert_int_equal(output_commit_all(two, 2, &err), SIM_OK);
    read_text(a, buf, sizeof buf);
    assert_string_equal(buf, "new draws\n");
    read_text(b, buf, sizeof buf);
    assert_string_equal(buf, "new bands\n");
}

static char live[4][1100];
static int nlive;

static void hook_created(const char *tmp)
{
    snprintf(live[nlive++ & 3], sizeof live[0], "%s", tmp);
}

static void hook_gone(const char *tmp)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(live[i], tmp) == 0)
            live[i][0] = '\0';
}

static void test_hooks_see_every_temporary_file(void **state)
{
    (void)state;
    char path[128];
    path_in_dir(path, sizeof path, "hooked.csv");
    memset(live, 0, sizeof live);
    nlive = 0;
    output_set_tmp_hooks(hook_created, hook_gone);
    output_file of;
    sim_error err;
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    assert_int_equal(nlive, 1);
    assert_int_equal(strncmp(live[0], path, strlen(path)), 0);
    assert_int_equal(access(live[0], F_OK), 0); /* the file exists while live */
    output_abort(&of);
    assert_string_equal(live[0], "");
    assert_int_equal(output_open(&of, path, &err), SIM_OK);
    assert_int_equal(output_commit(&of, &err), SIM_OK);
    assert_string_equal(live[1], "");
    output_set_tmp_hooks(NULL, NULL);
}

static void test_staged_file_is_installed_later(void **state)
{
    (void)state;
    char target[128], staged[128], buf[64];
    path_in_dir(target, sizeof target, "staged.csv");
    path_in_dir(staged, sizeof staged, ".staged.part");
    write_text(target, "old\n");
    assert_int_equal(chmod(target, 0604), 0);
    output_file of;
    sim_error err;
    assert_int_equal(output_open_staged(&of, target, staged, &err), SIM_OK);
    fputs("new\n", of.f);
    assert_int_equal(output_finish(&of, &err), SIM_OK);
    read_text(target, buf, sizeof buf);
    assert_string_equal(buf, "old\n"); /* not yet */
    assert_int_equal(output_install(staged, target, &err), SIM_OK);
    read_text(target, buf, sizeof buf);
    assert_string_equal(buf, "new\n");
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0604);
}

static void test_fifo_scenario_or_base_is_refused_without_blocking(void **state)
{
    (void)state;
    char fifo[128], child[128], good[128];
    path_in_dir(fifo, sizeof fifo, "pipe.ini");
    path_in_dir(child, sizeof child, "child.ini");
    path_in_dir(good, sizeof good, "good.ini");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    write_text(child, "[scenario]\nname = child\nbase = pipe.ini ; inherits\n");
    write_text(good, "[scenario]\nname = good\n");
    sim_error err;
    assert_int_equal(path_check_scenario(fifo, &err), SIM_EIO);
    assert_string_equal(err.path, fifo);
    assert_non_null(strstr(err.msg, "FIFO"));
    assert_int_equal(path_check_scenario(child, &err), SIM_EIO);
    assert_string_equal(err.path, child);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "base file"));
    assert_int_equal(path_check_scenario(good, &err), SIM_OK);
    assert_int_equal(path_check_scenario(dir, &err), SIM_EIO); /* a directory */
    char missing[128];
    path_in_dir(missing, sizeof missing, "missing.ini");
    assert_int_equal(path_check_scenario(missing, &err), SIM_OK); /* the reader says so */
    char text[256];
    snprintf(text, sizeof text, "[levers]\n[scenario]\nbase = %s\n", fifo);
    assert_int_equal(path_check_bases(text, "<stdin>", &err), SIM_EIO);
    assert_int_equal(err.line, 3);
}

static void test_chain_lists_a_scenario_and_its_bases(void **state)
{
    (void)state;
    char top[128], mid[128];
    path_in_dir(top, sizeof top, "top.ini");
    path_in_dir(mid, sizeof mid, "mid.ini");
    write_text(top, "[scenario]\nbase = mid.ini\n");
    write_text(mid, "[scenario]\nbase = bottom.ini # not there\n");
    char chain[4][1024];
    assert_int_equal(path_check_chain(top, chain, 4), 2);
    assert_string_equal(chain[0], top);
    assert_string_equal(chain[1], mid);
    assert_int_equal(path_check_chain(top, chain, 1), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_file_gets_0666_less_the_umask),
        cmocka_unit_test(test_existing_file_keeps_its_mode),
        cmocka_unit_test(test_symlink_is_followed_and_kept),
        cmocka_unit_test(test_device_is_written_in_place),
        cmocka_unit_test(test_full_disk_names_the_file),
        cmocka_unit_test(test_directory_is_refused),
        cmocka_unit_test(test_check_refuses_an_input_and_a_missing_folder),
        cmocka_unit_test(test_set_is_committed_whole_or_not_at_all),
        cmocka_unit_test(test_hooks_see_every_temporary_file),
        cmocka_unit_test(test_staged_file_is_installed_later),
        cmocka_unit_test(test_fifo_scenario_or_base_is_refused_without_blocking),
        cmocka_unit_test(test_chain_lists_a_scenario_and_its_bases),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
