package dev.vpnd.server.cli;

import dev.vpnd.core.dataplane.ConnectionRef;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.server.dialect.aliyun.AliyunIds;
import dev.vpnd.server.dialect.tencent.TencentIds;
import dev.vpnd.store.SecretKeyException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Runs a data-plane command against the database directly, as {@link Admin} does for accounts. */
final class DataPlaneAdmin {
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private DataPlaneAdmin() {
    }

    /**
     * The gateway an id names in any API's form: OpenStack's is the canonical UUID, Alibaba's
     * encodes it, Tencent's (and its legacy numbers) encode the gateway's serial.
     */
    static Optional<GatewayRef> resolve(DataPlaneService plane, String id) {
        if (UUID_FORM.matcher(id).matches()) {
            return plane.locateGateway(id);
        }
        var canonical = AliyunIds.decode(ResourceType.VPN_GATEWAY, id);
        if (canonical.isPresent()) {
            return plane.locateGateway(canonical.get());
        }
        var serial = TencentIds.gatewaySerial(id);
        return serial.isPresent() ? plane.locateGatewayBySerial(serial.getAsLong()) : Optional.empty();
    }

    /**
     * The connection an id names in any API's form: OpenStack's is the canonical UUID, Alibaba's
     * encodes it, Tencent's (and its legacy numbers) encode the connection's serial.
     */
    static Optional<ConnectionRef> resolveConnection(DataPlaneService plane, String id) {
        if (UUID_FORM.matcher(id).matches()) {
            return plane.locateConnection(id);
        }
        var canonical = AliyunIds.decode(ResourceType.VPN_CONNECTION, id);
        if (canonical.isPresent()) {
            return plane.locateConnection(canonical.get());
        }
        var serial = TencentIds.connectionSerial(id);
        return serial.isPresent() ? plane.locateConnectionBySerial(serial.getAsLong()) : Optional.empty();
    }

    /** Runs {@code work}, printing a failure; the exit status is {@code work}'s, or 1 when it failed. */
    static int run(DataOption data, Function<DataPlaneService, Integer> work) {
        return query(data, plane -> Optional.of(work.apply(plane))).orElse(1);
    }

    /**
     * Runs {@code work} and gives its value; empty when it found nothing (having said why) or failed,
     * in which case the reason has been printed here.
     */
    static <T> Optional<T> query(DataOption data, Function<DataPlaneService, Optional<T>> work) {
        try (var storage = data.openStorage()) {
            return work.apply(new DataPlaneService(storage, ServiceSettings.defaults(),
                    DataPlaneService.Timing.DEFAULT));
        } catch (ProblemException e) {
            System.err.println("vpnd: " + (e.problem() instanceof Problem.NotFound n ? "no " + (n.type()
                    == ResourceType.VPN_CONNECTION ? "VPN connection" : "VPN gateway") + " '" + n.id() + "'"
                    : e.problem().toString()));
            return Optional.empty();
        } catch (SecretKeyException e) {
            System.err.println("vpnd: " + e.getMessage());
            return Optional.empty();
        }
    }
}
