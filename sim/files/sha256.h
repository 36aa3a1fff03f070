/* sha256.h: the SHA-256 digest of a file (FIPS 180-4), for provenance lines
 * that pin the scenario a result came from: `sha256sum FILE` prints the
 * same hex digest. */
#ifndef SIM_SHA256_H
#define SIM_SHA256_H

#include <stddef.h>

/* Writes the lower-case hex digest of the file at path (65 bytes with the
 * terminating NUL) into hex. Returns 0, or -1 when the file cannot be read
 * (hex is then untouched). */
int sha256_file(const char *path, char hex[65]);

/* Writes the hex digest of data[0..n) into hex (65 bytes). */
void sha256_data(const void *data, size_t n, char hex[65]);

#endif
