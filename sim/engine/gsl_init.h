/* gsl_init.h: GSL's error handler, set once for the whole process.
 *
 * GSL's default handler aborts the program, which a library must never do,
 * so sim/ turns it off. The handler is one global variable: setting it from
 * several threads at once is a data race, so it is set here, once, under
 * pthread_once. Programs call sim_gsl_init() in main() before any thread
 * starts; the library's entry points that create runners or GSL objects
 * call it too, so that no caller can forget it. */
#ifndef SIM_GSL_INIT_H
#define SIM_GSL_INIT_H

/* Turns GSL's aborting error handler off, the first time it is called;
 * later calls (from any thread) only wait for the first to finish. */
void sim_gsl_init(void);

#endif
