/* The plain C reference for StreamTriadBenchmark: STREAM's triad a[i] = b[i] + q * c[i] over three arrays of doubles
 * (128 MiB each by default), split in contiguous slices over one thread per CPU given, a barrier around each pass
 * (as OpenMP's parallel for); bytes per second counted as STREAM counts them (24 per element). As in OpenMP, the
 * timing thread works slice 0 itself: a timer thread beside the workers (one more thread than CPUs) wakes late from
 * the start barrier and takes its start time when the pass is half done, which on 2 CPUs reported 3-5 times the
 * bandwidth (up to 361 GB/s, 2026-12-05). Unlike STREAM's
 * constants, every element holds its own value (as StreamTriadBenchmark's). Prints each pass and
 * the mean and best of the passes after the first. Build: cc -O2 -pthread -o stream_triad stream_triad.c */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long elements;
static int threads;
static int passes;
static double *a, *b, *c;
static pthread_barrier_t start, done;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void slice(long index, long *from, long *to) {
    *from = elements / threads * index / 8 * 8;
    *to = index + 1 == threads ? elements : elements / threads * (index + 1) / 8 * 8;
}

static void first_touch(long index) {
    long from, to;
    slice(index, &from, &to);
    for (long i = from; i < to; i++) { /* first touch by the thread that works on it, as STREAM's; every value its */
        a[i] = -1.0 - i;               /* own, so that no two pages are alike for a hypervisor to merge (KSM) */
        b[i] = i;
        c[i] = 0.5 * i;
    }
}

static void triad(long index) {
    long from, to;
    slice(index, &from, &to);
    for (long i = from; i < to; i++) {
        a[i] = b[i] + 3.0 * c[i];
    }
}

/* Slices 1 .. threads-1; slice 0 is the timing thread's own. */
static void *work(void *arg) {
    long index = (long) arg;
    first_touch(index);
    for (int p = 0; p < passes; p++) {
        pthread_barrier_wait(&start);
        triad(index);
        pthread_barrier_wait(&done);
    }
    return NULL;
}

int main(int argc, char **argv) {
    long mib = argc > 1 ? atol(argv[1]) : 128;
    threads = argc > 2 ? atoi(argv[2]) : 1;
    passes = argc > 3 ? atoi(argv[3]) : 20;
    elements = mib * 1024 * 1024 / sizeof(double);
    a = aligned_alloc(2 << 20, elements * sizeof(double));
    b = aligned_alloc(2 << 20, elements * sizeof(double));
    c = aligned_alloc(2 << 20, elements * sizeof(double));
    if (!a || !b || !c || threads < 1 || passes < 2) {
        fprintf(stderr, "usage: stream_triad [MiB per array] [threads] [passes >= 2]\n");
        return 2;
    }
    pthread_barrier_init(&start, NULL, threads);
    pthread_barrier_init(&done, NULL, threads);
    pthread_t *ids = calloc(threads, sizeof(pthread_t));
    for (long t = 1; t < threads; t++) {
        pthread_create(&ids[t], NULL, work, (void *) t);
    }
    first_touch(0);
    double bytes = 24.0 * elements, sum = 0, best = 0;
    for (int p = 0; p < passes; p++) {
        double t0 = now_s();
        pthread_barrier_wait(&start);
        triad(0);
        pthread_barrier_wait(&done);
        double rate = bytes / (now_s() - t0);
        printf("pass %d: %.3e B/s\n", p + 1, rate);
        if (p > 0) { /* the first pass still faults in what the first touch left */
            sum += rate;
            if (rate > best) best = rate;
        }
    }
    for (int t = 1; t < threads; t++) {
        pthread_join(ids[t], NULL);
    }
    for (long i = 0; i < elements; i += 4096) {
        if (a[i] != i + 3.0 * (0.5 * i)) {
            fprintf(stderr, "a[%ld] = %f, not b + 3c\n", i, a[i]);
            return 1;
        }
    }
    printf("mean: %.6e B/s\nbest: %.6e B/s\n", sum / (passes - 1), best);
    return 0;
}
