package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.model.VpnConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The JSON of the connections this node listed lately, reused while a connection reads back the
 * same: clients poll the same first pages over and over, and writing a connection's fifty-odd
 * fields cost more than reading them. The connection is still read from the store on every call;
 * its JSON is reused only when the row is the same version (its revision: every write of a
 * connection's columns or tunnels stores a new one, which is also what keeps concurrent writers,
 * on any node, from overwriting each other), its tags are the same (tags are rows of their own and
 * leave the revision alone), and its {@code State} at this call's time is the one written. Whole
 * record equality would say the same at several times the cost. Connections whose view shows a
 * customer gateway's ASN (BGP on the connection or on its tunnels) are never kept, as that ASN
 * belongs to another record, whose changes leave the connection's revision alone. Everything else
 * the view shows is the connection's own row, its tunnels' rows or derived from them (the flat
 * subnets from the security policies, EffectImmediately from the initiation); a field taken from
 * any other record (the gateway's zone or ASN, say) would need the same treatment as the ASN.
 *
 * <p>Bounded by two generations of at most {@link #GENERATION} entries each: a hit in the older one
 * moves the entry to the current one, and when the current one is full it becomes the older one
 * (the previous older one is dropped), which keeps roughly the most recently listed connections.
 */
final class ListedConnectionCache {
    /** Ten thousand entries are the first pages of a thousand gateways, about 30 MiB of JSON. */
    static final int GENERATION = 10_000;

    private record Rendered(long revision, List<Tag> tags, String state, SerializedString json) {
        boolean showsTheSame(VpnConnection c, String currentState) {
            return revision == c.revision() && state.equals(currentState) && sameTags(tags, c.tags());
        }
    }

    private final JsonFactory json = new JsonFactory();
    private volatile Map<String, Rendered> current = new ConcurrentHashMap<>();
    private volatile Map<String, Rendered> older = Map.of();

    /** The connection as an item of a DescribeVpnConnections page: kept JSON when still exact, else fresh. */
    Object item(VpnConnection c, Instant now, ToLongFunction<String> peerAsn) {
        BodyFields view = VpnConnectionView.of(c, now, "Tag", peerAsn);
        if (c.bgp().enabled() || c.enableTunnelsBgp()) {
            return view;
        }
        String state = VpnConnectionView.state(c, now);
        Rendered kept = find(c.id());
        if (kept == null || !kept.showsTheSame(c, state)) {
            kept = new Rendered(c.revision(), c.tags(), state, new SerializedString(render(view)));
            keep(c.id(), kept);
        }
        return new RawJson(kept.json());
    }

    private Rendered find(String id) {
        Rendered kept = current.get(id);
        if (kept == null) {
            kept = older.get(id);
            if (kept != null) {
                keep(id, kept);
            }
        }
        return kept;
    }

    private void keep(String id, Rendered rendered) {
        Map<String, Rendered> generation = current;
        generation.put(id, rendered);
        if (generation.size() >= GENERATION) {
            synchronized (this) {
                if (current == generation) {
                    older = generation;
                    current = new ConcurrentHashMap<>();
                }
            }
        }
    }

    private static boolean sameTags(List<Tag> a, List<Tag> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).key().equals(b.get(i).key()) || !a.get(i).value().equals(b.get(i).value())) {
                return false;
            }
        }
        return true;
    }

    /** The view as one JSON object, written by the same generator type that writes whole bodies. */
    private String render(BodyFields view) {
        var bytes = new ByteArrayBuilder(2048);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            view.writeFields(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
