package io.isobench.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md stays a guide (at most {@value #README_MAX_LINES} lines; the findings live under docs/), and every relative
 * link of README.md, vm-images/README.md and the Markdown pages under docs/ leads somewhere: to a file or directory that exists and, for
 * a link into a Markdown page with a {@code #fragment}, to a heading of that page (named as GitHub names it). Links in
 * code are not links and are not checked; links with a scheme (https:, mailto:) are not followed.
 */
class DocsLinksTest {

    /** The most lines README.md may have. */
    static final int README_MAX_LINES = 400;
    /** An inline link or image: {@code [text](target)} or {@code [text](target "title")}, the target in group 1. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    /** A reference definition: {@code [name]: target}. */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:[ \\t]+<?(\\S+?)>?(?:[ \\t].*)?$");
    private static final Pattern FENCED = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.*?)[ \\t]*#*[ \\t]*$");

    private static final Path PROJECT = ScriptSandbox.PROJECT;

    @Test
    void theReadmeIsAtMost400Lines() throws IOException {
        long lines = Files.readAllLines(PROJECT.resolve("README.md")).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; at most " + README_MAX_LINES
                + ": move findings to docs/measurements/ and long explanations to a page under docs/");
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndDocsLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(Files.readString(page))) {
                if (target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                checked++;
                String problem = problem(page, target);
                if (problem != null) {
                    broken.add(PROJECT.relativize(page) + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " relative links found: is the link pattern still right?");
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void linksAndHeadingsAreReadAsGitHubRendersThem() {
        List<String> found = links("""
                See [a](docs/a.md#b), ![img](x.png "title") and [site](https://example.org).
                `[not](a-link.md)` and
                ```
                [nor](this.md)
                ```
                [ref]: docs/ref.md
                """);
        assertEquals(List.of("docs/a.md#b", "x.png", "https://example.org", "docs/ref.md"), found);
        assertEquals(Set.of("images-as-shipped-base--runtime--jar", "profiles-defined-once-in-ioisobenchsuiteprofile",
                        "gvisors-o_direct-runsc-20221219", "notes", "notes-1"),
                anchors("# Images as shipped: base + runtime + jar\n## Profiles (defined once, in `io.isobench.suite.Profile`)\n"
                        + "### gVisor's O_DIRECT (runsc 20221219)\n## Notes\n## Notes\n```\n# not a heading\n```\n"));
    }

    /** README.md, vm-images/README.md and every Markdown page under docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("vm-images/README.md")));
        try (Stream<Path> files = Files.walk(PROJECT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f)).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The link targets of a Markdown TEXT, outside code, in order. */
    static List<String> links(String text) {
        String prose = INLINE_CODE.matcher(FENCED.matcher(text).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(prose);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher reference = REFERENCE.matcher(prose);
        while (reference.find()) {
            targets.add(reference.group(1));
        }
        return targets;
    }

    /** Why TARGET, linked from PAGE, leads nowhere; null when it leads somewhere. */
    private static String problem(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!file.startsWith(PROJECT)) {
            return "leads out of the repository";
        }
        if (!Files.exists(file)) {
            return "no such file or directory";
        }
        if (!fragment.isEmpty() && file.toString().endsWith(".md")
                && !anchors(Files.readString(file)).contains(URLDecoder.decode(fragment, StandardCharsets.UTF_8))) {
            return "no heading #" + fragment + " in " + PROJECT.relativize(file);
        }
        return null;
    }

    /**
     * The anchors of a Markdown TEXT's headings as GitHub makes them: lower case, every character but letters,
     * digits, spaces, hyphens and underscores dropped, spaces made hyphens, and a repeated one numbered (-1, -2, ...).
     */
    static Set<String> anchors(String text) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCED.matcher(text).replaceAll(""));
        while (heading.find()) {
            String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(count == 0 ? slug : slug + "-" + count);
        }
        return anchors;
    }
}
