package dev.vpnd.agent.charon;

import dev.vpnd.agent.vici.ViciEntry;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * charon's SA listings as {@link TunnelReport}s. A {@code list-sa} event holds one IKE_SA, a section
 * named after its connection, with its CHILD_SAs in {@code child-sas}; one tunnel may have several at
 * once (while one is rekeyed, or when both ends initiated), so the states of all of a connection's
 * SAs are folded into the best one and their counters are summed. An {@code ike-updown} or
 * {@code child-updown} event holds the same section, with {@code up = yes} when the SA came up and
 * no {@code up} at all when it went down.
 *
 * <p>An IKE_SA that a peer started and whose connection charon has not chosen yet is listed as
 * {@value #UNNAMED} (IKEv1 main mode learns the peer's identity, and so the connection, only in its
 * third exchange): it is no tunnel yet, and is left out, so that no reconciler takes it for a tunnel to
 * remove and cuts the negotiation short. A tunnel's name never has parentheses ({@link CharonConfig}).
 */
public final class TunnelReports {
    /** charon's name for an IKE_SA without a connection. */
    public static final String UNNAMED = "(unnamed)";

    private TunnelReports() {
    }

    /** One report per connection named in {@code listSaEvents}, in the order charon listed them. */
    public static Map<String, TunnelReport> fromListSas(List<ViciMessage> listSaEvents) {
        var tunnels = new LinkedHashMap<String, Tally>();
        for (ViciMessage event : listSaEvents) {
            for (ViciEntry.Section ikeSa : event.sections()) {
                if (!ikeSa.name().equals(UNNAMED)) {
                    tunnels.computeIfAbsent(ikeSa.name(), Tally::new).add(ikeSa.body());
                }
            }
        }
        var reports = new LinkedHashMap<String, TunnelReport>();
        tunnels.forEach((name, tally) -> reports.put(name, tally.report()));
        return reports;
    }

    /** The report of a tunnel charon lists no SA for. */
    public static TunnelReport absent(String name) {
        return new TunnelReport(name, SaState.ABSENT, SaState.ABSENT, 0, 0, 0, 0, null);
    }

    /** Which SA an up/down event is about. */
    public enum SaKind {
        IKE, CHILD
    }

    /**
     * An {@code ike-updown} or {@code child-updown} event: which tunnel, which SA, up or down, and the
     * tunnel as that one IKE_SA shows it (the SA that went down counted as absent). Other SAs of the
     * tunnel may still be up, so the agent takes an event as the cue to list the SAs again.
     */
    public record UpDown(String tunnel, SaKind kind, boolean up, TunnelReport report) {
    }

    /** The event, or an {@link IllegalArgumentException} when it is not an up/down event charon sends. */
    public static UpDown fromUpDown(String event, ViciMessage message) {
        SaKind kind = switch (event) {
            case "ike-updown" -> SaKind.IKE;
            case "child-updown" -> SaKind.CHILD;
            default -> throw new IllegalArgumentException("not an up/down event: " + event);
        };
        List<ViciEntry.Section> ikeSas = message.sections();
        if (ikeSas.size() != 1) {
            throw new IllegalArgumentException(event + " holds " + ikeSas.size() + " IKE_SAs, not one");
        }
        ViciEntry.Section ikeSa = ikeSas.getFirst();
        boolean up = message.string("up").map("yes"::equals).orElse(false);
        var tally = new Tally(ikeSa.name());
        tally.add(ikeSa.body());
        TunnelReport seen = tally.report();
        if (!up) {
            seen = new TunnelReport(seen.name(), kind == SaKind.IKE ? SaState.ABSENT : seen.ike(), SaState.ABSENT,
                    seen.bytesIn(), seen.bytesOut(), seen.packetsIn(), seen.packetsOut(), null);
        }
        return new UpDown(ikeSa.name(), kind, up, seen);
    }

    /** A tunnel's SAs added up. */
    private static final class Tally {
        private final String name;
        private SaState ike = SaState.ABSENT;
        private SaState child = SaState.ABSENT;
        private long bytesIn;
        private long bytesOut;
        private long packetsIn;
        private long packetsOut;

        Tally(String name) {
            this.name = name;
        }

        void add(ViciMessage ikeSa) {
            ike = SaStates.best(ike, SaStates.ike(ikeSa.string("state").orElse("")));
            ikeSa.section("child-sas").ifPresent(children -> {
                for (ViciEntry.Section childSa : children.sections()) {
                    ViciMessage body = childSa.body();
                    child = SaStates.best(child, SaStates.child(body.string("state").orElse("")));
                    bytesIn = sum(bytesIn, counter(body, "bytes-in"));
                    bytesOut = sum(bytesOut, counter(body, "bytes-out"));
                    packetsIn = sum(packetsIn, counter(body, "packets-in"));
                    packetsOut = sum(packetsOut, counter(body, "packets-out"));
                }
            });
        }

        TunnelReport report() {
            return new TunnelReport(name, ike, child, bytesIn, bytesOut, packetsIn, packetsOut, null);
        }

        /** Counters are unsigned 64-bit in charon: a sum that leaves a long's range stays at its maximum. */
        private static long sum(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        /** A counter, sent as an unsigned 64-bit decimal: beyond a long it stays at a long's maximum. */
        private static long counter(ViciMessage sa, String key) {
            String value = sa.string(key).orElse("0");
            try {
                long counter = Long.parseUnsignedLong(value);
                return counter < 0 ? Long.MAX_VALUE : counter;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
