/* png.h: writes RGBA pixels as a PNG file with stb_image_write (Debian's
 * libstb-dev), atomically through sim/files/output.h (a temporary file renamed
 * over the target). Used by --screenshot and the graphs' export. */
#ifndef RENDER_PNG_H
#define RENDER_PNG_H

#include "sim/engine/status.h"

/* Writes w x h pixels (4 bytes each, R G B A, rows top to bottom, stride
 * 4 * w) to path. SIM_EIO with err naming the file when it cannot. */
sim_status png_write(const char *path, int w, int h, const unsigned char *rgba, sim_error *err);

#endif
