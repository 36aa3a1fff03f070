/* test_cli_progress.c: the progress line the batch commands draw on a
 * terminal (sim/studies/pool.h): the bar, the count, the time left
 * estimated from the rate so far, and the time taken at the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sim/studies/pool.h"

static void test_time_left_follows_the_rate_so_far(void **state)
{
    (void)state;
    char b[160];
    /* 250 of 1000 in 10 s: 750 more at 25 a second take 30 s. */
    pool_progress_format(b, sizeof b, 250, 1000, 10.0);
    assert_non_null(strstr(b, " 25% 250/1000  ETA 30s"));
    /* 10 of 1000 in 65 s: 99 times as long again, 107 min 15 s. */
    pool_progress_format(b, sizeof b, 10, 1000, 65.0);
    assert_non_null(strstr(b, "ETA 1h47m"));
    /* 1 of 4 in 20 s: a minute left. */
    pool_progress_format(b, sizeof b, 1, 4, 20.0);
    assert_non_null(strstr(b, "ETA 1m00s"));
}

static void test_no_estimate_before_a_second_or_an_item(void **state)
{
    (void)state;
    char b[160];
    pool_progress_format(b, sizeof b, 0, 100, 30.0);
    assert_null(strstr(b, "ETA"));
    pool_progress_format(b, sizeof b, 40, 100, 0.5);
    assert_null(strstr(b, "ETA"));
    assert_non_null(strstr(b, " 40% 40/100"));
}

static void test_the_last_line_gives_the_time_taken(void **state)
{
    (void)state;
    char b[160];
    pool_progress_format(b, sizeof b, 100, 100, 125.4);
    assert_null(strstr(b, "ETA"));
    assert_non_null(strstr(b, "100% 100/100  2m05s"));
    assert_int_equal(strspn(b + 1, "#"), 40); /* a full bar */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_left_follows_the_rate_so_far),
        cmocka_unit_test(test_no_estimate_before_a_second_or_an_item),
        cmocka_unit_test(test_the_last_line_gives_the_time_taken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
