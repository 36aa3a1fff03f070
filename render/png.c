/* png.c: PNG files through stb_image_write (see png.h). This file holds the
 * library's one implementation. */
#include "render/png.h"

#include <stdio.h>

#include "sim/files/output.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wcast-qual"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>
#pragma GCC diagnostic pop

typedef struct png_sink {
    FILE *f;   /* the temporary file */
    int error; /* 1 after a short write */
} png_sink;

static void sink_write(void *user, void *data, int size)
{
    png_sink *s = user;
    if (size > 0 && fwrite(data, 1, (size_t)size, s->f) != (size_t)size)
        s->error = 1;
}

sim_status png_write(const char *path, int w, int h, const unsigned char *rgba, sim_error *err)
{
    if (w <= 0 || h <= 0 || !rgba)
        return sim_error_set(err, SIM_EINVAL, path, 0, "empty image %dx%d", w, h);
    output_file of;
    sim_status st = output_open(&of, path, err);
    if (st != SIM_OK)
        return st;
    png_sink s = {of.f, 0};
    if (!stbi_write_png_to_func(sink_write, &s, w, h, 4, rgba, 4 * w) || s.error) {
        output_abort(&of);
        return sim_error_set(err, SIM_EIO, path, 0, "cannot write the PNG image");
    }
    return output_commit(&of, err);
}
