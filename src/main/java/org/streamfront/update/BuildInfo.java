package org.streamfront.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;

/** What the build wrote into the app: its version and the release feed it asks for newer ones. */
public final class BuildInfo {
    /** Overrides the built-in release feed (tests, practice, a mirror). */
    public static final String FEED_VARIABLE = "STREAMFRONT_UPDATE_URL";
    private static final Properties BUILD = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/streamfront/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** This build's version, e.g. 0.1.0. */
    public static String version() {
        String v = BUILD.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "0.0.0" : v.trim();
    }

    /** The release feed: the override when set, else the one written at build time; empty when neither. */
    public static Optional<URI> feed() {
        return feed(System.getenv(FEED_VARIABLE));
    }

    static Optional<URI> feed(String override) {
        String built = BUILD.getProperty("releaseFeed", "");
        String chosen = override != null && !override.isBlank() ? override : built.startsWith("${") ? "" : built;
        return chosen.isBlank() ? Optional.empty() : Optional.of(URI.create(chosen.trim()));
    }

    /** Whether the feed was set for this run rather than built in. */
    public static boolean feedOverridden() {
        String override = System.getenv(FEED_VARIABLE);
        return override != null && !override.isBlank();
    }
}
