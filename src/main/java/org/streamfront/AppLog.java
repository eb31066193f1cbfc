package org.streamfront;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.streamfront.store.AppDirs;

/**
 * StreamFront's log, one per user in the OS's usual place (AppDirs.logHome): what went wrong and the
 * AWS request ids and error codes that name it, for a user to send. It rolls over at 1 MB, keeps 3
 * files and nothing older than a week. Secrets never reach it: the AWS SDK's own (wire) logging
 * stays off, and every line passes a filter that blanks anything shaped like a secret key, a session
 * token, a signed JWT or a token secret, whatever logged it.
 */
public final class AppLog {
    static final int LIMIT_BYTES = 1024 * 1024;
    static final int FILES = 3;
    static final Duration KEPT = Duration.ofDays(7);
    private static final String PREFIX = "streamfront";
    private static Path folder;
    /** JavaFX's logger, held here: java.util.logging keeps loggers weakly, and its filter with them. */
    private static volatile Logger javafx;

    private AppLog() {
    }

    /**
     * JavaFX warns as it starts that it runs from the class path ("Unsupported JavaFX configuration"),
     * as StreamFront's launchers choose to. The line alarms whoever started the app from a terminal,
     * and formatting it for the console costs a cold JVM's first screen ~15 ms on the main thread:
     * it is dropped. JavaFX's other messages pass. Not synchronized: the window's thread must not wait
     * for {@link #start} opening the file on another.
     */
    public static void dropJavaFxClassPathWarning() {
        javafx = Logger.getLogger("javafx");
        javafx.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** Starts writing the log (once per process); a log that cannot be opened leaves the app as it is. */
    public static synchronized void start() {
        if (folder != null) {
            return;
        }
        Path dir = AppDirs.logHome();
        try {
            Files.createDirectories(dir);
            deleteOlderThan(dir, Instant.now().minus(KEPT));
            FileHandler file = new FileHandler(dir.resolve(PREFIX + "-%g.log").toString(), LIMIT_BYTES, FILES, true);
            file.setFormatter(new Redacting());
            file.setLevel(Level.INFO);
            Logger root = Logger.getLogger("");
            // The file takes over from the console: a command's output stays its own plain lines.
            for (var console : root.getHandlers()) {
                if (console instanceof java.util.logging.ConsoleHandler) {
                    root.removeHandler(console);
                }
            }
            root.addHandler(file);
            folder = dir;
        } catch (IOException | RuntimeException e) {
            Logger.getLogger(AppLog.class.getName()).log(Level.FINE, "no log file", e);
        }
    }

    /** The log's folder, once started; null before or when it could not be opened. */
    public static synchronized Path folder() {
        return folder;
    }

    /** The newest log file's last {@code lines} lines, for "Copy details" (empty without a log). */
    public static List<String> lastLines(int lines) {
        Path dir = folder();
        Path newest = dir == null ? null : dir.resolve(PREFIX + "-0.log");
        if (newest == null || !Files.isReadable(newest)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(newest);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteOlderThan(Path dir, Instant cutoff) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Anything that looks like a secret, blanked: a line may quote a request, a header or an exception's text. */
    static String redact(String text) {
        String out = text;
        for (Pattern p : SECRET_SHAPES) {
            out = p.matcher(out).replaceAll(m -> m.groupCount() > 0 && m.group(1) != null ? m.group(1) + "[hidden]" : "[hidden]");
        }
        return out;
    }

    private static final List<Pattern> SECRET_SHAPES = List.of(
            // key=value and "key": "value" forms of anything named secret, token, password or signature
            Pattern.compile("(?i)((?:secret|token|password|signature|credential)[A-Za-z_-]*\"?\\s*[:=]\\s*\"?)[^\\s\",;&]+"),
            // a JWT (viewer tokens, SSO tokens): three base64url parts
            Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+"),
            // an AWS secret access key or similar: 40 base64 characters standing alone
            Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
            // a session token: long base64 runs
            Pattern.compile("[A-Za-z0-9/+]{100,}={0,2}"));

    /** One line per record (two with a cause), time first, secrets blanked. */
    private static final class Redacting extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(TIME.format(r.getInstant())).append(' ').append(r.getLevel().getName())
                    .append(' ').append(r.getLoggerName()).append(": ").append(formatMessage(r));
            for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                b.append(" | ").append(t.getClass().getName()).append(": ").append(t.getMessage());
                StackTraceElement[] at = t.getStackTrace();
                if (at.length > 0) {
                    b.append(" at ").append(at[0]);
                }
            }
            return redact(b.toString()) + System.lineSeparator();
        }
    }
}
