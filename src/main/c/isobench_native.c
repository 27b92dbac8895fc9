/*
 * isobench's native core: each function repeats one system call n times inside C and returns a checksum, so a Java
 * caller pays one JNA call per n syscalls instead of one per syscall (whose 70-250 ns, varying fork to fork, would
 * hide differences of tens of ns), and the compiler cannot drop the calls (each result feeds the checksum).
 * Every function returns -errno on failure, so Java can fail the benchmark with the reason (isob_strerror).
 *
 * Built by Maven (see pom.xml, execution native-core) with the system's cc into the classes as
 * linux-x86-64/libisobench_native.so, where JNA finds it inside benchmarks.jar. Plain C and libc, nothing else.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* What a negative result of the functions below means, for the benchmark's failure message. */
const char *isob_strerror(long error) {
    return strerror((int) (error < 0 ? -error : error));
}

/* No system call, no memory: n steps of a xorshift chain, each depending on the one before, which only the CPU's
 * speed sets (the canary that io.isobench.suite.SchedulingProfiler times between iterations): the last state, >= 0. */
long isob_spin_loop(long n) {
    unsigned long x = 88172645463325252UL;
    for (long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return (long) (x >> 1);
}

/* The memory canary's buffer: CHASE_LINES cache lines (2 MiB: more than a core's L2, less than a shared L3), each
 * holding the index of the next in one random cycle through all of them (Sattolo's shuffle with a fixed seed, so
 * every process of every environment chases the same order). Made by the first call, kept for the process. */
#define CHASE_LINES 32768
#define LINE_LONGS 8
static long *chase_lines;

/* A dependent walk of n steps through the buffer above: each load needs the one before, so only the memory path sets
 * its time (whether the lines stayed in the shared cache, the memory's latency). io.isobench.suite.SchedulingProfiler
 * times it between iterations, as a canary for what the other two miss: a neighbour of the physical host that takes
 * the shared cache or the memory bandwidth. The line it stopped at, >= 0, or -ENOMEM. */
long isob_chase_loop(long n) {
    if (chase_lines == NULL) {
        long *lines = mmap(NULL, CHASE_LINES * LINE_LONGS * sizeof(long), PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (lines == MAP_FAILED) {
            return -ENOMEM;
        }
        madvise(lines, CHASE_LINES * LINE_LONGS * sizeof(long), MADV_NOHUGEPAGE); /* 4 KiB pages everywhere */
        for (long i = 0; i < CHASE_LINES; i++) {
            lines[i * LINE_LONGS] = i;
        }
        unsigned long x = 88172645463325252UL;
        for (long i = CHASE_LINES - 1; i > 0; i--) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            long j = (long) (x % (unsigned long) i);
            long swap = lines[i * LINE_LONGS];
            lines[i * LINE_LONGS] = lines[j * LINE_LONGS];
            lines[j * LINE_LONGS] = swap;
        }
        chase_lines = lines;
    }
    long at = 0;
    for (long i = 0; i < n; i++) {
        at = chase_lines[at * LINE_LONGS];
    }
    return at;
}

/* Raw syscall(SYS_getppid), as ParentPidGetBenchmark and scripts/calibrate/getppid_loop.c make it (glibc never
 * caches it): n times the parent's pid. */
long isob_getppid_loop(long n) {
    long sum = 0;
    for (long i = 0; i < n; i++) {
        long pid = syscall(SYS_getppid);
        if (pid < 0) {
            return -errno;
        }
        sum += pid;
    }
    return sum;
}

/* clock_gettime(CLOCK_MONOTONIC), which glibc serves from the vDSO where the clocksource allows: the sum of the
 * nanosecond fields. */
long isob_clock_gettime_loop(long n) {
    long sum = 0;
    struct timespec ts;
    for (long i = 0; i < n; i++) {
        if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
            return -errno;
        }
        sum += ts.tv_nsec;
    }
    return sum;
}

/* read(fd, buf, len) of an open /dev/zero: the bytes read. */
long isob_devzero_read_loop(int fd, void *buf, long len, long n) {
    long sum = 0;
    for (long i = 0; i < n; i++) {
        ssize_t got = read(fd, buf, (size_t) len);
        if (got < 0) {
            return -errno;
        }
        sum += got;
    }
    return sum;
}

/* stat(path) of an existing file (glibc's newfstatat): the sum of its sizes. */
long isob_stat_loop(const char *path, long n) {
    long sum = 0;
    struct stat st;
    for (long i = 0; i < n; i++) {
        if (stat(path, &st) != 0) {
            return -errno;
        }
        sum += st.st_size;
    }
    return sum;
}

/* open(path, O_RDONLY) and close, as FileOpenCloseBenchmark's libc row: the sum of the descriptors. */
long isob_open_close_loop(const char *path, long n) {
    long sum = 0;
    for (long i = 0; i < n; i++) {
        int fd = open(path, O_RDONLY);
        if (fd < 0) {
            return -errno;
        }
        if (close(fd) != 0) {
            return -errno;
        }
        sum += fd;
    }
    return sum;
}

/* Waits for one child and checks that it exited with 0: 0, or -errno; a child that exited with failed_exit (it could
 * not do its work) gives -ENOEXEC, any other end -ECHILD. */
static long reap(pid_t pid, int failed_exit) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -errno;
        }
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return 0;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == failed_exit ? -ENOEXEC : -ECHILD;
}

/* fork; the child _exit(0)s at once (async-signal-safe, so fine in a multi-threaded JVM); the parent waits for it.
 * Copies the caller's page tables (all of the JVM's resident anonymous memory, write-protected for copy-on-write) and
 * tears the child's down again: n on success. */
long isob_fork_exit_wait(long n) {
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            return -errno;
        }
        if (pid == 0) {
            _exit(0);
        }
        long reaped = reap(pid, -1);
        if (reaped < 0) {
            return reaped;
        }
    }
    return n;
}

/* One vfork and execve(path): the child's pid, or -errno. Signals stay blocked from before vfork until exec in the
 * child (the exec'd program keeps that mask; /bin/true does not care), so no JVM signal handler runs in a child that
 * still shares the JVM's memory. A function of its own, so that no variable of the caller's loop lives across vfork;
 * the child never returns from it. */
static __attribute__((noinline)) long vfork_exec(const char *path) {
    char *const argv[] = {(char *) path, NULL};
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pid_t pid = vfork();
    if (pid == 0) {
        execve(path, argv, environ);
        _exit(127);
    }
    long result = pid < 0 ? -errno : pid;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return result;
}

/* vfork, execve(path) with no arguments, wait: process creation without copying page tables, then exec and the
 * dynamic loader, as posix_spawn does it. A child whose exec failed exits 127: -ENOEXEC. n on success. */
long isob_vfork_exec_wait(const char *path, long n) {
    for (long i = 0; i < n; i++) {
        long pid = vfork_exec(path);
        if (pid < 0) {
            return pid;
        }
        long reaped = reap((pid_t) pid, 127);
        if (reaped < 0) {
            return reaped;
        }
    }
    return n;
}

/* Maps bytes of private anonymous memory in 4 KiB pages (transparent huge pages refused: with them fork would copy
 * one entry per 2 MiB) and writes to every page, so each is resident with its own page-table entry: the address, or
 * -errno. */
long isob_resident_map(long bytes) {
    char *region = mmap(NULL, (size_t) bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) {
        return -errno;
    }
    if (madvise(region, (size_t) bytes, MADV_NOHUGEPAGE) != 0) {
        int error = errno;
        munmap(region, (size_t) bytes);
        return -error;
    }
    long page = sysconf(_SC_PAGESIZE);
    for (long offset = 0; offset < bytes; offset += page) {
        region[offset] = 1;
    }
    return (long) region;
}

/* Unmaps what isob_resident_map mapped: 0 or -errno. */
long isob_resident_unmap(long address, long bytes) {
    return munmap((void *) address, (size_t) bytes) == 0 ? 0 : -errno;
}
