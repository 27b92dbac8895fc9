package io.isobench.compare.report;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.report.doc.HtmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's Content-Security-Policy allows its own scripts by hash and nothing inline besides. */
class HtmlPolicyTest {

    @TempDir
    Path run;

    @Test
    void scriptsAreAllowedByTheirHashesOnly() throws Exception {
        List<Fixtures.Bench> host = List.of(avgt("io.isobench.cpu.Evil<script>alert(1)</script>.loop", 1000, 5, 4));
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"), Map.of());
        Fixtures.envDir(run, "container-bridge", Fixtures.scaled(host, 1.05, 5),
                Fixtures.fingerprint("container-bridge", "container", "none"), Map.of());
        String html = HtmlWriter.write(ReportBuilder.build(Comparison.ofRunDir(run, CompareOptions.defaults())));

        Matcher meta = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(meta.find(), html);
        List<String> directives = Arrays.stream(meta.group(1).split(";")).map(String::strip).toList();
        assertTrue(directives.contains("base-uri 'none'") && directives.contains("form-action 'none'"), meta.group(1));
        String scriptSrc = directives.stream().filter(d -> d.startsWith("script-src ")).findFirst().orElseThrow();
        assertFalse(scriptSrc.contains("'unsafe-inline'"), scriptSrc);

        List<String> hashes = new ArrayList<>();
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (script.find()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
            hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        }
        assertEquals(2, hashes.size(), "the error hook and the sorting script; the benchmark's name is text");
        assertEquals(List.of(scriptSrc.substring("script-src ".length()).split(" ")), hashes,
                "the policy names exactly the page's scripts");
    }
}
