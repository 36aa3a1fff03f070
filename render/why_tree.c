/* why_tree.c: the causes tree of the "why" panel (see why_tree.h): built
 * from the causal graph of sim/files/graph.h, laid out as an indented list
 * with a connector and a sign from each cause to what it feeds. */
#include "render/why_tree.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/chart.h"
#include "render/fmt.h"
#include "render/strings.h"

/* The value of var in r at year in display units. */
static double shown_value(const run_result *r, int var, double year)
{
    return var_display(&var_table[var], app_value_at(r, var, year));
}

static void put(why_tree *t, int var, int depth, int parent, char pol, const run_result *cur,
                const run_result *base)
{
    why_node *n = &t->node[t->n++];
    n->var = var;
    n->depth = depth;
    n->parent = parent;
    n->pol = depth == 0 ? 0 : pol == '+' || pol == '-' ? pol : '?';
    n->value = shown_value(cur, var, t->year);
    n->base = shown_value(base, var, t->year);
    n->hidden = 0;
}

void why_tree_build(why_tree *t, const graph *g, int var, int depth, const run_result *cur,
                    const run_result *base, double year)
{
    memset(t, 0, sizeof *t);
    t->var = var;
    t->year = year;
    if (var < 0 || var >= VAR_COUNT)
        return;
    if (depth > WHY_TREE_DEPTH)
        depth = WHY_TREE_DEPTH;
    /* How many inputs of each first-step cause get a row: all of them while
     * the rows last, the first step before the second. */
    int lo = g->in_start[var], hi = g->in_start[var + 1];
    int n1 = hi - lo;
    int room = WHY_TREE_MAX - 1;
    int shown1 = depth >= 1 ? (n1 < room ? n1 : room) : 0;
    room -= shown1;
    int take[WHY_TREE_MAX];
    for (int i = 0; i < shown1; i++) {
        int v = g->edges[lo + i].from;
        int n2 = depth >= 2 ? g->in_start[v + 1] - g->in_start[v] : 0;
        take[i] = n2 < room ? n2 : room;
        room -= take[i];
    }
    put(t, var, 0, -1, 0, cur, base);
    t->node[0].hidden = n1 - shown1;
    t->hidden = n1 - shown1;
    for (int i = 0; i < shown1; i++) {
        const graph_edge *e = &g->edges[lo + i];
        int row = t->n;
        put(t, e->from, 1, 0, e->pol, cur, base);
        int lo2 = g->in_start[e->from];
        int n2 = depth >= 2 ? g->in_start[e->from + 1] - lo2 : 0;
        for (int k = 0; k < take[i]; k++)
            put(t, g->edges[lo2 + k].from, 2, row, g->edges[lo2 + k].pol, cur, base);
        t->node[row].hidden = n2 - take[i];
        t->hidden += n2 - take[i];
    }
}

void why_tree_layout(const why_tree *t, ui_rect r, int row_h, int indent, why_tree_geom *g)
{
    memset(g, 0, sizeof *g);
    g->indent = indent;
    for (int i = 0; i < t->n; i++) {
        int d = t->node[i].depth;
        g->row[i] = ui_rect_make(r.x + d * indent, r.y + i * row_h, r.w - d * indent, row_h);
    }
    g->height = t->n * row_h;
}

int why_tree_row_at(const why_tree *t, const why_tree_geom *g, int x, int y)
{
    for (int i = 0; i < t->n; i++)
        if (ui_rect_contains(g->row[i], x, y))
            return i;
    return -1;
}

const char *why_tree_sign_text(char pol)
{
    return pol == '+' ? "+" : pol == '-' ? "\xE2\x88\x92" : "?";
}

/* A text in the window's language. */
static const char *tr(const app *a, const char *en, const char *sv)
{
    return a->swedish ? sv : en;
}

/* The change of node n against the baseline as the key cards show it. */
static void change_text(const why_node *n, char *buf, size_t cap, int swedish)
{
    if (!isfinite(n->value) || !isfinite(n->base)) {
        snprintf(buf, cap, "%s", "");
        return;
    }
    fmt_key_change kc = fmt_key_change_of(n->base, n->value, app_is_share(n->var), 0);
    if (kc.sign == 0 && fabs(n->value - n->base) <= 1e-12 * fmax(1, fabs(n->base)))
        snprintf(buf, cap, "%s", swedish ? "som basen" : "as baseline");
    else
        fmt_key_change_text(buf, cap, &kc, swedish);
}

/* The tooltip of row i: the variable, its description and equation, its
 * value against the baseline, and what its link to the parent means. */
static void row_tip(const app *a, const why_tree *t, int i, char *tip, size_t cap)
{
    const why_node *n = &t->node[i];
    const var_desc *d = &var_table[n->var];
    char v[64], b[64], line[600];
    const char *unit = app_unit(a, n->var);
    snprintf(tip, cap, "%s%s%s%s\n%s", app_label(a, n->var), *unit ? " (" : "", unit, *unit ? ")" : "",
             d->desc ? d->desc : "");
    if (d->eq && *d->eq && d->inputs && *d->inputs) {
        snprintf(line, sizeof line, "\n= %s", d->eq);
        strncat(tip, line, cap - strlen(tip) - 1);
    }
    snprintf(line, sizeof line, "\n%.0f: %s %s, %s %s", t->year, fmt_value(v, sizeof v, n->value, a->swedish),
             tr(a, "in the scenario", "i scenariot"), fmt_value(b, sizeof b, n->base, a->swedish),
             tr(a, "in the baseline", "i basscenariot"));
    strncat(tip, line, cap - strlen(tip) - 1);
    if (n->parent >= 0) {
        const char *to = app_label(a, t->node[n->parent].var), *from = app_label(a, n->var);
        if (n->pol == '+')
            snprintf(line, sizeof line, tr(a, "\n+: %s rises with %s", "\n+: %s stiger med %s"), to, from);
        else if (n->pol == '-')
            snprintf(line, sizeof line, tr(a, "\n\xE2\x88\x92: %s falls as %s rises",
                                           "\n\xE2\x88\x92: %s sjunker n\xC3\xA4r %s stiger"),
                     to, from);
        else
            snprintf(line, sizeof line,
                     tr(a, "\n?: %s does not move the same way with %s everywhere",
                        "\n?: %s f\xC3\xB6ljer inte %s \xC3\xA5t samma h\xC3\xA5ll \xC3\xB6verallt"),
                     to, from);
        strncat(tip, line, cap - strlen(tip) - 1);
    }
    if (n->hidden > 0) {
        snprintf(line, sizeof line, tr(a, "\n%d more inputs not shown", "\n%d indata till visas inte"),
                 n->hidden);
        strncat(tip, line, cap - strlen(tip) - 1);
    }
    if (i > 0 && d->inputs && *d->inputs)
        strncat(tip, tr(a, "\nClick: explain this one", "\nKlicka: f\xC3\xB6rklara denna"),
                cap - strlen(tip) - 1);
}

/* The sign of a link in a small disc at (cx, cy). */
static void draw_sign(ui_ctx *ctx, char pol, int cx, int cy, int r)
{
    /* Okabe-Ito blue for a rising link, vermillion for a falling one. */
    ui_color c = pol == '+'   ? chart_palette[5]
                 : pol == '-' ? chart_palette[6]
                              : ctx->colors[UI_COL_MUTED];
    ui_draw_circle(ctx, cx, cy, r, c);
    const char *s = why_tree_sign_text(pol);
    int w = ui_text_width(ctx, UI_FONT_BOLD, s), h = ui_text_height(ctx, UI_FONT_BOLD);
    ui_draw_text(ctx, UI_FONT_BOLD, s, cx - w / 2, cy - h / 2, ctx->colors[UI_COL_CARD]);
}

int why_tree_draw(const app *a, ui_ctx *ctx, const why_tree *t, ui_rect r, int *scroll)
{
    int bh = ui_text_height(ctx, UI_FONT_BODY);
    int row_h = bh + ui_px(ctx, 8), indent = ui_px(ctx, 26);
    ui_color text = ctx->colors[UI_COL_TEXT], muted = ctx->colors[UI_COL_MUTED],
             line_c = ctx->colors[UI_COL_BORDER];
    int top = ui_panel_begin(ctx, r, scroll);
    why_tree_geom g;
    int edge = ui_px(ctx, 10); /* room for the scroll bar */
    why_tree_layout(t, ui_rect_make(r.x, top, r.w - edge, 0), row_h, indent, &g);
    /* The columns of the values, each as wide as its widest text: the
     * value, its unit, the change. */
    int cw = 0, vw = 0;
    for (int i = 0; i < t->n; i++) {
        char buf[64];
        change_text(&t->node[i], buf, sizeof buf, a->swedish);
        int w = ui_text_width(ctx, UI_FONT_SMALL, buf);
        cw = w > cw ? w : cw;
        fmt_value(buf, sizeof buf, t->node[i].value, a->swedish);
        w = ui_text_width(ctx, i == 0 ? UI_FONT_BOLD : UI_FONT_BODY, buf);
        vw = w > vw ? w : vw;
    }
    cw += ui_px(ctx, 8);
    vw += ui_px(ctx, 8);
    /* The unit column as wide as the widest unit shown (up to a limit). */
    int uw = 0;
    for (int i = 0; i < t->n; i++) {
        const char *unit = app_unit(a, t->node[i].var);
        int w = strcmp(unit, "1") != 0 ? ui_text_width(ctx, UI_FONT_SMALL, unit) : 0;
        uw = w > uw ? w : uw;
    }
    uw = (uw < ui_px(ctx, 130) ? uw : ui_px(ctx, 130)) + ui_px(ctx, 10);
    int rad = (row_h - ui_px(ctx, 8)) / 2;
    int hover = -1, clicked = -1;
    for (int i = 0; i < t->n; i++) {
        const why_node *n = &t->node[i];
        ui_rect row = g.row[i];
        int cy = row.y + row.h / 2;
        if (n->parent >= 0) {
            /* The connector: down from the parent's sign, then across. */
            ui_rect p = g.row[n->parent];
            int x0 = p.x + indent / 2, y0 = p.y + p.h / 2 + rad;
            ui_draw_rect(ctx, ui_rect_make(x0, y0, 1, cy - y0), line_c);
            ui_draw_rect(ctx, ui_rect_make(x0, cy, row.x + indent / 2 - rad - x0, 1), line_c);
        }
        if (n->depth > 0)
            draw_sign(ctx, n->pol, row.x + indent / 2, cy, rad);
        int lx = row.x + (n->depth > 0 ? indent : 0);
        int lw = row.x + row.w - lx - vw - uw - cw;
        char label[300], v[64], c[64];
        if (n->hidden > 0)
            snprintf(label, sizeof label, "%s (+%d)", app_label(a, n->var), n->hidden);
        else
            snprintf(label, sizeof label, "%s", app_label(a, n->var));
        ui_draw_text_in(ctx, n->depth == 0 ? UI_FONT_BOLD : UI_FONT_BODY, label,
                        ui_rect_make(lx, row.y, lw - ui_px(ctx, 6), row.h), -1, text);
        int rx = r.x + r.w - edge - cw;
        ui_draw_text_in(ctx, n->depth == 0 ? UI_FONT_BOLD : UI_FONT_BODY,
                        fmt_value(v, sizeof v, n->value, a->swedish),
                        ui_rect_make(rx - uw - vw, row.y, vw - ui_px(ctx, 6), row.h), 1, text);
        /* Each row in its own unit (a share of unit 1 shown as it is: none). */
        const char *unit = app_unit(a, n->var);
        if (*unit && strcmp(unit, "1") != 0)
            ui_draw_text_in(ctx, UI_FONT_SMALL, unit, ui_rect_make(rx - uw, row.y, uw - ui_px(ctx, 4), row.h), -1,
                            muted);
        change_text(n, c, sizeof c, a->swedish);
        ui_draw_text_in(ctx, UI_FONT_SMALL, c, ui_rect_make(rx, row.y, cw, row.h), 1, muted);
        ui_rect whole = ui_rect_make(r.x, row.y, r.w, row.h);
        int st = ui_control(ctx, ui_id("why-cause", i), whole, 0);
        if (st & UI_HOVER)
            hover = i;
        if ((st & UI_SUBMIT) && i > 0 && var_table[n->var].inputs && *var_table[n->var].inputs)
            clicked = n->var;
    }
    ui_panel_end(ctx, r, scroll, top + g.height);
    if (hover >= 0) {
        char tip[2400];
        row_tip(a, t, hover, tip, sizeof tip);
        ui_tooltip_beside(ctx, tip, ui_rect_make(r.x, g.row[hover].y, r.w, row_h));
    }
    return clicked;
}

/* The model's causal graph, built at the first call; NULL when out of memory. */
static const graph *why_graph(app *a)
{
    if (a->why_graph == NULL) {
        graph *g = calloc(1, sizeof *g);
        if (g == NULL || graph_build(g) != SIM_OK) {
            free(g);
            return NULL;
        }
        a->why_graph = g;
    }
    return a->why_graph;
}

int why_causes_rows(app *a)
{
    const graph *g = why_graph(a);
    if (g == NULL)
        return 0;
    why_tree t;
    why_tree_build(&t, g, a->why_var, WHY_TREE_DEPTH, &a->cur, &a->base, a->sc.end);
    return t.n;
}

int why_causes_height(const ui_ctx *ctx, int rows, int w)
{
    /* The heading, three lines of the note, the rows and the count below. */
    (void)w;
    return ui_px(ctx, 34) + 3 * ui_text_height(ctx, UI_FONT_SMALL) + ui_px(ctx, 6) +
           rows * (ui_text_height(ctx, UI_FONT_BODY) + ui_px(ctx, 8)) + ui_text_height(ctx, UI_FONT_SMALL) +
           ui_px(ctx, 8);
}

void why_causes_draw(app *a, ui_ctx *ctx, ui_rect r)
{
    const graph *g = why_graph(a);
    ui_color text = ctx->colors[UI_COL_TEXT], muted = ctx->colors[UI_COL_MUTED];
    int th = ui_px(ctx, 28);
    if (g == NULL) {
        ui_draw_text(ctx, UI_FONT_BODY, str_get(STR_OUT_OF_MEMORY, a->swedish), r.x, r.y,
                     ctx->colors[UI_COL_BAD]);
        return;
    }
    double years[2] = {2030, a->cur.rows ? a->cur.t[a->cur.rows - 1] : a->sc.end};
    int sel = a->why_year_sel ? 1 : 0;
    /* The heading, with the year of the values as two tabs at its right. */
    char y0[16], y1[16];
    snprintf(y0, sizeof y0, "%.0f", years[0]);
    snprintf(y1, sizeof y1, "%.0f", years[1]);
    const char *tabs[2] = {y0, y1};
    int tw = ui_text_width(ctx, UI_FONT_BODY, "0000") * 2 + ui_px(ctx, 48);
    ui_draw_text_in(ctx, UI_FONT_BOLD, tr(a, "Causes, two steps back", "Orsaker, tv\xC3\xA5 steg bak\xC3\xA5t"),
                    ui_rect_make(r.x, r.y, r.w - tw - ui_px(ctx, 8), th), -1, text);
    if (ui_tabs(ctx, ui_id("why-year", 0), ui_rect_make(r.x + r.w - tw, r.y, tw, th), tabs, 2, &sel) &
        UI_CHANGED)
        a->why_year_sel = sel;
    int y = r.y + th + ui_px(ctx, 6);
    y += ui_draw_wrapped(ctx, UI_FONT_SMALL,
                         tr(a, "What the equation reads, and what that reads: the value in the scenario "
                               "and its change against the baseline. + the variable above rises with "
                               "it, \xE2\x88\x92 falls. Click a cause to explain it in turn.",
                            "Vad ekvationen l\xC3\xA4ser, och vad det i sin tur l\xC3\xA4ser: v\xC3\xA4rdet i "
                            "scenariot och f\xC3\xB6r\xC3\xA4ndringen mot basscenariot. + variabeln ovanf\xC3\xB6r "
                            "stiger med den, \xE2\x88\x92 sjunker. Klicka p\xC3\xA5 en orsak f\xC3\xB6r att "
                            "f\xC3\xB6rklara den."),
                         r.x, y, r.w, muted) +
         ui_px(ctx, 6);
    why_tree t;
    why_tree_build(&t, g, a->why_var, WHY_TREE_DEPTH, &a->cur, &a->base, years[sel]);
    int bottom = r.y + r.h;
    if (t.hidden > 0)
        bottom -= ui_text_height(ctx, UI_FONT_SMALL) + ui_px(ctx, 4);
    int next = why_tree_draw(a, ctx, &t, ui_rect_make(r.x, y, r.w, bottom - y), &a->why_scroll);
    if (t.hidden > 0) {
        char line[128];
        snprintf(line, sizeof line, tr(a, "%d more causes not shown", "%d orsaker till visas inte"), t.hidden);
        ui_draw_text(ctx, UI_FONT_SMALL, line, r.x, bottom + ui_px(ctx, 4), muted);
    }
    if (next >= 0) {
        if (a->why_nback == APP_WHY_BACK) { /* keep the latest */
            memmove(a->why_back, a->why_back + 1, (APP_WHY_BACK - 1) * sizeof *a->why_back);
            a->why_nback--;
        }
        a->why_back[a->why_nback++] = a->why_var;
        a->why_var = next;
        a->why_stamp = -1;
        a->why_scroll = 0;
    }
}

void why_back_button(app *a, ui_ctx *ctx, ui_rect in)
{
    if (a->dialog_shown != APP_DLG_WHY)
        a->why_nback = 0; /* just opened: nothing to go back to */
    if (a->why_nback <= 0)
        return;
    int prev = a->why_back[a->why_nback - 1];
    char label[300];
    /* U+2039: a single left-pointing angle quotation mark. */
    snprintf(label, sizeof label, "\xE2\x80\xB9 %s", app_label(a, prev));
    int bh = ui_px(ctx, 34);
    int w = ui_text_width(ctx, UI_FONT_BODY, label) + ui_px(ctx, 32);
    if (w > in.w / 2)
        w = in.w / 2;
    int c = ui_button(ctx, ui_id("why-back", 0), ui_rect_make(in.x, in.y + in.h - bh, w, bh), label, 0);
    if ((c & UI_SUBMIT) || ui_take_key(ctx, UI_KEY_BACKSPACE)) {
        a->why_var = prev;
        a->why_nback--;
        a->why_stamp = -1;
        a->why_scroll = 0;
    }
}
