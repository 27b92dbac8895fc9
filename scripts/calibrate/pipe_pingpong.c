// The C reference for ThreadWakeupBenchmark's pipe variant: two threads pinned to two CPUs pass one byte back and
// forth through two pipes with blocking reads; prints the mean and the median round trip in microseconds per round.
//   pipe_pingpong ROUND_TRIPS ROUNDS CPU_A CPU_B
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int to_partner[2], to_caller[2];
static long trips;

static void pin(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (pthread_setaffinity_np(pthread_self(), sizeof set, &set) != 0) { perror("pin"); exit(1); }
}

static void *partner(void *cpu) {
  char b;
  pin(*(int *) cpu);
  while (read(to_partner[0], &b, 1) == 1) {
    if (write(to_caller[1], &b, 1) != 1) break;
  }
  return NULL;
}

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s ROUND_TRIPS ROUNDS CPU_A CPU_B\n", argv[0]); return 2; }
  trips = atol(argv[1]);
  int rounds = atoi(argv[2]), cpu_a = atoi(argv[3]), cpu_b = atoi(argv[4]);
  if (pipe(to_partner) || pipe(to_caller)) { perror("pipe"); return 1; }
  pthread_t t;
  pthread_create(&t, NULL, partner, &cpu_b);
  pin(cpu_a);
  double *each = malloc(sizeof(double) * trips);
  char b = 1;
  for (int r = 0; r < rounds; r++) {
    double start = now_us();
    for (long i = 0; i < trips; i++) {
      double s = now_us();
      if (write(to_partner[1], &b, 1) != 1 || read(to_caller[0], &b, 1) != 1) { perror("ping"); return 1; }
      each[i] = now_us() - s;
    }
    double mean = (now_us() - start) / trips;
    qsort(each, trips, sizeof(double), by_value);
    printf("C pipe ping-pong, CPUs %d and %d: mean %.1f us, p50 %.1f us, p99 %.1f us\n", cpu_a, cpu_b, mean,
           each[trips / 2], each[trips * 99 / 100]);
  }
  close(to_partner[1]);
  pthread_join(t, NULL);
  return 0;
}
