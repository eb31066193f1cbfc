package org.streamfront.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamfront.plan.Plan;

class DraftStoreTest {
    @TempDir
    Path dir;

    @Test
    void theNewestOfABurstOfChangesIsWhatStays() {
        try (DraftStore store = new DraftStore(dir.resolve("draft.json"))) {
            for (int port = 5000; port < 5100; port++) {
                store.save(Plan.empty().withOrigin(new Plan.Origin("a.example", null, null, port, null)));
            }
            store.flush();
            assertThat(store.load()).hasValueSatisfying(d -> assertThat(d.plan().origin().httpPort()).isEqualTo(5099));
        }
    }

    @Test
    void anUnreadableDraftIsMovedAsideNotFatal() throws Exception {
        Files.writeString(dir.resolve("draft.json"), "{ half a fi");
        DraftStore store = new DraftStore(dir.resolve("draft.json"));
        assertThat(store.load()).isEmpty();
        assertThat(store.movedAside()).hasValueSatisfying(aside -> {
            assertThat(aside.getFileName().toString()).startsWith("draft.json.broken-");
            assertThat(aside).hasContent("{ half a fi");
        });
        assertThat(dir.resolve("draft.json")).doesNotExist();
        store.close();
    }

    @Test
    void ownerOnlyFilesAreBornPrivate() throws Exception {
        Path secret = dir.resolve("sub/credentials");
        AtomicFiles.write(secret, "x", true);
        assertThat(Files.getPosixFilePermissions(secret))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.list(secret.getParent())).containsExactly(secret);
    }
}
