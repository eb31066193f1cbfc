package org.streamfront.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.streamfront.Messages;

/** The rules a host name for viewers follows, and the names around it (its zone candidates, whether it is a bare domain). */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    /** Second-level suffixes under which a registered domain has three labels (the common ones). */
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of("co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au",
            "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "com.br", "com.mx", "co.za", "co.in", "com.tr", "com.cn", "co.kr", "com.sg");

    private HostNames() {
    }

    /** Lower case, without spaces, a final dot or a scheme the user pasted along. */
    public static String normal(String typed) {
        String h = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        h = h.replaceFirst("^https?://", "");
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** What is wrong with a typed host name, in plain words; empty when it is a valid public host name. */
    public static Optional<String> problem(String typed) {
        String h = normal(typed);
        if (h.isEmpty()) {
            return Optional.of(Messages.get("domain.host.empty"));
        }
        if (h.contains(":")) {
            return Optional.of(Messages.get("domain.host.port"));
        }
        if (h.startsWith("*")) {
            return Optional.of(Messages.get("domain.host.wildcard"));
        }
        if (h.length() > 253) {
            return Optional.of(Messages.get("domain.host.tooLong"));
        }
        String[] labels = h.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of(Messages.get("domain.host.oneLabel", h));
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return Optional.of(Messages.get("domain.host.emptyLabel"));
            }
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                return Optional.of(Messages.get("domain.host.badLabel", label));
            }
        }
        if (!TOP.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of(Messages.get("domain.host.badTop", labels[labels.length - 1]));
        }
        if (h.endsWith(".cloudfront.net") || h.equals("cloudfront.net")) {
            return Optional.of(Messages.get("domain.host.cloudfront"));
        }
        return Optional.empty();
    }

    /** A registered domain itself (example.org), where DNS allows no CNAME: only a Route 53 alias can point it at CloudFront. */
    public static boolean isApex(String host) {
        String h = normal(host);
        String[] labels = h.split("\\.");
        if (labels.length == 3) {
            return TWO_LABEL_SUFFIXES.contains(labels[1] + "." + labels[2]);
        }
        return labels.length == 2;
    }

    /** The name and each parent up to the registered domain, longest first: where a hosted zone may start. */
    public static List<String> zoneCandidates(String host) {
        String h = normal(host);
        List<String> out = new ArrayList<>();
        for (String n = h; n.contains("."); n = n.substring(n.indexOf('.') + 1)) {
            out.add(n);
            if (isApex(n)) {
                break;
            }
        }
        return out;
    }

    /** Whether a certificate for {@code certificateName} (exact, or a wildcard one level up) covers the host. */
    public static boolean covers(String certificateName, String host) {
        String c = normal(certificateName);
        String h = normal(host);
        if (c.startsWith("*.")) {
            String base = c.substring(2);
            return h.endsWith("." + base) && h.indexOf('.') == h.length() - base.length() - 1;
        }
        return c.equals(h);
    }
}
