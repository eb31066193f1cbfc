package org.streamfront.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's settings (settings.json in the data folder): read once, written whole on each change.
 * An unreadable file counts as no settings (the defaults), and is replaced on the next change.
 */
public final class Settings {
    private final Path file;
    private ObjectNode values;

    public Settings(Path file) {
        this.file = file;
    }

    private synchronized ObjectNode values() {
        if (values == null) {
            try {
                values = Files.exists(file) && StoreJson.MAPPER.readTree(file.toFile()) instanceof ObjectNode o ? o : StoreJson.MAPPER.createObjectNode();
            } catch (IOException unreadable) {
                values = StoreJson.MAPPER.createObjectNode();
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
        AtomicFiles.write(file, StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(values));
    }
}
