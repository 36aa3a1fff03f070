/* gsl_init.c: GSL's error handler turned off once (sim/engine/gsl_init.h). */
#include "sim/engine/gsl_init.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void gsl_quiet(void)
{
    gsl_set_error_handler_off();
}

void sim_gsl_init(void)
{
    pthread_once(&gsl_once, gsl_quiet);
}
