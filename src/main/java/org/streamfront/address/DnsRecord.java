package org.streamfront.address;

/** One DNS record to add or check: host names without the final dot, as people type them at a DNS provider. */
public record DnsRecord(String name, String type, String value) {
    public DnsRecord {
        name = HostNames.normal(name);
        value = type.equals("CNAME") ? HostNames.normal(value) : value.trim();
    }

    @Override
    public String toString() {
        return name + " " + type + " " + value;
    }
}
