package org.streamfront.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;

/**
 * Writes whole files so that a crash or a power cut leaves either the old or the new content,
 * never half of one: write a temporary file beside the target, force it to disk, rename it over
 * the target, then force the folder so the rename itself survives.
 */
public final class AtomicFiles {
    /** How often a replace is tried while another program (a virus scanner, a backup tool) holds the target on Windows. */
    private static final int REPLACE_ATTEMPTS = 10;

    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text, false);
    }

    /** With {@code ownerOnly}, the file is readable by the user alone from the moment it exists. */
    public static void write(Path target, String text, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // POSIX permissions where the file system has them (Linux, macOS); an ACL where it has those (Windows).
        boolean posix = isPosix(dir);
        Path temp = ownerOnly && posix
                ? Files.createTempFile(dir, ".tmp-", ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".tmp-", ".part");
        try {
            if (ownerOnly && !posix) {
                restrictToOwner(temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            replace(temp, target);
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves a file that cannot be read out of the way, keeping it for support: {@code name.broken-<time>}. */
    public static Path moveAside(Path file) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path aside = file.resolveSibling(file.getFileName() + ".broken-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".broken-" + stamp + "-" + n);
        }
        Files.move(file, aside);
        return aside;
    }

    private static void replace(Path temp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            } catch (AccessDeniedException e) {
                // Windows refuses to replace a file another program has open; that passes within moments.
                if (isPosix(target) || attempt >= REPLACE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** On POSIX a rename is durable only once its folder is; Windows cannot open folders this way and needs no such step. */
    private static void forceFolder(Path dir) {
        if (!isPosix(dir)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to sync a folder; the file itself is on disk already.
        }
    }

    /** Windows: an ACL that lets the file's owner alone in, replacing what it inherited from the folder. */
    private static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        AclEntry ownerOnly = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        acl.setAcl(List.of(ownerOnly));
    }
}
