/* The plain C reference for ParentPidGetBenchmark and JnaCallBenchmark: ns per raw syscall(SYS_getppid),
 * and per call of an out-of-line libc function, best of several rounds. Build: cc -O2 -o getppid_loop getppid_loop.c */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 2000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e18;
    volatile long sink = 0;
    for (int r = 0; r < rounds; r++) {
        double start = now_ns();
        for (long i = 0; i < iterations; i++) {
            sink += syscall(SYS_getppid);
        }
        double per = (now_ns() - start) / iterations;
        printf("round %d: %.1f ns per syscall(SYS_getppid)\n", r + 1, per);
        if (per < best) best = per;
    }
    printf("best: %.1f ns per syscall(SYS_getppid)\n", best);
    return sink == 0;
}
