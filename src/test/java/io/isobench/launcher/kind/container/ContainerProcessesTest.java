package io.isobench.launcher.kind.container;

import io.isobench.launcher.kind.container.ContainerProcesses.Proc;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which host processes serve a container, as gVisor's leave them after a failed start (the argv below is what ps
 * showed for runsc 20221219 under Docker 20.10 here), and that a process which only mentions the id survives.
 */
class ContainerProcessesTest {

    private static final String ID = "0487f05e06248028643439b9f63337382b84bf00955e5f37c9f7ab02c7614674";
    private static final String BUNDLE = "/var/run/docker/containerd/daemon/io.containerd.runtime.v2.task/moby/" + ID;

    private static final Proc SHIM = new Proc(2201, 1, List.of("/usr/bin/containerd-shim-runc-v2", "-namespace", "moby",
            "-id", ID, "-address", "/var/run/docker/containerd/containerd.sock"), "containerd-shim-runc-v2");
    private static final Proc GOFER = new Proc(2218, 2201, List.of("runsc-gofer", "--root=/var/run/docker/runtime-runc/moby",
            "--log=" + BUNDLE + "/log.json", "--network=host", "gofer", "--bundle", BUNDLE, "--spec-fd=4"), "runsc");
    private static final Proc SANDBOX = new Proc(2219, 2201, List.of("runsc-sandbox", "--root=/var/run/docker/runtime-runc/moby",
            "--log=" + BUNDLE + "/log.json", "boot", "--bundle=" + BUNDLE, "--cpu-num", "2", ID), "runsc");

    @Test
    void theShimAndGvisorsChildrenServeTheContainer() {
        assertEquals(List.of(2201L, 2218L, 2219L), ContainerProcesses.serving(ID, 2219, List.of(SHIM, GOFER, SANDBOX)));
    }

    @Test
    void mentioningTheIdIsNotServingIt() {
        List<Proc> table = new ArrayList<>(List.of(SHIM, GOFER, SANDBOX));
        table.add(new Proc(300, 200, List.of("docker", "logs", ID), "docker"));
        table.add(new Proc(301, 200, List.of("tail", "-f", BUNDLE + "/log.json"), "tail"));
        // Named like the shim, with its arguments, but not the shim's executable.
        table.add(new Proc(302, 1, List.of("containerd-shim-runc-v2", "-id", ID), "sleep"));
        // Named like gVisor's sandbox, but not a child of this container's shim.
        table.add(new Proc(303, 1, List.of("runsc-sandbox", "boot", "--bundle=" + BUNDLE, ID), "runsc"));
        // A child of the shim that is not gVisor's and not the container's init.
        table.add(new Proc(304, 2201, List.of("sh", "-c", "echo " + ID), "dash"));
        // Another container's shim: the id is a prefix of neither.
        table.add(new Proc(305, 1, List.of("/usr/bin/containerd-shim-runc-v2", "-id", ID.substring(0, 12)),
                "containerd-shim-runc-v2"));
        assertEquals(List.of(2201L, 2218L, 2219L), ContainerProcesses.serving(ID, 0, table));
        assertEquals(List.of(2201L, 304L), ContainerProcesses.serving(ID, 304, List.of(SHIM, table.get(table.size() - 2))),
                "the engine's init pid counts when it is the shim's child");
    }

    @Test
    void aDecoyThatCarriesTheIdSurvivesTheCleanup() throws Exception {
        List<Process> decoys = List.of(
                new ProcessBuilder("bash", "-c", "exec -a 'docker logs " + ID + "' sleep 600").start(),
                // argv: containerd-shim-runc-v2 -c 'sleep 600; :' x -id ID, the executable bash's
                new ProcessBuilder("bash", "-c", "exec -a containerd-shim-runc-v2 bash -c 'sleep 600; :' x -id " + ID)
                        .start(),
                new ProcessBuilder("sh", "-c", "sleep 600; : " + ID).start());
        try {
            Thread.sleep(300);
            List<Long> pids = ContainerProcesses.of(ID);
            for (Process decoy : decoys) {
                assertFalse(pids.contains(decoy.pid()), "decoy " + decoy.pid() + " is not counted: " + pids);
            }
            ContainerProcesses.kill(ID, decoys.get(0).pid());
            Thread.sleep(300);
            for (Process decoy : decoys) {
                assertTrue(decoy.isAlive(), "decoy " + decoy.pid() + " survives");
            }
        } finally {
            for (Process decoy : decoys) {
                decoy.descendants().forEach(ProcessHandle::destroyForcibly);
                decoy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
