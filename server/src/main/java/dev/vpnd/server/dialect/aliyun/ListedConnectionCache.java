package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.model.VpnConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JSON of the connections this node listed lately, reused while a connection reads back the
 * same: clients poll the same first pages over and over, and writing a connection's fifty-odd
 * fields cost more than reading them. The connection still comes from the store on every call;
 * its JSON is reused only when the row is the same version (its revision: every write of a
 * connection's columns, tunnels or tags stores a new one, which is also what keeps concurrent
 * writers, on any node, from overwriting each other) and its {@code State} at this call's time and
 * its health check's {@code Status} (the agent's verdict, kept with the tunnel's observation, not in
 * the row) are the ones written, and what it shows of its gateway and customer gateways (their
 * {@link Surroundings}: addresses, network type, ASNs, BGP keys), whose changes leave the
 * connection's revision alone, is what it was. Everything else the view shows is the connection's
 * own row, its tunnels' rows, its tags, or derived from them (the flat subnets from the security
 * policies, EffectImmediately from the initiation); a field taken from any other record must be
 * part of the surroundings.
 */
final class ListedConnectionCache {
    /** Ten thousand entries are the first pages of a thousand gateways, about 30 MiB of JSON. */
    static final int CAPACITY = 10_000;

    private record Rendered(long revision, String state, String healthStatus, Surroundings around,
            SerializedString json) {
    }

    private final Cache<String, Rendered> rendered = Caffeine.newBuilder().maximumSize(CAPACITY)
            // Upkeep runs on the calling thread: handing it to the common pool costs more on two cores.
            .executor(Runnable::run).build();
    /**
     * Reads leave the eviction order alone, as in the store's record cache: recording them dirtied
     * old-generation cards on every request, which each young collection then had to scan.
     */
    private final Policy<String, Rendered> quietly = rendered.policy();

    /**
     * The connection as an item of a DescribeVpnConnections page, its health check's verdict
     * {@code health}, among {@code around}: kept JSON when still exact, else fresh.
     */
    Object item(VpnConnection c, Instant now, Health health, Surroundings around) {
        BodyFields view = VpnConnectionView.of(c, now, "Tag", health, around);
        String state = VpnConnectionView.state(c, now);
        String healthStatus = VpnConnectionView.healthStatus(AliyunConfigs.healthCheckOrDefault(c.healthCheck()),
                health);
        Rendered kept = quietly.getIfPresentQuietly(c.id());
        if (kept == null || kept.revision() != c.revision() || !kept.state().equals(state)
                || !kept.healthStatus().equals(healthStatus) || !kept.around().equals(around)) {
            kept = new Rendered(c.revision(), state, healthStatus, around, new SerializedString(render(view)));
            rendered.put(c.id(), kept);
        }
        return new RawJson(kept.json());
    }

    /** The view as one JSON object, written by the same generator type that writes whole bodies. */
    private String render(BodyFields view) {
        var bytes = new ByteArrayBuilder(2048);
        try (JsonGenerator out = AliyunRenderer.JSON.createGenerator(bytes)) {
            out.writeStartObject();
            view.writeFields(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
