package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code footprint.json}: what one instance costs besides speed, written by the launcher after every measurement (a
 * later failure keeps what was measured). Which fields an environment has depends on its kind; the rest are null.
 *
 * @param jvmStartMillis wall time of {@code java -version}, by the same shell loop in every environment (all kinds)
 * @param idleMemoryBytes what one more idle instance takes from the host: the peer JVM's RSS (host), the memory
 *                        cgroup less inactive page cache (container), the QEMU process's RSS (VM)
 * @param image the container image's tag
 * @param hostProcessesPssBytes the proportional memory of the host processes that serve one container (its shim;
 *                              for gVisor also the Sentry and the Gofer)
 * @param startToReadyMillis create, running, first exec returns (container)
 * @param copiedInBytes the runtime and jar copied into the container, part of {@code writableLayerBytes} (before 2.2;
 *                      since then both are in the image, see {@code shipped})
 * @param writableLayerBytes the container's writable layer after the run
 * @param accel the VM's acceleration (kvm or tcg)
 * @param network the VM's network (user, or tap with or without vhost-net)
 * @param baseImageBytes the VM's disk image on disk
 * @param kernelInitrdBytes the VM's kernel and initrd on disk
 * @param bootToInitMillis QEMU start to the guest init's first line
 * @param bootToJvmReadyMillis QEMU start to a finished {@code java -version} (from the 9p share before 2.2, from the
 *                             runtime baked into the disk since)
 * @param overlayBytes the VM's copy-on-write overlay after the run
 * @param shipped the image as a Java service would ship it: OS, + runtime, + jar, compressed (2.2; container and VM)
 * @param idleLayerBytes the copy-on-write layer of an instance after an idle start (an idle EchoPeer): the container's
 *                       writable layer, the VM's overlay; after the suite it is {@code writableLayerBytes} or
 *                       {@code overlayBytes} (2.2)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Footprint(SchemaVersion schemaVersion, Measurement jvmStartMillis, Long idleMemoryBytes,
                        String image, Long imageBytes, Long hostProcessesPssBytes, Measurement startToReadyMillis,
                        Long copiedInBytes, Long writableLayerBytes,
                        String accel, String network, Long baseImageBytes, Long kernelInitrdBytes,
                        Measurement bootToInitMillis, Measurement bootToJvmReadyMillis, Long overlayBytes,
                        ShippedImage shipped, Long idleLayerBytes) {

    public Footprint {
        schemaVersion = schemaVersion == null ? SchemaVersion.LEGACY : schemaVersion;
    }

    /** Nothing measured yet, in this build's schema. */
    public static Footprint empty() {
        return new Footprint(SchemaVersion.CURRENT, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public Footprint withJvmStartMillis(Measurement value) {
        return new Footprint(schemaVersion, value, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    public Footprint withIdleMemoryBytes(long value) {
        return new Footprint(schemaVersion, jvmStartMillis, value, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    /** The container's image: its tag and size. */
    public Footprint withImage(String tag, long bytes) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, tag, bytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    public Footprint withHostProcessesPssBytes(long value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, value,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    public Footprint withStartToReadyMillis(Measurement value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                value, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    public Footprint withCopiedInBytes(long value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, value, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    public Footprint withWritableLayerBytes(long value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, value, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    /** The VM's machine: acceleration, network, and its image files' sizes on disk. */
    public Footprint withVm(String vmAccel, String vmNetwork, long imageBytesOnDisk, long kernelAndInitrdBytes) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, vmAccel, vmNetwork, imageBytesOnDisk,
                kernelAndInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
    }

    /** The VM's boot timings. */
    public Footprint withBoot(Measurement toInit, Measurement toJvmReady) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, toInit, toJvmReady, overlayBytes, shipped, idleLayerBytes);
    }

    public Footprint withOverlayBytes(long value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, value, shipped, idleLayerBytes);
    }

    /** The image as shipped: its sizes, and later its compressed size. */
    public Footprint withShipped(ShippedImage value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, value, idleLayerBytes);
    }

    public Footprint withIdleLayerBytes(long value) {
        return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, value);
    }
}
