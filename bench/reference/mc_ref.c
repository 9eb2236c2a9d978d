/* Copied unchanged (below this comment) from the project brief's shared/bench/mc_ref.c: the speed anchor
   that npm run bench builds and times beside the engine (bench/reference.ts). */
/* A plain C loop of Mizan's model (spec v1): the speed anchor for the engine's benchmarks.
   The same shape as bench-36x10.mizan (its link strengths are drawn here, not read): F factors, F + F/2 interactions,
   triangular ranges on weight/start/target, one event, monthly Gaussian noise.
   Usage: mc_ref RUNS MONTHS FACTORS  -> best-of-3 seconds */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t s[4] = {1, 2, 3, 4};
static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t next(void) {
  const uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
  return r;
}
static inline double uni(void) { return (next() >> 11) * 0x1.0p-53; }
static int have = 0; static double spare;
static inline double gauss(void) {
  if (have) { have = 0; return spare; }
  double u, v, q;
  do { u = 2 * uni() - 1; v = 2 * uni() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
  double m = sqrt(-2 * log(q) / q); spare = v * m; have = 1; return u * m;
}
static inline double tri(double lo, double mo, double hi) {
  double u = uni(), c = (mo - lo) / (hi - lo);
  return u < c ? lo + sqrt(u * (hi - lo) * (mo - lo)) : hi - sqrt((1 - u) * (hi - lo) * (hi - mo));
}

static double run(int R, int H, int F) {
  int I = F + F / 2;
  int *from = malloc(I * sizeof(int)), *to = malloc(I * sizeof(int));
  double *str = malloc(I * sizeof(double)), *d = malloc(F * sizeof(double));
  for (int i = 0; i < I; i++) { from[i] = i % F; to[i] = (i * 7 + 3 + 2 * (i / F)) % F; str[i] = (uni() - 0.5) * 0.2; }
  for (int i = 0; i < F; i++) d[i] = (i % 4) ? 1 : -1;
  double *x = malloc(F * sizeof(double)), *y = malloc(F * sizeof(double)), *p = malloc(F * sizeof(double));
  double *w = malloc(F * sizeof(double)), *g = malloc(F * sizeof(double));
  float *T = malloc((size_t)R * (H + 1) * sizeof(float));
  struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
  for (int r = 0; r < R; r++) {
    double ws = 0;
    for (int i = 0; i < F; i++) {
      w[i] = tri(3, 5, 8); ws += w[i];
      x[i] = tri(30, 50, 60) / 100; g[i] = tri(40, 60, 80) / 100;
    }
    int fire = uni() < 0.5;
    for (int t = 0; t <= H; t++) {
      double acc = 0;
      for (int i = 0; i < F; i++) acc += w[i] * (d[i] > 0 ? x[i] : 1 - x[i]);
      T[(size_t)r * (H + 1) + t] = (float)(100 * acc / ws);
      if (t == H) break;
      memset(p, 0, F * sizeof(double));
      for (int k = 0; k < I; k++) p[to[k]] += str[k] * x[from[k]];
      for (int i = 0; i < F; i++) {
        double v = x[i] + 0.1 * (g[i] - x[i]) + (p[i] >= 0 ? p[i] * (1 - x[i]) : p[i] * x[i]);
        if (t + 1 == 3 && i == 0 && fire) v += 0.2;
        v += 0.03 * gauss();
        y[i] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
      memcpy(x, y, F * sizeof(double));
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &b);
  volatile float sink = T[R / 2]; (void)sink;
  free(T); free(from); free(to); free(str); free(d); free(x); free(y); free(p); free(w); free(g);
  return (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  int R = atoi(argv[1]), H = atoi(argv[2]), F = atoi(argv[3]);
  double best = 1e9;
  for (int k = 0; k < 3; k++) { double t = run(R, H, F); if (t < best) best = t; }
  printf("%.6f\n", best);
  return 0;
}
