package io.isobench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** isobench's own version, filtered in from the pom at build time. */
public final class Version {

    public static final String ISOBENCH = load();

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/isobench.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
