package io.isobench.launcher.density;

import io.isobench.launcher.density.DensityCommand.VmMemory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which series a kind gets: VMs plain, with KSM and with free page reporting, as --ksm and --page-reporting ask. */
class DensityCommandTest {

    private static final VmMemory PLAIN = new VmMemory(false, false);
    private static final VmMemory KSM = new VmMemory(true, false);
    private static final VmMemory REPORTING = new VmMemory(false, true);

    @Test
    void vmsGetAPlainAKsmAndAReportingSeriesByDefaultAndOtherKindsOne() {
        DensityCommand command = parsed();
        assertEquals(List.of(PLAIN, KSM, REPORTING), command.memorySettings("vm"));
        assertEquals(List.of(PLAIN), command.memorySettings("container-runc"));
        assertEquals(List.of(PLAIN), command.memorySettings("host"));
    }

    @Test
    void eachSettingSelectsItsSeries() {
        assertEquals(List.of(PLAIN), parsed("--ksm", "off", "--page-reporting", "off").memorySettings("vm"));
        assertEquals(List.of(PLAIN, KSM), parsed("--page-reporting", "off").memorySettings("vm"));
        assertEquals(List.of(KSM), parsed("--ksm", "on", "--page-reporting", "off").memorySettings("vm"));
        assertEquals(List.of(REPORTING), parsed("--ksm", "off", "--page-reporting", "on").memorySettings("vm"));
        assertEquals(List.of(new VmMemory(true, true)), parsed("--ksm", "on", "--page-reporting", "on").memorySettings("vm"));
        assertEquals(List.of(KSM, new VmMemory(true, true)), parsed("--ksm", "on").memorySettings("vm"));
        assertEquals(List.of(new VmMemory(true, true), REPORTING), parsed("--page-reporting", "on").memorySettings("vm"),
                "reporting on: every VM series has it, with and without KSM");
    }

    @Test
    void aBadSettingIsOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parsed("--page-reporting", "yes").checkedKinds());
        assertTrue(e.getMessage().startsWith("--page-reporting must be off, on or both"), e.getMessage());
    }

    private static DensityCommand parsed(String... args) {
        DensityCommand command = new DensityCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
