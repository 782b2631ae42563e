/* Fast generator of the scale benchmarks' numeric CSV shape (ScaleData.cs): ROWS x COLS values around 8
   seeded centres (0..99 per feature), normal noise sd 3, 3 decimals, header c0..c{COLS-1}.
   Same shape and distribution as ScaleData, not the same numbers (different RNG): ScaleData's .NET writer
   needs about 40 min for 100M rows here, this one a few minutes.
   Build and run: gcc -O2 -o /tmp/gen-numeric benchmarks/scripts/gen-numeric.c -lm && /tmp/gen-numeric 100000000 10 > FILE */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t s = 20261202u;
static inline uint64_t next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static inline double uniform(void) { return (next() >> 11) * (1.0 / 9007199254740992.0); }

int main(int argc, char **argv) {
    long rows = argc > 1 ? atol(argv[1]) : 5000000;
    int cols = argc > 2 ? atoi(argv[2]) : 10;
    double centre[8][64];
    for (int c = 0; c < 8; c++) for (int j = 0; j < cols; j++) centre[c][j] = (double)(next() % 100);
    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    for (int j = 0; j < cols; j++) printf(j ? ",c%d" : "c%d", j);
    putchar('\n');
    char line[1024];
    for (long r = 0; r < rows; r++) {
        int c = (int)(next() % 8), n = 0;
        for (int j = 0; j < cols; j++) {
            double g = sqrt(-2 * log(1 - uniform())) * cos(2 * M_PI * uniform());
            long v = lround((centre[c][j] + 3 * g) * 1000);
            if (j) line[n++] = ',';
            if (v < 0) { line[n++] = '-'; v = -v; }
            n += sprintf(line + n, "%ld.%03ld", v / 1000, v % 1000);
        }
        line[n++] = '\n';
        fwrite(line, 1, n, stdout);
    }
    return 0;
}
