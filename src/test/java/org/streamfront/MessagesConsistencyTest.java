package org.streamfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The translations agree with the English messages: every key and no other, the same placeholders,
 * no placeholder swallowed by quoting (Alt+letters apart: KeyboardOnlyTest); every English key is
 * used; no casing that Turkish breaks.
 */
public class MessagesConsistencyTest {
    private static final Path DIR = Path.of("src/main/resources/org/streamfront");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    public static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(DIR.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static List<String> translations() {
        return Languages.ALL.stream().filter(l -> !l.tag().equals("en"))
                .map(l -> "messages_" + l.tag().replace('-', '_') + ".properties").toList();
    }

    @Test
    void everyLanguageHasEveryKeyAndNoOther() throws IOException {
        Properties english = read("messages.properties");
        for (String file : translations()) {
            Properties t = read(file);
            assertThat(t.stringPropertyNames()).as(file).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            assertThat(t.stringPropertyNames()).as(file + ": empty translations")
                    .allSatisfy(key -> assertThat(t.getProperty(key)).as(key).isNotBlank());
        }
    }

    /** Every language's message file, English first. */
    public static List<String> allLanguages() {
        List<String> all = new ArrayList<>(List.of("messages.properties"));
        all.addAll(translations());
        return all;
    }

    /** The Alt+letter a label gives (lower case), or null. */
    public static String mnemonic(String label) {
        int at = label.indexOf('_');
        return at < 0 || at + 1 >= label.length() ? null : label.substring(at + 1, at + 2).toLowerCase(Locale.ROOT);
    }

    @Test
    void translationsKeepEveryPlaceholderAndQuoteApostrophesRight() throws IOException {
        Properties english = read("messages.properties");
        List<String> wrong = new ArrayList<>();
        for (String file : translations()) {
            Properties t = read(file);
            Locale locale = Locale.forLanguageTag(file.substring("messages_".length(), file.indexOf('.')).replace('_', '-'));
            for (String key : t.stringPropertyNames()) {
                Set<String> want = placeholders(english.getProperty(key));
                String text = t.getProperty(key);
                if (!placeholders(text).equals(want)) {
                    wrong.add(file + " " + key + ": placeholders " + placeholders(text) + ", English has " + want);
                    continue;
                }
                // Formatted with markers, every marker must show: a lone apostrophe would swallow them.
                Set<Integer> indices = indices(text);
                if (!indices.isEmpty()) {
                    Object[] args = new Object[10];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = 7000 + i;
                    }
                    String out = new MessageFormat(text, locale).format(args).replaceAll("[.,\u00a0\u202f]", "");
                    for (int i : indices) {
                        if (!out.contains(String.valueOf(7000 + i)) && !text.contains("{" + i + ",choice")) {
                            wrong.add(file + " " + key + ": {" + i + "} does not show in \"" + out + "\"");
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEnglishKeyIsUsedByTheCode() throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            code = all.toString();
        }
        Set<String> unused = new TreeSet<>();
        for (String key : read("messages.properties").stringPropertyNames()) {
            if (!code.contains("\"" + key + "\"") && !usedAsPrefix(code, key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys no code reads").isEmpty();
    }

    /**
     * Keys made in code: "step." + name + ".title" (a leading part ending in a dot is a string in
     * the code), or a choice's key from its group's, such as "cache.queryStrings" + "." + value
     * (a leading part of two words or more).
     */
    private static boolean usedAsPrefix(String code, String key) {
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            String head = key.substring(0, dot);
            if (code.contains("\"" + head + ".\"") || head.contains(".") && code.contains("\"" + head + "\"")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noCaseChangeWithoutALocale() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = Pattern.compile("\\.to(Upper|Lower)Case\\(\\)").matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.toString());
                }
            }
        }
        assertThat(found).as("in Turkish, \"ORIGIN\".toLowerCase() is \"or\u0131g\u0131n\": give Locale.ROOT").isEmpty();
    }

    /** The arguments a message takes, each with its format (a number pattern, a choice, or plain). */
    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        var formats = new MessageFormat(text, Locale.ROOT).getFormatsByArgumentIndex();
        for (int i : indices(text)) {
            var f = i < formats.length ? formats[i] : null;
            found.add("{" + i + (f instanceof java.text.ChoiceFormat ? ",choice" : f instanceof java.text.DecimalFormat d
                    ? ",number," + d.toPattern() : f == null ? "" : "," + f.getClass().getSimpleName()) + "}");
        }
        return found;
    }

    private static Set<Integer> indices(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
