package org.streamfront.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.streamfront.store.AtomicFiles;

/**
 * The secret viewer tokens are signed with: an AMS application's JWT secret pasted by the user, or
 * one StreamFront makes. It lives in a file readable by the user alone and in the distribution's
 * key value store; never in a plan, a draft, a log or a message.
 */
public final class TokenSecret {
    /** AMS asks for at least 32 characters; a key value store value holds at most 1 KB. */
    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    /** 32 random bytes, URL-safe base64: 43 characters AMS accepts as an application's JWT secret. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is wrong with a secret as typed, in plain words; empty when it is usable. */
    public static Optional<String> problem(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("Paste the JWT secret of your AMS application, or let StreamFront make one.");
        }
        if (secret.length() < MIN_LENGTH) {
            return Optional.of("The secret needs at least " + MIN_LENGTH + " characters (AMS asks the same); this one has " + secret.length() + ".");
        }
        if (secret.length() > MAX_LENGTH) {
            return Optional.of("The secret can have at most " + MAX_LENGTH + " characters.");
        }
        if (!secret.chars().allMatch(c -> c > 32 && c < 127)) {
            return Optional.of("The secret can hold letters, digits and punctuation, without spaces.");
        }
        return Optional.empty();
    }

    /** Where the app keeps a plan's secret when the user named no file: one owner-only file per plan in {@code folder}. */
    public static Path fileFor(Path folder, String planId) {
        return folder.resolve(planId.replaceAll("[^A-Za-z0-9_-]", "-") + ".secret");
    }

    /** The secret in a file (one line; a final line break is not part of it). */
    public static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IOException(file + ": " + problem.get());
        }
        return text;
    }

    /** The secret in {@code file}, or empty when there is no such file. */
    public static Optional<String> readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Writes the secret to a file only the user can read. */
    public static void write(Path file, String secret) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        AtomicFiles.write(file, secret + "\n", true);
    }

    /** The secret in {@code file}, made and written there first when the file does not exist. Returns whether it was made. */
    public static boolean ensure(Path file) throws IOException {
        if (Files.exists(file)) {
            read(file);
            return false;
        }
        write(file, generate());
        return true;
    }
}
