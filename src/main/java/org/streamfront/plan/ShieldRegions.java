package org.streamfront.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where Origin Shield should sit: the AWS Region nearest the AMS server, read from an EC2 host name when it is one. */
public final class ShieldRegions {
    /** Regions the Cache step lists first; any region code is accepted. */
    public static final List<String> COMMON = List.of("us-east-1", "us-east-2", "us-west-2", "ca-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-central-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1",
            "ap-northeast-2");
    /** ec2-3-120-1-2.eu-central-1.compute.amazonaws.com; in us-east-1 the older ec2-…compute-1.amazonaws.com. */
    private static final Pattern EC2 = Pattern.compile("ec2-[0-9-]+\\.(?:([a-z]{2}-[a-z]+-\\d)\\.compute|(compute-1))\\.amazonaws\\.com\\.?");

    private ShieldRegions() {
    }

    /** The region of an EC2 public DNS name; empty for any other host. */
    public static Optional<String> suggest(String host) {
        var m = EC2.matcher(host == null ? "" : host.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : "us-east-1");
    }
}
