package io.isobench.launcher.density;

import io.isobench.launcher.density.DensityCommand.Memory;
import io.isobench.launcher.kind.container.ContainerKind;
import io.isobench.launcher.kind.host.HostKind;
import io.isobench.launcher.kind.vm.VmKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which series a kind gets: VMs plain, with KSM and with free page reporting, as --ksm and --page-reporting ask. */
class DensityCommandTest {

    private static final VmKind VM = new VmKind();
    private static final Memory PLAIN = new Memory(false, false);
    private static final Memory KSM = new Memory(true, false);
    private static final Memory REPORTING = new Memory(false, true);

    @Test
    void vmsGetAPlainAKsmAndAReportingSeriesByDefaultAndOtherKindsOne() {
        DensityCommand command = parsed();
        assertEquals(List.of(PLAIN, KSM, REPORTING), command.memorySettings(VM));
        assertEquals(List.of(PLAIN), command.memorySettings(new ContainerKind()));
        assertEquals(List.of(PLAIN), command.memorySettings(new HostKind()));
    }

    @Test
    void eachSettingSelectsItsSeries() {
        assertEquals(List.of(PLAIN), parsed("--ksm", "off", "--page-reporting", "off").memorySettings(VM));
        assertEquals(List.of(PLAIN, KSM), parsed("--page-reporting", "off").memorySettings(VM));
        assertEquals(List.of(KSM), parsed("--ksm", "on", "--page-reporting", "off").memorySettings(VM));
        assertEquals(List.of(REPORTING), parsed("--ksm", "off", "--page-reporting", "on").memorySettings(VM));
        assertEquals(List.of(new Memory(true, true)), parsed("--ksm", "on", "--page-reporting", "on").memorySettings(VM));
        assertEquals(List.of(KSM, new Memory(true, true)), parsed("--ksm", "on").memorySettings(VM));
        assertEquals(List.of(new Memory(true, true), REPORTING), parsed("--page-reporting", "on").memorySettings(VM),
                "reporting on: every VM series has it, with and without KSM");
    }

    @Test
    void aBadSettingIsOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parsed("--page-reporting", "yes").checkedKinds());
        assertTrue(e.getMessage().startsWith("--page-reporting must be off, on or both"), e.getMessage());
    }

    @Test
    void aKindAloneIsItsFirstSeriesAndASeriesIsItself() {
        assertEquals(List.of("host", "container-runc", "container-runsc", "vm"),
                parsed("--kinds", "host,container,container-runc,container-runsc,vm").checkedKinds());
    }

    @Test
    void anUnknownKindNamesTheRegisteredOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parsed("--kinds", "lxc").checkedKinds());
        assertTrue(e.getMessage().startsWith("--kinds: unknown kind 'lxc' (expected host, container, vm"), e.getMessage());
    }

    @Test
    void theKindsAddTheirOwnOptions() {
        CommandLine commandLine = DensityCommand.commandLine();
        commandLine.parseArgs("--vm-memory", "512", "--vm-vcpus", "2", "--image", "local/tag");
        assertTrue(commandLine.getCommandSpec().findOption("--vm-memory") != null);
        assertTrue(commandLine.getCommandSpec().findOption("--image") != null);
    }

    private static DensityCommand parsed(String... args) {
        CommandLine commandLine = DensityCommand.commandLine();
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }
}
