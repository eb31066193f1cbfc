package org.streamfront.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines of a native memory tracking summary (jcmd VM.native_memory summary) that say where a JVM's memory is. */
final class NativeMemory {
    /** The categories worth a line: the rest are small. */
    private static final List<String> CATEGORIES = List.of("Java Heap", "Class", "Metaspace", "Symbol", "Code", "Shared class space",
            "Thread", "Other", "Internal", "GC", "Native Memory Tracking");
    private static final Pattern CATEGORY = Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern CLASSES = Pattern.compile("\\(classes #(\\d+)\\)");

    private NativeMemory() {
    }

    /** One row per category, then the total and the number of classes loaded; an unreadable summary says so. */
    static List<String[]> rows(String summary) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = CATEGORY.matcher(summary);
        while (m.find()) {
            if (CATEGORIES.contains(m.group(1).trim())) {
                rows.add(new String[] {m.group(1).trim(), mb(m.group(2))});
            }
        }
        Matcher total = TOTAL.matcher(summary);
        Matcher classes = CLASSES.matcher(summary);
        if (rows.isEmpty() || !total.find() || !classes.find()) {
            // jcmd says why at the end (its first line is only the process id).
            return List.<String[]>of(new String[] {"no summary: " + summary.strip().lines().reduce((a, b) -> b).orElse("(nothing said)"), ""});
        }
        rows.add(new String[] {"all the JVM accounts for", mb(total.group(1))});
        rows.add(new String[] {"classes loaded (the AOT cache's included)", classes.group(1)});
        return rows;
    }

    private static String mb(String kb) {
        return String.format("%.1f", Long.parseLong(kb) / 1024.0);
    }
}
