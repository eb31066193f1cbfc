package org.streamfront.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Small helpers the benchmarks share: medians and a printed table. */
public final class BenchTable {
    private BenchTable() {
    }

    /** A process's peak resident memory so far (VmHWM from /proc), in MB; NaN when it cannot be read. */
    public static double peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended before it could be read
        }
        return Double.NaN;
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    public static void print(String title, String[] header, List<String[]> rows) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\n== ").append(title).append(" ==\n");
        out.append(line(header, width)).append('\n');
        out.append(line(Arrays.stream(width).mapToObj("-"::repeat).toArray(String[]::new), width)).append('\n');
        rows.forEach(r -> out.append(line(r, width)).append('\n'));
        System.out.println(out);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder("| ");
        for (int i = 0; i < cells.length; i++) {
            b.append(String.format("%-" + width[i] + "s", cells[i])).append(" | ");
        }
        return b.toString().stripTrailing();
    }
}
