package org.streamfront.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.streamfront.Numbers;
import org.streamfront.Messages;
import org.streamfront.origin.Check;
import org.streamfront.playback.HeadlessPlayer;
import org.streamfront.playback.StreamCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "HLS and CDN check of a playlist URL; exit 0 when healthy.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The playlist, e.g. https://d123.cloudfront.net/streams/stream1.m3u8")
    String address;

    @Option(names = "--play", paramLabel = "SECONDS", description = "Also play it in a hidden player for this long and report the time to the first frame.")
    Integer playSeconds;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        URI url;
        try {
            url = new URI(address.strip());
        } catch (URISyntaxException e) {
            url = null;
        }
        var unusable = StreamCheck.unusable(url);
        if (unusable.isPresent() || playSeconds != null && playSeconds <= 0) {
            spec.commandLine().getErr().println("error: " + unusable.orElse(Messages.get("cli.check.playSeconds"))
                    + " (" + address + (playSeconds != null ? ", --play " + playSeconds : "") + ")");
            return StreamFrontCommand.INVALID;
        }
        StreamCheck.Report report = new StreamCheck().run(url);
        for (Check c : report.checks()) {
            String mark = switch (c.mark()) {
                case GREEN -> "ok  ";
                case AMBER -> "warn";
                case RED -> "FAIL";
            };
            out.println(mark + " " + c.id() + ": " + c.summary());
            out.println("     " + c.detail());
        }
        boolean healthy = report.healthy();
        if (playSeconds != null && healthy) {
            HeadlessPlayer.Result played = HeadlessPlayer.play(url, Duration.ofSeconds(playSeconds));
            if (played.firstFrameMillis() >= 0) {
                out.println("ok   play: " + Messages.get("cli.check.played", played.firstFrameMillis(), Numbers.decimals(played.playedSeconds(), 1))
                        + (played.withoutSound() ? " " + Messages.get("cli.check.pictureOnly") : ""));
            } else {
                out.println("FAIL play: " + played.problem());
                healthy = false;
            }
        }
        out.println(healthy ? "healthy" : "not healthy");
        out.flush();
        return healthy ? StreamFrontCommand.OK : StreamFrontCommand.FAILED;
    }
}
