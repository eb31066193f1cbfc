package org.streamfront.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.streamfront.Messages;
import org.streamfront.services.DeployServices;
import org.streamfront.deploy.DeployWatcher;
import org.streamfront.address.AddressState;
import org.streamfront.address.Certificates;
import org.streamfront.address.HostNames;
import org.streamfront.address.OwnAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code domain add|status|remove}: the Own address step for scripts. */
@Command(name = "domain", description = "Serves a distribution at your own address (live.example.org) with a free certificate.",
        subcommands = {DomainCommand.Add.class, DomainCommand.Status.class, DomainCommand.Remove.class})
final class DomainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "add", description = "Asks for (or reuses) a certificate, shows or writes its DNS record, and once it is issued adds the address"
            + " to the distribution. Run it again to go on after a stop.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AwsOptions aws;

        @Parameters(index = "0", paramLabel = "ID", description = "The distribution id (E...).")
        String id;

        @Parameters(index = "1", paramLabel = "HOST", description = "The address viewers will use, e.g. live.example.org.")
        String host;

        @Option(names = "--route53", description = "Write the records to this account's Route 53 hosted zone for the domain.")
        boolean route53;

        @Option(names = "--wait", description = "Wait until the certificate is issued and the distribution serves the address.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h", converter = DurationConverter.class,
                description = "How long --wait may take (default ${DEFAULT-VALUE}); run again to go on after a timeout.")
        Duration timeout;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> bad = HostNames.problem(host);
            if (bad.isPresent()) {
                err.println("error: " + bad.get());
                return StreamFrontCommand.INVALID;
            }
            try (DeployServices services = aws.services()) {
                OwnAddress address = services.ownAddress();
                PrintedRecords printed = new PrintedRecords(err);
                AddressState state;
                try {
                    // Without --wait: one look (a few polls long), so the records to add are printed and the state saved.
                    state = address.add(id, host, route53, printed, await ? timeout : DeployWatcher.pollEvery(Duration.ofSeconds(2)).multipliedBy(7));
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    if (await) {
                        throw stillWaiting;
                    }
                    state = address.store().of(id).orElseThrow();
                }
                print(spec, DomainCommand.json(address.status(id, err::println).orElseThrow()).put("phase", state.phase().name()));
                return StreamFrontCommand.OK;
            } catch (Exception e) {
                return Failures.report(err, e);
            }
        }
    }

    /** Prints each record to add once, the first time the run knows it, with what public DNS shows. */
    private static final class PrintedRecords implements OwnAddress.Listener {
        private final PrintWriter err;
        private final java.util.Set<String> shown = new java.util.HashSet<>();

        PrintedRecords(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void log(String message) {
            err.println(message);
        }

        @Override
        public void changed(AddressState state, List<OwnAddress.RecordCheck> records) {
            for (OwnAddress.RecordCheck r : records) {
                if (!r.writtenByStreamFront() && shown.add(r.expected().toString())) {
                    err.println(Messages.get("cli.domain.addRecord", r.expected().name(), r.expected().type(), r.expected().value()));
                }
            }
        }
    }

    @Command(name = "status", description = "Shows the own address of a distribution: how far it is, its certificate, and its records in public DNS.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AwsOptions aws;

        @Parameters(paramLabel = "ID", description = "The distribution id (E...).")
        String id;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (DeployServices services = aws.services()) {
                Optional<OwnAddress.Status> status = services.ownAddress().status(id, err::println);
                if (status.isEmpty()) {
                    err.println("error: " + Messages.get("domain.none", id));
                    return StreamFrontCommand.FAILED;
                }
                status.get().records().forEach(r -> err.println(r.line()));
                print(spec, json(status.get()));
                return StreamFrontCommand.OK;
            } catch (Exception e) {
                return Failures.report(err, e);
            }
        }
    }

    @Command(name = "remove", description = "Takes the own address off the distribution and deletes the records and certificate StreamFront made for it.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AwsOptions aws;

        @Parameters(paramLabel = "ID", description = "The distribution id (E...).")
        String id;

        @Option(names = "--keep-certificate", description = "Keep the certificate StreamFront asked for (a certificate in use elsewhere is always kept).")
        boolean keepCertificate;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
                description = "How long the removal may take (default ${DEFAULT-VALUE}); run again to go on after a timeout.")
        Duration timeout;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (DeployServices services = aws.services()) {
                services.ownAddress().remove(id, keepCertificate, err::println, timeout);
                print(spec, JsonNodeFactory.instance.objectNode().put("id", id).put("address", "removed"));
                return StreamFrontCommand.OK;
            } catch (Exception e) {
                return Failures.report(err, e);
            }
        }
    }

    static ObjectNode json(OwnAddress.Status status) {
        AddressState s = status.state();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", s.distributionId()).put("host", s.host())
                .put("phase", s.phase().name()).put("url", "https://" + s.host() + "/streams/<stream id>.m3u8");
        Certificates.Certificate c = status.certificate();
        if (c != null) {
            out.put("certificate", c.arn()).put("certificateStatus", c.status());
        }
        out.put("dns", s.viaRoute53() ? "route53:" + s.zoneName() : "by hand");
        ArrayNode records = out.putArray("records");
        status.records().forEach(r -> records.addObject().put("name", r.expected().name()).put("type", r.expected().type())
                .put("value", r.expected().value()).put("seen", r.present()));
        return out;
    }

    private static void print(CommandSpec spec, ObjectNode json) {
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
    }
}
