package dev.vpnd.server.dialect.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.server.RunningVpnd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keystone (which answers without a token) and Neutron label their request metrics from closed sets
 * only: invented methods and paths add no series to {@code /metrics}.
 */
class RequestLabelsTest {
    @RegisterExtension
    static final RunningVpnd VPND = new RunningVpnd();
    private static final OpenStackCalls CALLS = new OpenStackCalls(VPND);
    private static final int INVENTED = 50;

    private static long series(String dialect) throws Exception {
        var metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(VPND.endpoints().get("admin")
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(l -> l.startsWith("vpnd_requests_seconds_count{")
                && l.contains("dialect=\"" + dialect + "\"")).count();
    }

    @Test
    void inventedMethodsAndPathsAddNoSeries() throws Exception {
        String token = CALLS.token("demo", "demo", "demo");
        for (int i = 0; i < INVENTED; i++) {
            CALLS.send("INVENT" + i, CALLS.keystone() + "/v3/auth/tokens", null, null);
            CALLS.send("GET", CALLS.keystone() + "/v3/invented-" + i, null, null);
            CALLS.send("INVENT" + i, CALLS.neutron() + "/v2.0/networks", token, null);
            CALLS.send("INVENT" + i, CALLS.neutron() + "/v2.0/routers/r/add_router_interface", token, null);
            CALLS.send("GET", CALLS.neutron() + "/v2.0/invented-" + i, token, null);
            CALLS.send("GET", CALLS.neutron() + "/v2.0/routers/r/invented-" + i, token, null);
        }
        var answer = CALLS.send("INVENT", CALLS.neutron() + "/v2.0/networks", token, null);
        assertThat(answer.status()).isEqualTo(405);
        // A handful of series each (sign-in, the "other" method, unknown routes), never one per request.
        assertThat(series("keystone")).isBetween(1L, 5L);
        assertThat(series("neutron")).isBetween(1L, 5L);
    }
}
