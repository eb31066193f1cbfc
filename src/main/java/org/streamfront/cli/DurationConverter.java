package org.streamfront.cli;

import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** "90s", "30m", "1h", or plain seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        var m = Pattern.compile("(\\d+)([smh]?)").matcher(value.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("use a number with s, m or h, e.g. 30m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
