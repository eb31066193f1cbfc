package org.streamfront.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's settings (settings.json in the data folder): read once, written whole on each change.
 * An unreadable file counts as no settings (the defaults), and is replaced on the next change.
 */
public final class Settings {
    /** Its name in the data folder. */
    public static final String FILE = "settings.json";
    private final Path file;
    private ObjectNode values;

    public Settings(Path file) {
        this.file = file;
    }

    private synchronized ObjectNode values() {
        if (values == null) {
            // Read while the window opens: without a file (the usual first start) no object mapper is made.
            values = JsonNodeFactory.instance.objectNode();
            try {
                if (Files.exists(file) && StoreJson.MAPPER.readTree(file.toFile()) instanceof ObjectNode o) {
                    values = o;
                }
            } catch (IOException unreadable) {
                // the defaults, as documented
            }
        }
        return values;
    }

    /** Whether StreamFront asks its release feed for newer versions a few seconds after start (on unless turned off). */
    public boolean updateCheck() {
        return values().path("updateCheck").asBoolean(true);
    }

    public synchronized void updateCheck(boolean on) throws IOException {
        values().put("updateCheck", on);
        write();
    }

    /** "light", "dark", or "system" (the default): the colour scheme, following the OS unless chosen. */
    public String colours() {
        return values().path("colours").asText("system");
    }

    /** Text size in percent of the usual: 100 (the default), 125, 150 or 200. */
    public int textSize() {
        int size = values().path("textSize").asInt(100);
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
        return values().path("language").asText("");
    }

    public synchronized void language(String tag) throws IOException {
        values().put("language", tag);
        write();
    }

    private void write() throws IOException {
        AtomicFiles.write(file, StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(values));
    }
}
