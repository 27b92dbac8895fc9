/**
 * Benchmarks for file I/O on the file system under {@code -Disobench.dir} (default {@code java.io.tmpdir}):
 * sequential writes, synchronous write latency, random reads from the page cache and with O_DIRECT, and
 * small-file churn. They measure the storage stack of the environment (overlayfs, bind mounts, virtio-blk),
 * so their results depend heavily on the disk behind that directory, which the fingerprint records.
 */
package io.isobench.fileio;
