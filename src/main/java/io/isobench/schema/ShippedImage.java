package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The image a Java service would ship, in the footprint: the recipe's OS, the same with the JVM runtime baked in, the
 * same with the benchmarks jar added (what the instance ran), and that last one compressed for transfer. Sizes are
 * cumulative: {@code withRuntimeBytes - osBytes} is what the runtime adds. A container's sizes are the engine's image
 * sizes; a VM's the bytes its disk files take (the raw base, then each qcow2 layer on it), without kernel and initrd.
 *
 * @param osBytes the base OS image
 * @param withRuntimeBytes the base with the runtime baked in (cached by recipe and runtime hash)
 * @param withJarBytes the base with the runtime and the jar (added per run): the image as shipped
 * @param compressedBytes the image as shipped, compressed as {@code compression} says: what a transfer moves
 * @param compression how: {@code docker save | gzip} (container) or {@code qemu-img convert -c -O qcow2} (VM)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShippedImage(Long osBytes, Long withRuntimeBytes, Long withJarBytes, Long compressedBytes,
                           String compression) {

    /** The three sizes as built, nothing compressed yet. */
    public static ShippedImage of(long os, long withRuntime, long withJar) {
        return new ShippedImage(os, withRuntime, withJar, null, null);
    }

    public ShippedImage withCompressed(long bytes, String how) {
        return new ShippedImage(osBytes, withRuntimeBytes, withJarBytes, bytes, how);
    }
}
