package io.isobench.launcher.kind.podman;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodmanTest {

    /** /proc/self/limits of a process on these machines: open files and processes capped, no CAP_SYS_RESOURCE to raise. */
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units    \s
            Max cpu time              unlimited            unlimited            seconds  \s
            Max processes             96367                96367                processes\s
            Max open files            20000                20000                files    \s
            Max locked memory         8388608              8388608              bytes    \s
            """;

    @ParameterizedTest
    @ValueSource(strings = {"runc", "crun", "runc-rootless", "crun-rootless"})
    void theVariantAndItsNameRoundTrip(String text) {
        PodmanVariant variant = PodmanVariant.parse(text);
        assertEquals(text, variant.toString());
        assertEquals("podman-" + text, variant.name());
        assertEquals(variant, PodmanVariant.fromName(variant.name()));
    }

    @Test
    void otherWordsAreNotPodman() {
        for (String word : List.of("podman", "podman-", "podman-runsc", "podman-runc-root", "podman-rootless")) {
            assertFalse(PodmanVariant.isName(word), word);
        }
        assertTrue(new PodmanKind().answers("podman"), "the kind's id asks for its defaults");
        assertEquals("unknown Podman runtime 'runsc' (runc or crun)",
                assertThrows(IllegalArgumentException.class, () -> PodmanVariant.fromName("podman-runsc")).getMessage());
    }

    @Test
    void containersGetTheLaunchersHardLimitsWithProcessesCappedAtPidMax() {
        assertEquals(List.of("--ulimit", "nofile=20000:20000", "--ulimit", "nproc=32768:32768"), Podman.ulimits(LIMITS, 32768));
        assertEquals(List.of("--ulimit", "nofile=20000:20000", "--ulimit", "nproc=96367:96367"), Podman.ulimits(LIMITS, 4194304));
        assertEquals(Optional.empty(), Podman.hardLimit(LIMITS, "Max cpu time"), "unlimited");
    }

    @Test
    void theSkipReasonIsPodmansLastError() {
        String crun = """
                Error: OCI runtime error: crun: cgroups in hybrid mode not supported, drop all controllers from cgroupv2
                """;
        assertEquals("podman run of the image failed here: OCI runtime error: crun: cgroups in hybrid mode not supported, "
                + "drop all controllers from cgroupv2 (exit 126)", PodmanKind.probeFailed(126, crun));
        String rlimit = """
                time="2026-12-04T18:28:32Z" level=warning msg="Failed, retrying in 1s ... (1/3)"
                Error: crun: setrlimit `RLIMIT_NOFILE`: Operation not permitted: OCI permission denied
                """;
        assertEquals("crun: setrlimit `RLIMIT_NOFILE`: Operation not permitted: OCI permission denied (exit 126)",
                Podman.reason(126, rlimit));
        assertEquals("no message (exit 1)", Podman.reason(1, ""));
        String load = """
                Error: payload does not match any of the supported image formats:
                 * oci: initializing source oci:/var/tmp/x.tar:: open /var/tmp/x.tar/index.json: not a directory
                 * docker-archive: writing blob: adding layer: potentially insufficient UIDs or GIDs available in user \
                namespace (requested 0:42 for /etc/gshadow): Check /etc/subuid and /etc/subgid
                 * dir: open /var/tmp/x.tar/manifest.json: not a directory
                """;
        assertEquals("docker-archive: writing blob: adding layer: potentially insufficient UIDs or GIDs available in user "
                + "namespace (requested 0:42 for /etc/gshadow): Check /etc/subuid and /etc/subgid (exit 125)",
                Podman.reason(125, load));
    }
}
