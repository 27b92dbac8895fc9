package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code footprint.json}: what one instance costs besides speed, written by the launcher after every measurement (a
 * later failure keeps what was measured). Which fields an environment has depends on its kind; the rest are null.
 *
 * @param jvmStartMillis wall time of {@code java -version}, by the same shell loop in every environment (all kinds)
 * @param idleMemoryBytes what one more idle instance takes from the host: the peer JVM's RSS (host, and the idle
 *                        EchoPeer's under Charliecloud and Podman), the memory cgroup less inactive page cache
 *                        (container), the QEMU process's RSS (VM)
 * @param image the container image's tag (Podman's name for it; Charliecloud: the image directory)
 * @param hostProcessesPssBytes the proportional memory of the host processes that serve one container (its shim;
 *                              for gVisor also the Sentry and the Gofer; Podman's conmon)
 * @param startToReadyMillis create, running, first exec returns (container, Podman); {@code ch-run IMAGE -- true}
 *                           returns (Charliecloud)
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
        return new Builder().build();
    }

    /** A builder holding this footprint's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets what one measurement found; the rest stays as it was. */
    public static final class Builder {

        private SchemaVersion schemaVersion = SchemaVersion.CURRENT;
        private Measurement jvmStartMillis;
        private Long idleMemoryBytes;
        private String image;
        private Long imageBytes;
        private Long hostProcessesPssBytes;
        private Measurement startToReadyMillis;
        private Long copiedInBytes;
        private Long writableLayerBytes;
        private String accel;
        private String network;
        private Long baseImageBytes;
        private Long kernelInitrdBytes;
        private Measurement bootToInitMillis;
        private Measurement bootToJvmReadyMillis;
        private Long overlayBytes;
        private ShippedImage shipped;
        private Long idleLayerBytes;

        public Builder() {
        }

        private Builder(Footprint f) {
            schemaVersion = f.schemaVersion;
            jvmStartMillis = f.jvmStartMillis;
            idleMemoryBytes = f.idleMemoryBytes;
            image = f.image;
            imageBytes = f.imageBytes;
            hostProcessesPssBytes = f.hostProcessesPssBytes;
            startToReadyMillis = f.startToReadyMillis;
            copiedInBytes = f.copiedInBytes;
            writableLayerBytes = f.writableLayerBytes;
            accel = f.accel;
            network = f.network;
            baseImageBytes = f.baseImageBytes;
            kernelInitrdBytes = f.kernelInitrdBytes;
            bootToInitMillis = f.bootToInitMillis;
            bootToJvmReadyMillis = f.bootToJvmReadyMillis;
            overlayBytes = f.overlayBytes;
            shipped = f.shipped;
            idleLayerBytes = f.idleLayerBytes;
        }

        public Builder jvmStartMillis(Measurement value) {
            jvmStartMillis = value;
            return this;
        }

        public Builder idleMemoryBytes(long value) {
            idleMemoryBytes = value;
            return this;
        }

        /** The container's image: its tag and size. */
        public Builder image(String tag, long bytes) {
            image = tag;
            imageBytes = bytes;
            return this;
        }

        public Builder hostProcessesPssBytes(long value) {
            hostProcessesPssBytes = value;
            return this;
        }

        public Builder startToReadyMillis(Measurement value) {
            startToReadyMillis = value;
            return this;
        }

        public Builder copiedInBytes(long value) {
            copiedInBytes = value;
            return this;
        }

        public Builder writableLayerBytes(long value) {
            writableLayerBytes = value;
            return this;
        }

        /** The VM's machine: acceleration, network, and its image files' sizes on disk. */
        public Builder vm(String vmAccel, String vmNetwork, long imageBytesOnDisk, long kernelAndInitrdBytes) {
            accel = vmAccel;
            network = vmNetwork;
            baseImageBytes = imageBytesOnDisk;
            kernelInitrdBytes = kernelAndInitrdBytes;
            return this;
        }

        /** The VM's boot timings. */
        public Builder boot(Measurement toInit, Measurement toJvmReady) {
            bootToInitMillis = toInit;
            bootToJvmReadyMillis = toJvmReady;
            return this;
        }

        public Builder overlayBytes(long value) {
            overlayBytes = value;
            return this;
        }

        /** The image as shipped: its sizes, and later its compressed size. */
        public Builder shipped(ShippedImage value) {
            shipped = value;
            return this;
        }

        public Builder idleLayerBytes(long value) {
            idleLayerBytes = value;
            return this;
        }

        public Footprint build() {
            return new Footprint(schemaVersion, jvmStartMillis, idleMemoryBytes, image, imageBytes, hostProcessesPssBytes,
                    startToReadyMillis, copiedInBytes, writableLayerBytes, accel, network, baseImageBytes,
                    kernelInitrdBytes, bootToInitMillis, bootToJvmReadyMillis, overlayBytes, shipped, idleLayerBytes);
        }
    }
}
