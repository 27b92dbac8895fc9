package io.isobench.compare.report;

import io.isobench.compare.Fixtures;
import io.isobench.compare.model.FootprintTable;
import io.isobench.schema.Footprint;
import io.isobench.schema.ShippedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image as shipped in the report: the model's steps and ratio, the cells, and both renderings. */
class ShippedImageReportTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path tmp;

    private static Footprint container() {
        return new Footprint.Builder()
                .shipped(ShippedImage.of(82 * MIB, 156 * MIB, 164 * MIB).withCompressed(41 * MIB, "docker save | gzip -6"))
                .idleLayerBytes(12 * 1024).writableLayerBytes(3 * MIB).build();
    }

    @Test
    void theRowHasEachStepItsCompressionAndBothLayers() {
        FootprintTable.Image i = FootprintTable.image("container-bridge", "container", container());
        assertEquals(74 * MIB, i.runtimeBytes());
        assertEquals(8 * MIB, i.jarBytes());
        assertEquals(0.25, i.compressedRatio(), 1e-9);
        assertEquals(12 * 1024, i.idleLayerBytes());
        assertEquals(3 * MIB, i.suiteLayerBytes(), "a container's layer after the suite is its writable layer");
        assertEquals(List.of("container-bridge", "container", "82 MiB", "156 MiB (+74 MiB)", "164 MiB (+8 MiB)",
                "41 MiB (25.0 %, docker save | gzip -6)", "—", "12 KiB", "3 MiB"), ReportText.imageCells(i));
    }

    @Test
    void aVmRowTakesItsOverlayAndKernelAndWhatIsUnknownIsADash() {
        Footprint vm = new Footprint.Builder().vm("tcg", "user", 171 * MIB, 66 * MIB)
                .shipped(ShippedImage.of(171 * MIB, 250 * MIB, 262 * MIB)).overlayBytes(20 * MIB).build();
        FootprintTable.Image i = FootprintTable.image("vm-tcg", "vm", vm);
        assertEquals(20 * MIB, i.suiteLayerBytes());
        List<String> cells = ReportText.imageCells(i);
        assertEquals("—", cells.get(5), "not compressed (yet)");
        assertEquals("66 MiB", cells.get(6));
        assertEquals("—", cells.get(7), "no layer after an idle start");
        assertNull(FootprintTable.image("host", "host", new Footprint.Builder().idleMemoryBytes(1).build()),
                "no row without the image as shipped or an idle layer");
    }

    @Test
    void theImageColumnIsTheImageAsShippedAndBothReportsHaveTheTable() throws IOException {
        Path run = tmp.resolve("run");
        List<Fixtures.Bench> benches = List.of(avgt("io.isobench.cpu.ArithmeticLoopBenchmark.loop", 1000, 5, 4));
        Fixtures.envDir(run, "host", benches, Fixtures.fingerprint("host", "host", "none"), Map.of("idleMemoryBytes", 40 * MIB));
        Fixtures.envDir(run, "vm-tcg", Fixtures.scaled(benches, 1.4, 6), Fixtures.fingerprint("vm-tcg", "vm", "tcg"),
                Map.of("schemaVersion", "2.2", "baseImageBytes", 171 * MIB, "kernelInitrdBytes", 66 * MIB,
                        "overlayBytes", 20 * MIB, "idleLayerBytes", 2 * MIB,
                        "shipped", Map.of("osBytes", 171 * MIB, "withRuntimeBytes", 250 * MIB, "withJarBytes", 262 * MIB,
                                "compressedBytes", 131 * MIB, "compression", "qemu-img convert -c -O qcow2")));
        Path out = tmp.resolve("out");
        Fixtures.Result r = Fixtures.run(run.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| QEMU VM, TCG emulation (2 vCPUs) | vm | 328 MiB |"),
                "image = disk as shipped + kernel and initrd: " + md);
        assertTrue(md.contains("### Images as shipped"), md);
        assertTrue(md.contains("| vm-tcg | vm | 171 MiB | 250 MiB (+79 MiB) | 262 MiB (+12 MiB) | "
                + "131 MiB (50.0 %, qemu-img convert -c -O qcow2) | 66 MiB | 2 MiB | 20 MiB |"), md);
        String images = md.substring(md.indexOf("### Images as shipped"), md.indexOf(ReportText.IMAGE_NOTE));
        assertFalse(images.contains("| host |"), "the host has no row among the images: " + images);
        assertTrue(md.contains("| shipped.compressedBytes |"), "the nested values are listed key by key");
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<h3>Images as shipped</h3>"));
        assertTrue(html.contains("<td class=\"num\">131 MiB (50.0 %, qemu-img convert -c -O qcow2)</td>"), html);
    }
}
