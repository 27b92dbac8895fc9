package io.isobench.launcher.kind.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The guest gets the host's transparent huge page setting on its kernel command line. */
class HugePageSettingTest {

    @TempDir
    Path sysfs;

    @Test
    void theHostsChosenValuesBecomeTheKernelParameter() throws IOException {
        Files.writeString(sysfs.resolve("enabled"), "always [madvise] never\n");
        Files.writeString(sysfs.resolve("defrag"), "always defer defer+madvise [madvise] never\n");
        assertEquals(Optional.of("isobench.thp=madvise,madvise"), HugePageSetting.kernelArg(sysfs));
        Files.writeString(sysfs.resolve("defrag"), "always [defer+madvise] madvise never\n");
        assertEquals(Optional.of("isobench.thp=madvise,defer+madvise"), HugePageSetting.kernelArg(sysfs));
    }

    @Test
    void aHostWithoutTheSettingPassesNothingAndTheGuestTakesMadvise() throws IOException {
        assertEquals(Optional.empty(), HugePageSetting.kernelArg(sysfs));
        Files.writeString(sysfs.resolve("enabled"), "garbage\n");
        Files.writeString(sysfs.resolve("defrag"), "[madvise]\n");
        assertEquals(Optional.empty(), HugePageSetting.kernelArg(sysfs));
    }
}
