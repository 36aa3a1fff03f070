/* scoreboard_ui.c: the scoreboard's screen (see scoreboard.h for its
 * state): a folder list on the left to pick the teams' files, the table of
 * their figures on the right, its heads sortable, and a bar of buttons
 * below (years shown, columns, export, close). Immediate-mode ui calls on
 * the overlay layer; no SDL. The PNG export is a sheet of its own
 * (app_board_sheet): the whole table, every column and row, with its title
 * and provenance, whatever part of it the window shows. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "render/app_ui.h"
#include "render/fmt.h"
#include "render/scoreboard.h"
#include "render/strings.h"
#include "sim/files/datadir.h"
#include "sim/model/model.h"

/* The board of a, made (and its folder listed) on first use; NULL when out
 * of memory. The folder first listed is the scenario's own, else the
 * user's scenario folder, else the bundled scenarios. */
board *app_board(app *a)
{
    if (a->board)
        return a->board;
    a->board = board_create(a);
    if (!a->board)
        return NULL;
    char dir[1024] = "";
    const char *slash = strrchr(a->path, '/');
    if (slash && slash > a->path)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - a->path), a->path);
    else if (app_user_dir(dir, sizeof dir) != 0 && !datadir_scenarios(dir, sizeof dir))
        snprintf(dir, sizeof dir, "%s", ".");
    board_list(a->board, dir);
    return a->board;
}

void app_board_open(app *a)
{
    board *b = app_board(a);
    if (!b) {
        app_status(a, 1, "%s", str_get(STR_OUT_OF_MEMORY, a->swedish));
        return;
    }
    int sel = b->entry_sel, scroll = b->entry_scroll;
    board_list(b, b->dir);
    b->entry_sel = sel < b->nentries ? sel : 0;
    b->entry_scroll = scroll;
    sim_error err;
    sim_error_clear(&err);
    char msg[1200];
    int failed = board_reload(b, a, &err);
    if (failed > 0)
        app_status(a, 1, board_text(BOARD_STR_RELOAD_FAILED_FMT, a->swedish), failed,
                   sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
    else
        a->status[0] = '\0'; /* the bar shows what happens on the board */
    a->dialog = APP_DLG_SCOREBOARD;
}

/* The text of column col's value for team t into buf. */
static const char *cell_text(const app *a, const board *b, const board_team *t, int col, char *buf,
                             size_t n)
{
    int sv = a->swedish;
    char num[64];
    switch (board_col_kind_of(b, col)) {
    case BOARD_COL_TEAM:
        snprintf(buf, n, "%s", t->label);
        break;
    case BOARD_COL_KEY:
    case BOARD_COL_COST:
    case BOARD_COL_PEAK: {
        double v = board_value(t, b, col);
        snprintf(buf, n, "%s", isfinite(v) ? fmt_value(num, sizeof num, v, sv) : "\xE2\x80\x93");
        break;
    }
    case BOARD_COL_STATUS:
        if (t->over > 0)
            snprintf(buf, n, board_text(BOARD_STR_OVER_FMT, sv), fmt_value(num, sizeof num, t->over, sv));
        else
            snprintf(buf, n, "%s", board_text(t->cap > 0 ? BOARD_STR_WITHIN : BOARD_STR_NO_CAP, sv));
        break;
    }
    return buf;
}

/* The colour of a cell: better or worse than the baseline for a key
 * indicator (a change that counts, as on the key cards), vermillion over the
 * cap, else the text colour. */
static ui_color cell_color(const app *a, const ui_ctx *ctx, const board *b, const board_team *t, int col)
{
    board_col_kind kind = board_col_kind_of(b, col);
    if (kind == BOARD_COL_STATUS && t->over > 0)
        return ctx->colors[UI_COL_BAD];
    if (kind != BOARD_COL_KEY || t == &b->base)
        return ctx->colors[UI_COL_TEXT];
    int k = board_col_key(b, col), y = board_col_year(b, col), var = b->keys[k];
    fmt_key_change c = fmt_key_change_of(b->base.key[y][k], t->key[y][k], app_is_share(var), 0);
    int good = var_table[var].better * c.sign;
    (void)a;
    return good > 0 ? ctx->colors[UI_COL_GOOD] : good < 0 ? ctx->colors[UI_COL_BAD] : ctx->colors[UI_COL_TEXT];
}

/* The head of column col: the label (a key indicator's with its unit), and
 * the year of a key column ("" for others). */
static void head_text(const app *a, const board *b, int col, char *label, size_t n, char *year, size_t ny)
{
    int sv = a->swedish;
    year[0] = '\0';
    char per_yr[32];
    str_unit("MSEK/yr", sv, per_yr, sizeof per_yr);
    switch (board_col_kind_of(b, col)) {
    case BOARD_COL_TEAM:
        snprintf(label, n, "%s", board_text(BOARD_STR_TEAM, sv));
        break;
    case BOARD_COL_KEY: {
        int var = b->keys[board_col_key(b, col)];
        const char *unit = app_unit(a, var);
        if (*unit && strcmp(unit, "1") != 0)
            snprintf(label, n, "%s (%s)", app_label(a, var), unit);
        else
            snprintf(label, n, "%s", app_label(a, var));
        snprintf(year, ny, "%.0f", b->years[board_col_year(b, col)]);
        break;
    }
    case BOARD_COL_COST:
        snprintf(label, n, "%s (MSEK)", board_text(BOARD_STR_COST, sv));
        break;
    case BOARD_COL_PEAK:
        snprintf(label, n, "%s (%s)", board_text(BOARD_STR_PEAK, sv), per_yr);
        break;
    case BOARD_COL_STATUS:
        snprintf(label, n, "%s", board_text(BOARD_STR_STATUS, sv));
        break;
    }
}

/* The width of the widest word of text in the small font, pixels. */
static int longest_word(const ui_ctx *ctx, const char *text)
{
    int best = 0;
    while (*text) {
        size_t n = strcspn(text, " ");
        char w[128];
        snprintf(w, sizeof w, "%.*s", (int)(n < sizeof w ? n : sizeof w - 1), text);
        int tw = ui_text_width(ctx, UI_FONT_SMALL, w);
        best = tw > best ? tw : best;
        text += n;
        while (*text == ' ')
            text++;
    }
    return best;
}

/* 1 when shown column i and i + 1 are the two years of one key indicator
 * (their label spans both). */
static int pair_at(const board *b, const int *cols, int n, int i)
{
    return i + 1 < n && board_col_kind_of(b, cols[i]) == BOARD_COL_KEY &&
           board_col_year(b, cols[i]) == 0 && board_col_key(b, cols[i + 1]) == board_col_key(b, cols[i]);
}

/* Up to two lines of text wrapped in w at (x, y), the second shortened
 * with an ellipsis. */
static void draw_two_lines(ui_ctx *ctx, const char *text, int x, int y, int w, ui_color c)
{
    const char *next;
    int len = ui_wrap_line(ctx, UI_FONT_SMALL, text, w, &next);
    char line[256];
    snprintf(line, sizeof line, "%.*s", len, text);
    int sh = ui_text_height(ctx, UI_FONT_SMALL);
    ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(x, y, w, sh), -1, c);
    if (*next)
        ui_draw_text_in(ctx, UI_FONT_SMALL, next, ui_rect_make(x, y + sh, w, sh), -1, c);
}

/* The lines text takes wrapped in w pixels of the small font. */
static int head_line_count(const ui_ctx *ctx, const char *text, int w)
{
    int n = 0;
    while (*text && n < 8) {
        const char *next;
        ui_wrap_line(ctx, UI_FONT_SMALL, text, w, &next);
        n++;
        if (next == text)
            break;
        text = next;
    }
    return n;
}

/* The table in r: heads (a click sorts), the baseline, then the teams in
 * the order shown; the team column stays while the others page. With whole
 * set (the exported sheet), every column of b->show_years at its own width
 * and no control; r's size is then not used. On screen, *hover_team (when
 * not NULL) is set to the team whose name the mouse is on. Returns the size
 * drawn. */
static ui_rect draw_table(app *a, ui_ctx *ctx, board *b, ui_rect r, int whole, int *hover_team)
{
    int sv = a->swedish, pad = ui_px(ctx, 8);
    int sh = ui_text_height(ctx, UI_FONT_SMALL), bh = ui_text_height(ctx, UI_FONT_BOLD);
    ui_color text = ctx->colors[UI_COL_TEXT], muted = ctx->colors[UI_COL_MUTED];
    int cols[BOARD_COLS_MAX], w[BOARD_COLS_MAX];
    int n = board_shown_cols(b, cols);
    char buf[256], year[16];
    /* Widths: the widest cell, the year, and room for a two-line head
     * (a single year's column carries its indicator's head alone). */
    for (int i = 0; i < n; i++) {
        int c = cols[i];
        int wi = 0;
        for (int t = -1; t < b->nteams; t++) {
            const board_team *tm = t < 0 ? &b->base : &b->team[t];
            if (t < 0 && board_col_kind_of(b, c) == BOARD_COL_TEAM)
                snprintf(buf, sizeof buf, "%s", str_get(STR_BASELINE, sv));
            else
                cell_text(a, b, tm, c, buf, sizeof buf);
            int tw = ui_text_width(ctx, c == 0 ? UI_FONT_BOLD : UI_FONT_BODY, buf) +
                     (c == 0 ? ui_px(ctx, 22) : 0); /* the rank before the name */
            wi = tw > wi ? tw : wi;
        }
        int minw = board_col_kind_of(b, c) == BOARD_COL_KEY ? (b->show_years == BOARD_YEARS_BOTH ? 70 : 120)
                   : c == 0                                  ? 120
                                                             : 100;
        wi += 2 * pad + ui_px(ctx, 10);
        if (wi < ui_px(ctx, minw))
            wi = ui_px(ctx, minw);
        /* The head's longest word stays whole (over a pair of years, half each). */
        char label[300];
        head_text(a, b, c, label, sizeof label, year, sizeof year);
        int word = longest_word(ctx, label) + 2 * pad;
        if (b->show_years == BOARD_YEARS_BOTH && board_col_kind_of(b, c) == BOARD_COL_KEY)
            word = (word + 1) / 2;
        if (wi < word)
            wi = word;
        /* The year under the head, in bold with the sort's arrow. */
        char y2[64];
        snprintf(y2, sizeof y2, "%s \xE2\x96\xBC", year);
        int yw = ui_text_width(ctx, UI_FONT_BOLD, y2) + 2 * pad;
        if (year[0] && wi < yw)
            wi = yw;
        if (c == 0 && wi > ui_px(ctx, whole ? 480 : 240))
            wi = ui_px(ctx, whole ? 480 : 240);
        w[i] = wi;
    }
    /* The team, its cost and budget stay; the indicators page. */
    int frozen = 0;
    while (frozen < n && board_col_kind_of(b, cols[frozen]) != BOARD_COL_KEY)
        frozen++;
    int scrolling = n - frozen;
    int fit = scrolling;
    if (!whole) {
        /* After a new sort, page so that its column (and its pair) shows. */
        for (int i = frozen; b->reveal_sort && i < n; i++)
            if (cols[i] == b->sort_col) {
                int page = i - frozen - (i > frozen && pair_at(b, cols, n, i - 1) ? 1 : 0);
                if (i - frozen < b->first_col || i - frozen >= b->first_col + board_fit_cols(w, n, frozen, b->first_col, r.w))
                    b->first_col = page;
                break;
            }
        b->reveal_sort = 0;
        if (b->first_col > scrolling - 1)
            b->first_col = scrolling - 1;
        if (b->first_col < 0)
            b->first_col = 0;
        fit = board_fit_cols(w, n, frozen, b->first_col, r.w);
        if (b->first_col > 0 && b->first_col + fit >= scrolling) {
            /* At the end, show as many as fit ending with the last. */
            while (b->first_col > 0 && board_fit_cols(w, n, frozen, b->first_col - 1, r.w) > fit) {
                b->first_col--;
                fit = board_fit_cols(w, n, frozen, b->first_col, r.w);
            }
        }
        /* A year whose pair does not fit waits for the next page, rather
         * than show under a head cut short. */
        if (fit > 1 && pair_at(b, cols, n, frozen + b->first_col + fit - 1))
            fit--;
    }
    int shown[BOARD_COLS_MAX], ns = 0;
    if (whole) {
        for (int i = 0; i < n; i++)
            shown[ns++] = i;
    } else {
        for (int i = 0; i < frozen; i++)
            shown[ns++] = i;
        for (int i = 0; i < fit; i++)
            shown[ns++] = frozen + b->first_col + i;
    }
    /* The columns share the room left over. */
    int used = 0;
    for (int i = 0; i < ns; i++)
        used += w[shown[i]];
    int extra = r.w > used && !whole ? (r.w - used) / ns : 0;
    if (extra > ui_px(ctx, 40))
        extra = ui_px(ctx, 40);

    int x = r.x;
    int xs[BOARD_COLS_MAX], ws[BOARD_COLS_MAX];
    for (int s = 0; s < ns; s++) {
        xs[s] = x;
        ws[s] = w[shown[s]] + extra;
        x += ws[s];
    }
    /* Heads take two lines on screen (the second shortened); the sheet
     * gives each its lines whole. */
    int head_lines = 2;
    for (int s = 0; whole && s < ns; s++) {
        int i = shown[s];
        if (i > 0 && pair_at(b, cols, n, i - 1))
            continue;
        char label[300];
        head_text(a, b, cols[i], label, sizeof label, year, sizeof year);
        int lines = head_line_count(ctx, label, ws[s] + (pair_at(b, cols, n, i) ? ws[s + 1] : 0) - 2 * pad);
        head_lines = lines > head_lines ? lines : head_lines;
    }
    int head_h = head_lines * sh + sh + ui_px(ctx, 10);
    int nrows = b->nteams + 1;
    int rh = ui_px(ctx, 30);
    int avail = r.h - head_h - ui_px(ctx, 6);
    /* A team's name too long for its column takes a second line, its row
     * growing for it, while all the rows still fit; else it is cut short
     * (hovering shows it whole). */
    int rank_w = ui_px(ctx, 22), name_w = 0;
    for (int s = 0; s < ns; s++)
        if (cols[shown[s]] == 0)
            name_w = ws[s] - 2 * pad - rank_w;
    int rh2 = 2 * bh + ui_px(ctx, 8), nwrap = 0;
    if (rh2 < rh)
        rh2 = rh;
    for (int t = 0; name_w > 0 && t < b->nteams; t++)
        if (ui_text_width(ctx, UI_FONT_BOLD, b->team[t].label) > name_w)
            nwrap++;
    if (!whole && nrows * rh + nwrap * (rh2 - rh) > avail)
        rh2 = rh;
    if (!whole && nrows * rh > avail)
        rh = avail / nrows > sh + ui_px(ctx, 4) ? avail / nrows : sh + ui_px(ctx, 4);
    ui_draw_rect(ctx, ui_rect_make(r.x, r.y, x - r.x, head_h), ctx->colors[UI_COL_HEADER]);
    /* Heads: a pair of years shares its indicator's label. */
    for (int s = 0; s < ns; s++) {
        int i = shown[s], c = cols[i];
        char label[300];
        head_text(a, b, c, label, sizeof label, year, sizeof year);
        int span = ws[s];
        int paired = s + 1 < ns && shown[s + 1] == i + 1 && pair_at(b, cols, n, i);
        int second = s > 0 && shown[s - 1] == i - 1 && pair_at(b, cols, n, i - 1);
        if (paired)
            span += ws[s + 1];
        if (!second && whole)
            ui_draw_wrapped(ctx, UI_FONT_SMALL, label, xs[s] + pad, r.y + ui_px(ctx, 4), span - 2 * pad, text);
        else if (!second)
            draw_two_lines(ctx, label, xs[s] + pad, r.y + ui_px(ctx, 4), span - 2 * pad, text);
        ui_rect cell = ui_rect_make(xs[s], r.y, ws[s], head_h);
        unsigned hid = ui_id("board-head", c);
        int res = whole ? 0 : ui_control(ctx, hid, cell, 1);
        if (!whole && ctx->focus == hid && (ui_take_key(ctx, UI_KEY_RETURN) || ui_take_key(ctx, UI_KEY_SPACE)))
            res |= UI_SUBMIT;
        if (!whole && ctx->focus == hid && ctx->focus_visible)
            ui_draw_frame(ctx, cell, ctx->colors[UI_COL_ACCENT], 2);
        if (res & UI_SUBMIT)
            board_click_col(b, c);
        int sorted = b->sort_col == c;
        char y2[64];
        snprintf(y2, sizeof y2, "%s%s%s", year, sorted ? " " : "",
                 sorted ? (b->sort_desc ? "\xE2\x96\xBC" : "\xE2\x96\xB2") : "");
        ui_draw_text_in(ctx, sorted ? UI_FONT_BOLD : UI_FONT_SMALL, y2,
                        ui_rect_make(xs[s] + pad, r.y + head_lines * sh + ui_px(ctx, 6), ws[s] - 2 * pad, sh),
                        c == 0 ? -1 : 1, sorted ? ctx->colors[UI_COL_ACCENT] : muted);
        if (res & UI_HOVER)
            ui_draw_frame(ctx, cell, ctx->colors[UI_COL_ACCENT], 1);
    }
    /* Rows: the baseline, then the teams. */
    int y = r.y + head_h;
    for (int row = -1; row < b->nteams; row++) {
        const board_team *t = row < 0 ? &b->base : &b->team[b->order[row]];
        int two = row >= 0 && rh2 > rh && ui_text_width(ctx, UI_FONT_BOLD, t->label) > name_w;
        int h = two ? rh2 : rh;
        if (row >= 0 && row % 2 == 1)
            ui_draw_rect(ctx, ui_rect_make(r.x, y, x - r.x, h), ctx->colors[UI_COL_PANEL]);
        for (int s = 0; s < ns; s++) {
            int c = cols[shown[s]];
            ui_rect cell = ui_rect_make(xs[s] + pad, y, ws[s] - 2 * pad, h);
            if (c == 0) {
                char rank[16] = "";
                if (row >= 0)
                    snprintf(rank, sizeof rank, "%d", row + 1);
                ui_draw_text_in(ctx, UI_FONT_SMALL, rank, ui_rect_make(cell.x, y, rank_w, h), -1, muted);
                const char *name = row < 0 ? str_get(STR_BASELINE, sv) : t->label;
                ui_rect nr = ui_rect_make(cell.x + rank_w, y, cell.w - rank_w, h);
                if (two) {
                    const char *next;
                    int len = ui_wrap_line(ctx, UI_FONT_BOLD, name, nr.w, &next);
                    char first[sizeof t->label];
                    snprintf(first, sizeof first, "%.*s", len, name);
                    int ly = y + (h - 2 * bh) / 2;
                    ui_draw_text_in(ctx, UI_FONT_BOLD, first, ui_rect_make(nr.x, ly, nr.w, bh), -1, text);
                    ui_draw_text_in(ctx, UI_FONT_BOLD, next, ui_rect_make(nr.x, ly + bh, nr.w, bh), -1, text);
                } else {
                    ui_draw_text_in(ctx, row < 0 ? UI_FONT_BODY : UI_FONT_BOLD, name, nr, -1,
                                    row < 0 ? muted : text);
                }
                if (!whole && row >= 0 && hover_team && ui_mouse_over(ctx, ui_rect_make(xs[s], y, ws[s], h)))
                    *hover_team = b->order[row];
                continue;
            }
            cell_text(a, b, t, c, buf, sizeof buf);
            ui_draw_text_in(ctx, UI_FONT_BODY, buf, cell, 1, row < 0 ? muted : cell_color(a, ctx, b, t, c));
        }
        y += h;
        if (row < 0)
            ui_draw_rect(ctx, ui_rect_make(r.x, y - 1, x - r.x, 1), ctx->colors[UI_COL_BORDER]);
    }
    /* Lines between the columns, none inside a pair of years. */
    for (int s = 1; s < ns; s++)
        if (!(shown[s - 1] == shown[s] - 1 && pair_at(b, cols, n, shown[s - 1])))
            ui_draw_rect(ctx, ui_rect_make(xs[s], r.y, 1, y - r.y), ctx->colors[UI_COL_BORDER]);
    ui_draw_frame(ctx, ui_rect_make(r.x, r.y, x - r.x, y - r.y), ctx->colors[UI_COL_BORDER], 1);
    if (whole)
        return ui_rect_make(r.x, r.y, x - r.x, y - r.y);
    if (b->nteams == 0)
        ui_draw_wrapped(ctx, UI_FONT_BODY, board_text(BOARD_STR_EMPTY, sv), r.x + pad, y + ui_px(ctx, 12),
                        r.w - 2 * pad, muted);
    /* Which columns are shown, when not all fit; ‹ › page (in the bar). */
    b->page_fit = fit;
    b->page_total = scrolling;
    return ui_rect_make(r.x, r.y, x - r.x, y - r.y);
}

/* The folder pane in r: where, quick folders, the list (a click walks into
 * a folder or ticks a file), and "add all", "clear". */
static void draw_folder(app *a, ui_ctx *ctx, board *b, ui_rect r)
{
    int sv = a->swedish, gap = ui_px(ctx, 6), rh = ui_px(ctx, 28), bh = ui_px(ctx, 30);
    int sh = ui_text_height(ctx, UI_FONT_SMALL);
    ui_color muted = ctx->colors[UI_COL_MUTED], text = ctx->colors[UI_COL_TEXT];
    int y = r.y;
    ui_draw_text(ctx, UI_FONT_BOLD, board_text(BOARD_STR_FOLDER, sv), r.x, y, text);
    y += ui_text_height(ctx, UI_FONT_BOLD) + ui_px(ctx, 2);
    ui_draw_text_in(ctx, UI_FONT_SMALL, b->dir, ui_rect_make(r.x, y, r.w, sh), -1, muted);
    y += sh + gap;
    /* Quick folders: the user's own and the bundled scenarios. */
    static const board_str quick[2] = {BOARD_STR_MINE, BOARD_STR_BUNDLED};
    int qw = (r.w - gap) / 2;
    for (int i = 0; i < 2; i++) {
        if (ui_button(ctx, ui_id("board-quick", i), ui_rect_make(r.x + i * (qw + gap), y, qw, bh),
                      board_text(quick[i], sv), 0) & UI_SUBMIT) {
            char dir[1024];
            int ok = i == 0 ? app_user_dir(dir, sizeof dir) == 0 : datadir_scenarios(dir, sizeof dir);
            if (ok)
                board_list(b, dir);
        }
    }
    y += bh + gap;
    y += ui_draw_wrapped(ctx, UI_FONT_SMALL, board_text(BOARD_STR_HINT, sv), r.x, y, r.w, muted) + gap;
    int list_bottom = r.y + r.h - bh - gap;
    ui_rect lr = ui_rect_make(r.x, y, r.w, list_bottom - y > 0 ? list_bottom - y : 0);
    ui_draw_rect(ctx, lr, ctx->colors[UI_COL_CARD]);
    ui_draw_frame(ctx, lr, ctx->colors[UI_COL_BORDER], 1);
    int ry = ui_panel_begin(ctx, lr, &b->entry_scroll);
    int act = -1;
    for (int i = 0; i < b->nentries; i++) {
        ui_rect row = ui_rect_make(lr.x + 1, ry, lr.w - 2, rh);
        unsigned id = ui_id("board-entry", i);
        int res = ui_control(ctx, id, row, 1);
        if (ctx->focus == id && (ui_take_key(ctx, UI_KEY_RETURN) || ui_take_key(ctx, UI_KEY_SPACE)))
            res |= UI_SUBMIT;
        if (res & UI_SUBMIT)
            act = i;
        const board_entry *e = &b->entry[i];
        char path[1300], line[300];
        int ticked = 0;
        if (e->kind == BOARD_ENTRY_FILE) {
            snprintf(path, sizeof path, "%s%s%s", b->dir, strcmp(b->dir, "/") == 0 ? "" : "/", e->name);
            ticked = board_find(b, path) >= 0;
        }
        if (ticked)
            ui_draw_rect(ctx, row, ctx->colors[UI_COL_HOVER]);
        else if (res & UI_HOVER)
            ui_draw_rect(ctx, row, ctx->colors[UI_COL_CONTROL]);
        /* U+2611 ballot box with check, U+2610 ballot box, U+25B8 a folder's arrow. */
        const char *mark = e->kind == BOARD_ENTRY_FILE ? (ticked ? "\xE2\x98\x91" : "\xE2\x98\x90")
                           : e->kind == BOARD_ENTRY_DIR ? "\xE2\x96\xB8"
                                                        : "\xE2\x86\x91"; /* U+2191 up */
        snprintf(line, sizeof line, "%s  %s%s", mark, e->kind == BOARD_ENTRY_UP ? board_text(BOARD_STR_UP, sv) : e->name,
                 e->kind == BOARD_ENTRY_DIR ? "/" : "");
        ui_draw_text_in(ctx, ticked ? UI_FONT_BOLD : UI_FONT_BODY, line,
                        ui_rect_make(row.x + ui_px(ctx, 8), row.y, row.w - ui_px(ctx, 12), row.h), -1,
                        e->kind == BOARD_ENTRY_FILE ? text : ctx->colors[UI_COL_ACCENT]);
        if (ctx->focus == id && ctx->focus_visible)
            ui_draw_frame(ctx, row, ctx->colors[UI_COL_ACCENT], 2);
        ry += rh;
    }
    ui_panel_end(ctx, lr, &b->entry_scroll, ry);
    if (act >= 0) {
        sim_error err;
        sim_error_clear(&err);
        char msg[1200];
        if (board_activate(b, a, act, &err) != SIM_OK)
            app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        else
            a->status[0] = '\0';
    }
    int w2 = (r.w - gap) / 2;
    if (ui_button(ctx, ui_id("board-all", 0), ui_rect_make(r.x, list_bottom + gap, w2, bh),
                  board_text(BOARD_STR_ADD_ALL, sv), 0) & UI_SUBMIT) {
        sim_error err;
        sim_error_clear(&err);
        char msg[1200];
        int failed = 0, added = board_add_all(b, a, &failed, &err);
        if (failed > 0)
            app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        else
            app_status(a, 0, board_text(BOARD_STR_ADDED_FMT, sv), added);
    }
    if (ui_button(ctx, ui_id("board-clear", 0), ui_rect_make(r.x + w2 + gap, list_bottom + gap, w2, bh),
                  board_text(BOARD_STR_CLEAR, sv), 0) & UI_SUBMIT)
        board_clear(b);
}

/* The provenance line of the table and its export: model, program, date
 * and the teams' folder, into buf. */
static void provenance_line(const board *b, char *buf, size_t n)
{
    char when[64] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    snprintf(buf, n, "%s %s \xC2\xB7 transim %s \xC2\xB7 %s \xC2\xB7 %s", MODEL_NAME, MODEL_VERSION,
             TRANSIM_VERSION, when, b->dir);
}

/* The sheet's title and, after it, what the rank is on (whole, however
 * long), at (x, y); returns the line's width. */
static int draw_title(app *a, ui_ctx *ctx, const board *b, int x, int y)
{
    int sv = a->swedish, th = ui_text_height(ctx, UI_FONT_TITLE);
    int w = ui_draw_text(ctx, UI_FONT_TITLE, board_text(BOARD_STR_TITLE, sv), x, y, ctx->colors[UI_COL_TEXT]);
    if (b->sort_col >= 0) {
        char label[300], year[16], what[400];
        head_text(a, b, b->sort_col, label, sizeof label, year, sizeof year);
        snprintf(what, sizeof what, "%s: %s%s%s %s", board_text(BOARD_STR_RANKED_BY, sv), label,
                 year[0] ? " " : "", year, b->sort_desc ? "\xE2\x96\xBC" : "\xE2\x96\xB2");
        w += ui_px(ctx, 16);
        w += ui_draw_text(ctx, UI_FONT_BODY, what, x + w, y + (th - ui_text_height(ctx, UI_FONT_BODY)) / 2,
                          ctx->colors[UI_COL_ACCENT]);
    }
    return w;
}

ui_rect app_board_sheet(app *a, ui_ctx *ctx)
{
    board *b = app_board(a);
    if (!b)
        return ui_rect_make(0, 0, 0, 0);
    board_years keep = b->show_years;
    b->show_years = BOARD_YEARS_BOTH; /* as the CSV: both years of every indicator */
    int m = ui_px(ctx, 18);
    int line_w = draw_title(a, ctx, b, m, m);
    int ty = m + ui_text_height(ctx, UI_FONT_TITLE) + ui_px(ctx, 10);
    ui_rect t = draw_table(a, ctx, b, ui_rect_make(m, ty, 0, 0), 1, NULL);
    b->show_years = keep;
    int w = t.w > line_w ? t.w : line_w;
    if (w < ui_px(ctx, 640))
        w = ui_px(ctx, 640);
    char line[1600];
    provenance_line(b, line, sizeof line);
    int y = ty + t.h + ui_px(ctx, 10);
    y += ui_draw_wrapped(ctx, UI_FONT_SMALL, line, m, y, w, ctx->colors[UI_COL_MUTED]);
    return ui_rect_make(0, 0, w + 2 * m, y + m);
}

/* Writes the CSV now and asks the window layer for the PNG of the table. */
static void board_export(app *a, board *b)
{
    char base[1024], path[1100], msg[1200];
    sim_error err;
    sim_error_clear(&err);
    if (board_export_base(b, base, sizeof base) != 0) {
        app_status(a, 1, "%s: %s", b->dir, board_text(BOARD_STR_NO_NAME, a->swedish));
        return;
    }
    snprintf(path, sizeof path, "%s.csv", base);
    if (board_export_csv(b, a, path, &err) != SIM_OK) {
        app_status(a, 1, "%s", sim_error_format_lang(&err, a->swedish, msg, sizeof msg));
        return;
    }
    snprintf(a->export_base, sizeof a->export_base, "%s", base);
    a->export_requested = 1;
    app_status(a, 0, board_text(BOARD_STR_EXPORTED_FMT, a->swedish), base);
}

void app_board_draw(app *a, ui_ctx *ctx)
{
    board *b = app_board(a);
    if (!b) {
        app_status(a, 1, "%s", str_get(STR_OUT_OF_MEMORY, a->swedish));
        a->dialog = APP_DLG_NONE;
        return;
    }
    int sv = a->swedish;
    ui_layer_set(ctx, 1);
    ui_draw_rect(ctx, ui_rect_make(0, 0, ctx->width, ctx->height), ctx->colors[UI_COL_SHADOW]);
    int m = ui_px(ctx, 8), pad = ui_px(ctx, 14), gap = ui_px(ctx, 14), bh = ui_px(ctx, 34);
    ui_rect card = ui_rect_make(m, m, ctx->width - 2 * m, ctx->height - 2 * m);
    ui_draw_rect(ctx, card, ctx->colors[UI_COL_BG]);
    ui_draw_frame(ctx, card, ctx->colors[UI_COL_BORDER], 1);
    ui_rect in = ui_rect_make(card.x + pad, card.y + pad, card.w - 2 * pad, card.h - 2 * pad);
    int body_h = in.h - bh - gap;
    /* The folder list on the left, unless folded away for the table's room. */
    int folded = board_folder_folded(b, a->present);
    int left_w = in.w * 27 / 100;
    if (left_w < ui_px(ctx, 210))
        left_w = ui_px(ctx, 210);
    if (left_w > ui_px(ctx, 320))
        left_w = ui_px(ctx, 320);
    if (folded)
        left_w = -gap;
    else
        draw_folder(a, ctx, b, ui_rect_make(in.x, in.y, left_w, body_h));

    /* The table's pane: title, table, provenance (exported as PNG). */
    ui_rect pane = ui_rect_make(in.x + left_w + gap, in.y, in.w - left_w - gap, body_h);
    a->board_rect = ui_rect_inset(pane, -ui_px(ctx, 4));
    ui_draw_rect(ctx, a->board_rect, ctx->colors[UI_COL_CARD]);
    int th = ui_text_height(ctx, UI_FONT_TITLE), sh = ui_text_height(ctx, UI_FONT_SMALL);
    ui_color muted = ctx->colors[UI_COL_MUTED], text = ctx->colors[UI_COL_TEXT];
    int tw = ui_draw_text(ctx, UI_FONT_TITLE, board_text(BOARD_STR_TITLE, sv), pane.x, pane.y, text);
    if (b->sort_col >= 0) {
        /* What the rank is on: the column, its year and direction. */
        char label[300], year[16], what[400];
        head_text(a, b, b->sort_col, label, sizeof label, year, sizeof year);
        snprintf(what, sizeof what, "%s: %s%s%s %s", board_text(BOARD_STR_RANKED_BY, sv), label,
                 year[0] ? " " : "", year, b->sort_desc ? "\xE2\x96\xBC" : "\xE2\x96\xB2");
        int bx = pane.x + tw + ui_px(ctx, 16);
        ui_draw_text_in(ctx, UI_FONT_BODY, what,
                        ui_rect_make(bx, pane.y, pane.x + pane.w - bx, ui_text_height(ctx, UI_FONT_TITLE)), 1,
                        ctx->colors[UI_COL_ACCENT]);
    }
    char line[1600];
    provenance_line(b, line, sizeof line);
    ui_draw_text_in(ctx, UI_FONT_SMALL, line, ui_rect_make(pane.x, pane.y + pane.h - sh, pane.w, sh), -1, muted);
    int ty = pane.y + th + ui_px(ctx, 10);
    int hover_team = -1;
    draw_table(a, ctx, b, ui_rect_make(pane.x, ty, pane.w, pane.y + pane.h - sh - ui_px(ctx, 8) - ty), 0,
               &hover_team);

    /* The bar: the folder list's toggle, years, columns, export, close. */
    int by = in.y + in.h - bh, x = in.x, bgap = ui_px(ctx, 6);
    {
        const char *label = board_text(folded ? BOARD_STR_FOLDER_SHOW : BOARD_STR_FOLDER_HIDE, sv);
        int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 24);
        if (ui_button(ctx, ui_id("board-folder", 0), ui_rect_make(x, by, w, bh), label, 0) & UI_SUBMIT)
            b->folder_choice = folded ? 1 : 2;
        x += w + ui_px(ctx, 16);
    }
    char y0[16], y1[16];
    snprintf(y0, sizeof y0, "%.0f", b->years[0]);
    snprintf(y1, sizeof y1, "%.0f", b->years[1]);
    const char *ylab[3] = {board_text(BOARD_STR_YEARS_BOTH, sv), y0, y1};
    static const board_years ymode[3] = {BOARD_YEARS_BOTH, BOARD_YEARS_MID, BOARD_YEARS_END};
    for (int i = 0; i < 3; i++) {
        int w = ui_text_width(ctx, UI_FONT_BODY, ylab[i]) + ui_px(ctx, 24);
        if (ui_button(ctx, ui_id("board-years", i), ui_rect_make(x, by, w, bh), ylab[i],
                      b->show_years == ymode[i]) & UI_SUBMIT) {
            b->show_years = ymode[i];
            b->first_col = 0;
        }
        x += w + bgap;
    }
    x += ui_px(ctx, 10);
    if (b->page_fit < b->page_total) {
        int pw = ui_px(ctx, 34);
        /* A page at a time, pairs of years kept together. */
        int step = b->show_years == BOARD_YEARS_BOTH ? b->page_fit / 2 * 2 : b->page_fit;
        if (step < 1)
            step = 1;
        if (ui_button(ctx, ui_id("board-prev", 0), ui_rect_make(x, by, pw, bh), "\xE2\x80\xB9", 0) & UI_SUBMIT)
            b->first_col = b->first_col > step ? b->first_col - step : 0;
        x += pw + bgap;
        if (ui_button(ctx, ui_id("board-next", 0), ui_rect_make(x, by, pw, bh), "\xE2\x80\xBA", 0) & UI_SUBMIT)
            b->first_col += b->first_col + step < b->page_total ? step : 0;
        x += pw + bgap;
        snprintf(line, sizeof line, board_text(BOARD_STR_COLS_FMT, sv), b->first_col + 1,
                 b->first_col + b->page_fit, b->page_total);
        x += ui_draw_text(ctx, UI_FONT_SMALL, line, x, by + (bh - sh) / 2, muted) + ui_px(ctx, 12);
    }
    static const str_id buttons[2] = {STR_DETAIL_CLOSE, STR_EXPORT};
    int rx = in.x + in.w;
    int hit = -1;
    for (int i = 0; i < 2; i++) {
        const char *label = str_get(buttons[i], sv);
        int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 32);
        rx -= w;
        if (ui_button(ctx, ui_id("board-button", i), ui_rect_make(rx, by, w, bh), label, 0) & UI_SUBMIT)
            hit = i;
        rx -= bgap;
    }
    /* What just happened (the status line lies under the board), else a hint. */
    if (rx - x > ui_px(ctx, 80)) {
        const char *say = a->status[0] ? a->status : board_text(BOARD_STR_SORT_HINT, sv);
        ui_color c = a->status_error ? ctx->colors[UI_COL_BAD] : a->status[0] ? text : muted;
        int room = rx - x - ui_px(ctx, 8);
        /* Two lines rather than a hint cut short (Swedish is longer). */
        if (ui_text_width(ctx, UI_FONT_SMALL, say) > room && 2 * sh <= bh)
            draw_two_lines(ctx, say, x, by + (bh - 2 * sh) / 2, room, c);
        else
            ui_draw_text_in(ctx, UI_FONT_SMALL, say, ui_rect_make(x, by, room, bh), -1, c);
    }
    /* Hovering a team's name shows it whole, and its file; last, so that
     * nothing of the board is drawn over it. */
    if (hover_team >= 0 && hover_team < b->nteams) {
        const board_team *t = &b->team[hover_team];
        snprintf(line, sizeof line, "%s\n%s", t->label, t->path);
        ui_tooltip(ctx, line);
    }
    if (hit == 0)
        a->dialog = APP_DLG_NONE;
    else if (hit == 1)
        board_export(a, b);
    ui_layer_set(ctx, 0);
}
