package org.streamfront.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's settings (settings.json in the data folder): read once, written whole on each change.
 * An unreadable file counts as no settings (the defaults), and is replaced on the next change.
 */
public final class Settings {
    /** Its name in the data folder. */
    public static final String FILE = "settings.json";
    private final Path file;
    private Map<String, Object> values;

    public Settings(Path file) {
        this.file = file;
    }

    private synchronized Map<String, Object> values() {
        if (values == null) {
            // Read while the window opens: without a file (the usual first start) Jackson is not even loaded,
            // which keeps its classes out of the installed app's start-up cache.
            values = new LinkedHashMap<>();
            try {
                if (Files.exists(file)) {
                    var read = StoreJson.MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
                    values = read != null ? read : values;
                }
            } catch (IOException unreadable) {
                // the defaults, as documented (a file that is not a JSON object included)
            }
        }
        return values;
    }

    private <T> T value(String key, Class<T> type, T fallback) {
        Object v = values().get(key);
        return type.isInstance(v) ? type.cast(v) : fallback;
    }

    /** Whether StreamFront asks its release feed for newer versions a few seconds after start (on unless turned off). */
    public boolean updateCheck() {
        return value("updateCheck", Boolean.class, true);
    }

    public synchronized void updateCheck(boolean on) throws IOException {
        values().put("updateCheck", on);
        write();
    }

    /** "light", "dark", or "system" (the default): the colour scheme, following the OS unless chosen. */
    public String colours() {
        return value("colours", String.class, "system");
    }

    /** Text size in percent of the usual: 100 (the default), 125, 150 or 200. */
    public int textSize() {
        int size = value("textSize", Number.class, 100).intValue();
        return size >= 100 && size <= 200 ? size : 100;
    }

    /** Keeps the colours and the text size, chosen together in one window, with one write. */
    public synchronized void looks(String colours, int textSizePercent) throws IOException {
        values().put("colours", colours);
        values().put("textSize", textSizePercent);
        write();
    }

    /** A language tag such as "es" or "pt-BR", or "" to follow the computer's language (the default). */
    public String language() {
        return value("language", String.class, "");
    }

    public synchronized void language(String tag) throws IOException {
        values().put("language", tag);
        write();
    }

    private void write() throws IOException {
        AtomicFiles.write(file, StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(values));
    }
}
