/* why_tree.h: the causes of a variable two steps back, for the "why" panel:
 * the variable, the inputs of its equation and theirs (the model table's
 * `.inputs` and `.polarity`, walked through sim/files/graph.h as `transim
 * graph --causes VAR --depth 2` walks them), each with its value in the
 * scenario and in the baseline in one year and the declared sign of its
 * link; where each row goes in a rectangle; which row the mouse is on.
 * Built and laid out without SDL (tests read it); why_tree_draw emits ui
 * commands (render/ui.h) and app_dialogs.c calls it. */
#ifndef RENDER_WHY_TREE_H
#define RENDER_WHY_TREE_H

#include "render/app.h"
#include "render/ui.h"
#include "sim/engine/run.h"
#include "sim/files/graph.h"

#define WHY_TREE_MAX 40  /* rows of one tree at most (the rest are counted, not shown) */
#define WHY_TREE_DEPTH 2 /* steps back */

/* One row: a variable in the place it has in the tree. */
typedef struct why_node {
    int var;      /* V_ id */
    int depth;    /* 0 the variable explained, 1 an input of its equation, 2 an input of that */
    int parent;   /* row of the variable this one feeds, -1 for the root */
    char pol;     /* the declared sign of the link to the parent: '+' the parent rises with
                     this one, '-' it falls, '?' neither holds everywhere; 0 for the root */
    double value; /* in the scenario in the tree's year, display units (NAN outside the run) */
    double base;  /* the same in the baseline */
    int hidden;   /* inputs of this variable left out for want of rows */
} why_node;

/* A causes tree in pre-order: each variable, then its inputs (in the order
 * of its equation's inputs), as `transim graph --causes` prints it. A
 * variable read by two of the shown ones appears under both. */
typedef struct why_tree {
    int var;                     /* the variable explained */
    double year;                 /* year of the values */
    int n;                       /* rows */
    why_node node[WHY_TREE_MAX]; /* rows, node[0] the variable itself */
    int hidden;                  /* rows left out in all */
} why_tree;

/* Builds the tree of var depth steps back (at most WHY_TREE_DEPTH) from g
 * (graph_build) with values from cur and base at year. Every input of var
 * gets a row before any input's input does: when there are more than
 * WHY_TREE_MAX rows, the second step is cut first, from the last inputs
 * back, and each cut is counted in its parent's hidden. */
void why_tree_build(why_tree *t, const graph *g, int var, int depth, const run_result *cur,
                    const run_result *base, double year);

/* Where the rows go. */
typedef struct why_tree_geom {
    ui_rect row[WHY_TREE_MAX]; /* each row's area: indented by its depth */
    int indent;                /* pixels per step */
    int height;                /* of all rows */
} why_tree_geom;

/* Lays t out from r's top-left corner: rows of row_h pixels, each step back
 * indent pixels further right, as wide as r is from there. */
void why_tree_layout(const why_tree *t, ui_rect r, int row_h, int indent, why_tree_geom *g);

/* The row at (x, y), or -1. */
int why_tree_row_at(const why_tree *t, const why_tree_geom *g, int x, int y);

/* The text of a link's sign as the panel shows it: "+", "\u2212" or "?". */
const char *why_tree_sign_text(char pol);

/* Draws t in r (scrolled by *scroll, which the wheel moves) in a's
 * language, with a tooltip on the row under the mouse (its description,
 * equation and the meaning of its link). Returns the variable of a row
 * clicked below the root (to explain next), or -1. */
int why_tree_draw(const app *a, ui_ctx *ctx, const why_tree *t, ui_rect r, int *scroll);

/* The causes part of the "why" panel in r: a heading, the year of the
 * values (2030 or the run's last, a->why_year_sel), and the tree of
 * a->why_var; a click on a cause makes it the variable explained. */
void why_causes_draw(app *a, ui_ctx *ctx, ui_rect r);

/* At the bottom left of the panel's area in, after a click on a cause:
 * "‹ NAME", back to the variable explained before (Backspace too). */
void why_back_button(app *a, ui_ctx *ctx, ui_rect in);

/* Rows of a->why_var's causes tree (0 when the graph cannot be built), and
 * the height why_causes_draw needs for that many rows: the panel's size. */
int why_causes_rows(app *a);
int why_causes_height(const ui_ctx *ctx, int rows, int w);

#endif
