package org.streamfront.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Files holding credentials are the user's alone: by an ACL on Windows, by permissions on Linux and macOS. */
class OwnerOnlyFilesTest {
    @Test
    void onAWindowsFileSystemTheFileGetsAnAclOfItsOwnerAlone() throws Exception {
        try (var fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "owner", "acl").build())) {
            Path file = fs.getPath("C:\\Users\\ana\\AppData\\Roaming\\StreamFront\\secrets\\plan.secret");
            AtomicFiles.write(file, "not-a-real-secret", true);
            assertThat(Files.readString(file)).isEqualTo("not-a-real-secret");
            var view = Files.getFileAttributeView(file, AclFileAttributeView.class);
            assertThat(view.getAcl()).singleElement().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
                assertThat(entry.principal()).isEqualTo(view.getOwner());
            });
            AtomicFiles.write(file, "replaced", true);
            assertThat(Files.readString(file)).isEqualTo("replaced");
            assertThat(Files.getFileAttributeView(file, AclFileAttributeView.class).getAcl()).hasSize(1);
        }
    }

    @Test
    void onAPosixFileSystemOnlyTheOwnerMayReadOrWrite() throws Exception {
        try (var fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix").build())) {
            Path file = fs.getPath("/home/ana/.local/share/streamfront/secrets/plan.secret");
            AtomicFiles.write(file, "not-a-real-secret", true);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
