/* main.c: transim-gui, the interactive simulator. Parses the command line
 * and runs the window's loop (render/gui.h); --screenshot renders a few
 * frames and writes a PNG (use SDL_VIDEODRIVER=dummy without a display);
 * --profile reports the input-to-frame times when the window closes, or of a
 * scripted slider drag when combined with --frames. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <SDL.h>

#include "render/app_ui.h"
#include "render/gui.h"
#include "render/scoreboard.h"
#include "render/strings.h"
#include "sim/files/link.h"
#include "sim/model/model.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#define MAX_COMPARE 4
#define MAX_BOARD 16

static void usage(FILE *f)
{
    fprintf(f,
            "usage: transim-gui [SCENARIO | --link URL] [options]\n"
            "  --link URL             open the scenario of a link (the web version's Share;\n"
            "                         Ctrl+Shift+C copies the link of the scenario shown)\n"
            "  --screenshot FILE.png  render and write the window as PNG, then exit\n"
            "  --frames N             frames to render before the screenshot (default 3)\n"
            "  --size WxH             window size (default 1440x900)\n"
            "  --compare FILE         overlay a saved scenario (up to 4 times)\n"
            "  --lang en|sv           language at start (default en)\n"
            "  --graphs A,B,...       the graphs show these indicators, in order\n"
            "                         (names as in 'transim list indicators'; up to 6)\n"
            "  --zoom F               zoom at start (0.6 to 2.5)\n"
            "  --uncertainty          show the 5-95 %% uncertainty bands at start\n"
            "  --show PANEL           open a panel at start: why:VAR, detail:LEVER, help,\n"
            "                         export, compare, scoreboard, scoreboard:VAR (ranked on a\n"
            "                         key indicator in 2050), presentation,\n"
            "                         presentation:levers (for screenshots of each)\n"
            "  --presentation         start in presentation mode (a projector: one large chart)\n"
            "  --board FILE           put a team's scenario on the scoreboard (repeatable;\n"
            "                         --board DIR puts every scenario file of a folder)\n"
            "  --window               with --profile --frames or --screenshot: show the window\n"
            "                         (a measurement in a real window) instead of a hidden one\n"
            "  --profile              report median and worst input-to-frame time;\n"
            "                         with --frames N, of a scripted drag of the first lever\n"
            "  --version, --help\n"
            "Without a display: SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software\n");
}

/* Pushes a mouse event at window coordinates (x, y): kind 0 move, 1 press,
 * 2 release. */
static void push_mouse(int kind, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    if (kind == 0) {
        e.type = SDL_MOUSEMOTION;
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.type = kind == 1 ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = kind == 1 ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    SDL_PushEvent(&e);
}

/* The scripted drag for --profile --frames: press on the first lever's
 * slider, sweep it right and back, release. The slider is known once a
 * frame has placed it: the drag starts at the first frame after that
 * (*start, -1 before). */
static void script_drag(gui *g, int frame, int frames, int *start)
{
    ui_rect r = app_slider_rect(gui_app(g), var_lever_ids[0]);
    if (r.w <= 0 || frames < 4)
        return;
    if (*start < 0)
        *start = frame;
    frame -= *start;
    frames -= *start;
    /* Window coordinates equal output pixels under the dummy driver. */
    int y = r.y + r.h / 2, x0 = r.x + r.w / 10, span = r.w * 8 / 10;
    int last = frames - 2;
    if (frame == 0) {
        push_mouse(1, x0, y);
    } else if (frame < last) {
        double f = (double)frame / (double)last;
        double tri = f < 0.5 ? 2 * f : 2 - 2 * f;
        push_mouse(0, x0 + (int)(tri * span), y);
    } else if (frame == last) {
        push_mouse(2, x0, y);
    }
}

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (*end != 'x' && *end != 'X')
        return 0;
    long b = strtol(end + 1, &end, 10);
    if (*end != '\0' || a < 320 || b < 240 || a > 16384 || b > 16384)
        return 0;
    *w = (int)a;
    *h = (int)b;
    return 1;
}

/* The character type of the user's locale, or else C.UTF-8: X11 needs a
 * UTF-8 LC_CTYPE for a UTF-8 window title and for composed and dead-key
 * input (å ä ö) through its input method. Only LC_CTYPE: numbers keep the
 * C locale's decimal point, so the CSV export never gets a decimal comma. */
static void use_utf8_ctype(void)
{
    const char *l = setlocale(LC_CTYPE, "");
    if (!l || (!strstr(l, "UTF-8") && !strstr(l, "utf8") && !strstr(l, "UTF8")))
        setlocale(LC_CTYPE, "C.UTF-8");
}

#ifdef __EMSCRIPTEN__
/* The browser's hooks (web/app.js): the page calls these, and the browser
 * calls the frame; the window's own loop would never give it back. */
static gui *web_gui;
static int web_profile_frames; /* --profile --frames N: the scripted drag over the first N */
static int web_frame_no, web_drag_start = -1;

/* One frame; under --profile --frames N the first N frames drag the first
 * lever as the native --profile does, then the times go to the console. */
static void web_frame(void)
{
    if (web_frame_no < web_profile_frames)
        script_drag(web_gui, web_frame_no, web_profile_frames, &web_drag_start);
    gui_frame(web_gui);
    if (++web_frame_no == web_profile_frames) {
        double median, p95, worst;
        int n = gui_profile(web_gui, &median, &p95, &worst);
        printf("input-to-frame: %d frames with input, median %.2f ms, 95th percentile %.2f ms, "
               "worst %.2f ms\n", n, median, p95, worst);
    }
}

/* A file the page put in its file system (picked or dropped) takes the way
 * of a file dropped on a window: it opens, or it is compared. */
EMSCRIPTEN_KEEPALIVE void web_drop(const char *path)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(path);
    SDL_PushEvent(&e);
}

/* Opens the link text (when not NULL or empty: the page's address changed)
 * and returns the link of the scenario shown, for the page's address. */
EMSCRIPTEN_KEEPALIVE const char *web_link(const char *text)
{
    static char out[LINK_MAX_BYTES + 1];
    app *a = gui_app(web_gui);
    if (text && text[0]) {
        sim_error err;
        char e[1200];
        if (app_open_link(a, text, &err) != SIM_OK)
            app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, e, sizeof e));
        else
            app_status(a, 0, "%s", str_get(STR_LINK_OPENED, a->swedish));
    }
    if (link_format(&a->sc, "", out, sizeof out, NULL) != SIM_OK)
        out[0] = '\0';
    return out;
}
#endif

int main(int argc, char **argv)
{
    gui_opts opts = {0};
    const char *shot = NULL, *link = NULL;
    const char *compare[MAX_COMPARE];
    int ncompare = 0, frames = -1, swedish = 0, bands = 0, shown = 0;
    const char *graphs = NULL;
    const char *show = NULL;
    const char *boards[MAX_BOARD];
    int nboard = 0, present = 0;
    Uint64 t_start = SDL_GetPerformanceCounter();
    float zoom = 1.0f;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("transim-gui %s (model %s)\n", TRANSIM_VERSION, MODEL_VERSION);
            return 0;
        } else if (strcmp(a, "--screenshot") == 0 && next) {
            shot = argv[++i];
        } else if (strcmp(a, "--frames") == 0 && next) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 1000000) {
                fprintf(stderr, "transim-gui: frames '%s' is not a number from 1 to 1000000\n", argv[i]);
                return 2;
            }
            frames = (int)n;
        } else if (strcmp(a, "--size") == 0 && next) {
            if (!parse_size(argv[++i], &opts.width, &opts.height)) {
                fprintf(stderr, "transim-gui: size '%s' is not WxH (at least 320x240)\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--compare") == 0 && next) {
            if (ncompare == MAX_COMPARE) {
                fprintf(stderr, "transim-gui: at most %d scenarios can be compared\n", MAX_COMPARE);
                return 2;
            }
            compare[ncompare++] = argv[++i];
        } else if (strcmp(a, "--lang") == 0 && next) {
            const char *l = argv[++i];
            if (strcmp(l, "sv") != 0 && strcmp(l, "en") != 0) {
                fprintf(stderr, "transim-gui: language '%s' is not 'en' or 'sv'\n", l);
                return 2;
            }
            swedish = strcmp(l, "sv") == 0;
        } else if (strcmp(a, "--zoom") == 0 && next) {
            char *end;
            double z = strtod(argv[++i], &end);
            if (*end || !(z >= 0.6 && z <= 2.5)) {
                fprintf(stderr, "transim-gui: zoom '%s' is not a number from 0.6 to 2.5\n", argv[i]);
                return 2;
            }
            zoom = (float)z;
        } else if (strcmp(a, "--graphs") == 0 && next) {
            graphs = argv[++i];
        } else if (strcmp(a, "--link") == 0 && next) {
            link = argv[++i];
        } else if (strcmp(a, "--uncertainty") == 0) {
            bands = 1;
        } else if (strcmp(a, "--show") == 0 && next) {
            show = argv[++i];
        } else if (strcmp(a, "--presentation") == 0) {
            present = 1;
        } else if (strcmp(a, "--board") == 0 && next) {
            if (nboard == MAX_BOARD) {
                fprintf(stderr, "transim-gui: at most %d --board options\n", MAX_BOARD);
                return 2;
            }
            boards[nboard++] = argv[++i];
        } else if (strcmp(a, "--profile") == 0) {
            opts.profile = 1;
        } else if (strcmp(a, "--window") == 0) {
            shown = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "transim-gui: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (!opts.scenario) {
            opts.scenario = a;
        } else {
            fprintf(stderr, "transim-gui: one scenario at a time ('%s' and '%s')\n", opts.scenario, a);
            return 2;
        }
    }
    if (link && opts.scenario) {
        fprintf(stderr, "transim-gui: a scenario or a link, not both ('%s' and --link)\n",
                opts.scenario);
        return 2;
    }
#ifdef __EMSCRIPTEN__
    /* The browser draws only between frames: a profile runs in its frames. */
    web_profile_frames = opts.profile && frames > 0 ? frames : 0;
    int headless = shot != NULL;
#else
    int headless = shot != NULL || (opts.profile && frames > 0);
#endif
    opts.hidden = headless && !shown;
    opts.vsync = !headless;
    if (frames < 0)
        frames = shot ? 3 : 0;

    opts.swedish = swedish;
#ifdef __EMSCRIPTEN__
    opts.recovery_dir = "/recovery"; /* kept in the browser's storage by web/app.js */
#endif
    use_utf8_ctype();
    char msg[1400];
    gui *g = gui_create(&opts, msg, sizeof msg);
    if (!g) {
        fprintf(stderr, "transim-gui: %s\n", msg);
        return 1;
    }
    int status = 0;
    if (msg[0]) {
        fprintf(stderr, "transim-gui: %s\n", msg);
        if (headless)
            status = 1;
    }
    app *a = gui_app(g);
    a->zoom = zoom;
    a->bands = bands;
    if (graphs != NULL && app_set_graphs(a, graphs, msg, sizeof msg) != 0) {
        fprintf(stderr, "transim-gui: %s\n", msg);
        gui_destroy(g);
        return 2;
    }
    if (show && app_show(a, show) != 0) {
        fprintf(stderr, "transim-gui: --show '%s' is not why:VAR, detail:LEVER, help, export, compare, "
                        "scoreboard[:VAR], presentation or presentation:levers\n",
                show);
        gui_destroy(g);
        return 2;
    }
    if (present && !a->present)
        app_command(a, APP_CMD_PRESENT);
    for (int i = 0; i < nboard; i++) {
        board *b = app_board(a);
        sim_error err;
        sim_error_clear(&err);
        char e[1200];
        struct stat st;
        if (!b) {
            fprintf(stderr, "transim-gui: out of memory\n");
            status = 1;
            break;
        }
        if (stat(boards[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            int failed = 0;
            board_list(b, boards[i]);
            board_add_all(b, a, &failed, &err);
            if (failed > 0) {
                fprintf(stderr, "transim-gui: %s\n", sim_error_format(&err, e, sizeof e));
                status = 1;
            }
        } else if (board_add(b, a, boards[i], &err) != SIM_OK) {
            fprintf(stderr, "transim-gui: %s\n", sim_error_format(&err, e, sizeof e));
            status = 1;
        } else {
            /* The folder list shows where the teams' files are. */
            char dir[1024];
            const char *slash = strrchr(boards[i], '/');
            snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - boards[i]) : 1, slash ? boards[i] : ".");
            board_list(b, dir[0] ? dir : "/");
        }
    }
    if (link) {
        sim_error err;
        sim_error_clear(&err);
        char e[1200];
        if (app_open_link(a, link, &err) != SIM_OK) {
            app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, e, sizeof e));
            fprintf(stderr, "transim-gui: %s\n", sim_error_format(&err, e, sizeof e));
            status = 1;
        } else {
            app_status(a, 0, "%s", str_get(STR_LINK_OPENED, a->swedish));
        }
    }
    for (int i = 0; i < ncompare; i++) {
        sim_error err;
        sim_error_clear(&err);
        if (app_compare_add(a, compare[i], &err) != SIM_OK) {
            char e[1200];
            fprintf(stderr, "transim-gui: %s\n", sim_error_format(&err, e, sizeof e));
            status = 1;
        }
    }

    if (headless) {
        if (opts.profile && frames < 4)
            fprintf(stderr, "transim-gui: note: --frames '%d' is too few for the scripted drag of "
                            "--profile, which needs at least 4\n",
                    frames);
        int start = -1;
        for (int f = 0; f < frames; f++) {
            /* The drag begins on settled bands, as when a user has looked
             * at them before moving a lever. */
            if (opts.profile && bands && start < 0 && f > 0)
                app_bands_wait(a);
            if (opts.profile)
                script_drag(g, f, frames, &start);
            gui_frame(g);
            if (f == 0 && opts.profile) {
                /* The window thread's CPU time as well: what the start
                 * costs whatever else the machine is doing. */
                struct timespec cpu = {0, 0};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
                printf("first frame: on screen %.0f ms after start (%.0f ms of the window "
                       "thread's CPU)\n",
                       (double)(SDL_GetPerformanceCounter() - t_start) * 1000.0 /
                           (double)SDL_GetPerformanceFrequency(),
                       (double)cpu.tv_sec * 1e3 + (double)cpu.tv_nsec / 1e6);
            }
        }
        /* A screenshot shows the bands whole, whatever the workers did
         * in the frames before. */
        if (shot && bands && app_bands_wait(a) == SIM_OK)
            gui_frame(g);
        if (shot && !gui_screenshot(g, shot, ui_rect_make(0, 0, 0, 0), msg, sizeof msg)) {
            fprintf(stderr, "transim-gui: %s\n", msg);
            status = 1;
        }
    } else {
#ifdef __EMSCRIPTEN__
        web_gui = g;
        gui_frame(g); /* the first frame now, not at the browser's next paint */
        emscripten_set_main_loop(web_frame, 0, 1); /* never returns */
#endif
        /* Sleep until input, but draw at once while something settles. */
        while (gui_frame(g)) {
            if (!gui_busy(g) && !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
                SDL_WaitEventTimeout(NULL, 250);
        }
    }
    if (opts.profile) {
        double median, p95, worst;
        int n = gui_profile(g, &median, &p95, &worst);
        printf("input-to-frame: %d frames with input, median %.2f ms, 95th percentile %.2f ms, "
               "worst %.2f ms (model run %.2f ms)\n",
               n, median, p95, worst, a->run_ms);
        double pm[GUI_PHASES], pp[GUI_PHASES];
        gui_profile_phases(g, pm, pp);
        printf("renderer %s: build median %.2f ms (p95 %.2f), draw %.2f (%.2f), present %.2f (%.2f)\n",
               gui_renderer_name(g), pm[0], pp[0], pm[1], pp[1], pm[2], pp[2]);
        printf("window thread CPU a frame: median %.2f ms, 95th percentile %.2f ms\n",
               pm[GUI_PHASE_CPU], pp[GUI_PHASE_CPU]);
        if (bands)
            printf("uncertainty bands: %d draws on %u worker threads, %.1f ms after the last "
                   "change; bands redrawn from new draws %ld times\n",
                   a->band_n, app_bands_threads(a), a->band_ms, a->band_takes);
    }
    gui_destroy(g);
    return status;
}
