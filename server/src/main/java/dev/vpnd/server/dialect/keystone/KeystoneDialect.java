package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.IdentityService;
import dev.vpnd.core.service.IdentityService.Session;
import dev.vpnd.server.dialect.keystone.KeystoneError.KeystoneFault;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone v3 on its own listener. Routes are a table of path and method to handler; every answer,
 * errors included, is JSON in Keystone's form. URLs in answers (the {@code self} link, the catalog)
 * use the host the client called, so a client on another machine gets addresses it can reach.
 */
public final class KeystoneDialect implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneDialect.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";

    @FunctionalInterface
    private interface Handler {
        WireResponse handle(WireRequest request);
    }

    private record Route(String action, Map<String, Handler> byMethod) {
    }

    private final IdentityService identity;
    private final IntSupplier neutronPort;
    private final Metrics metrics;
    private final LoginThrottle throttle;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** {@code neutronPort} is read per request: the Neutron listener may bind a free port after this is built. */
    public KeystoneDialect(IdentityService identity, IntSupplier neutronPort, Metrics metrics) {
        this(identity, neutronPort, metrics, new LoginThrottle(LoginThrottle.Limits.DEFAULT, InstantSource.system()));
    }

    KeystoneDialect(IdentityService identity, IntSupplier neutronPort, Metrics metrics, LoginThrottle throttle) {
        this.identity = identity;
        this.neutronPort = neutronPort;
        this.metrics = metrics;
        this.throttle = throttle;
        routes.put("/", new Route("Versions", Map.of("GET", this::versions)));
        routes.put("/v3", new Route("Version", Map.of("GET", this::version)));
        routes.put("/v3/", new Route("Version", Map.of("GET", this::version)));
        routes.put("/v3/auth/tokens", new Route("Tokens", Map.of(
                "POST", this::issue,
                "GET", r -> check(r, true),
                "HEAD", r -> check(r, false),
                "DELETE", this::revoke)));
    }

    @Override
    public String name() {
        return "keystone";
    }

    /** A GET or HEAD: discovery, the catalog, a token validated; nothing is written. */
    @Override
    public boolean onlyReads(WireRequest request) {
        return request.safeWithoutBody();
    }

    @Override
    public WireResponse handle(WireRequest request) {
        String action = "unknown";
        String outcome = "ok";
        try {
            Route route = routes.get(request.path());
            if (route == null) {
                throw KeystoneError.NOT_FOUND.fault("The resource could not be found.");
            }
            Handler handler = route.byMethod().get(request.method());
            // The label's method comes from the route table, never from the request: series stay bounded.
            action = route.action() + "." + (handler == null ? "other" : request.method());
            if (handler == null) {
                throw KeystoneError.METHOD_NOT_ALLOWED.fault("The method is not allowed for the requested URL.");
            }
            return handler.handle(request);
        } catch (KeystoneFault fault) {
            outcome = String.valueOf(fault.error.status);
            return error(fault.error, fault.getMessage(), fault.headers);
        } catch (RuntimeException e) {
            LOG.error("keystone request failed", e);
            outcome = "500";
            return error(KeystoneError.INTERNAL, "An unexpected error prevented the server from fulfilling your request.");
        } finally {
            metrics.request(name(), action, outcome, Duration.between(request.receivedAt(), Instant.now()));
        }
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        if (status == 503) {
            return error(KeystoneError.UNAVAILABLE, "The service is stopping; retry shortly.");
        }
        var error = KeystoneError.ofStatus(status);
        return error(error, error == KeystoneError.INTERNAL ? "An unexpected error prevented the server from "
                + "fulfilling your request." : reason);
    }

    private WireResponse versions(WireRequest request) {
        return json(300, KeystoneDocuments.versions(baseUrl(request)), Map.of());
    }

    private WireResponse version(WireRequest request) {
        var root = MAPPER.createObjectNode();
        root.set("version", KeystoneDocuments.version(baseUrl(request)));
        return json(200, root, Map.of());
    }

    /**
     * {@code POST /v3/auth/tokens}: 201 with the token in {@code X-Subject-Token}, or 401 whatever was
     * wrong; a 401 with {@code Retry-After}, and no password checked, while the user or the client's
     * address is throttled ({@link LoginThrottle}).
     */
    private WireResponse issue(WireRequest request) {
        var auth = PasswordAuth.parse(body(request));
        var admitted = switch (throttle.begin(auth.throttleKey(), request.remoteAddress())) {
            case LoginThrottle.Refused refused -> throw PasswordAuth.throttled(refused.retryAfterSeconds());
            case LoginThrottle.Admitted attempt -> attempt;
        };
        Optional<IdentityService.Issued> issued;
        try {
            issued = identity.signIn(auth.userId(), auth.userName(), auth.password(), auth.projectId(),
                    auth.projectName());
        } catch (RuntimeException e) {
            // The store failed, not the client: the attempt ends without counting.
            admitted.abandoned();
            throw e;
        }
        if (issued.isEmpty()) {
            admitted.failed();
            throw PasswordAuth.unauthorized();
        }
        admitted.succeeded();
        return json(201, tokenBody(request, issued.get().session(), true),
                Map.of("X-Subject-Token", issued.get().token()));
    }

    /**
     * {@code GET/HEAD /v3/auth/tokens}: the caller's own token in {@code X-Auth-Token} must be valid
     * (else 401); the one in {@code X-Subject-Token} is described, or 404 when unknown or expired.
     */
    private WireResponse check(WireRequest request, boolean withBody) {
        caller(request);
        String subject = request.header("x-subject-token");
        Session session = identity.validate(subject).orElseThrow(() -> KeystoneError.NOT_FOUND.fault(
                "Could not find token: " + subject + "."));
        if (!withBody) {
            return new WireResponse(200, JSON, new byte[0], Map.of("X-Subject-Token", subject));
        }
        boolean catalog = !"nocatalog".equals(queryFlag(request));
        return json(200, tokenBody(request, session, catalog), Map.of("X-Subject-Token", subject));
    }

    private WireResponse revoke(WireRequest request) {
        caller(request);
        if (!identity.revoke(request.header("x-subject-token"))) {
            throw KeystoneError.NOT_FOUND.fault("Could not find token: " + request.header("x-subject-token") + ".");
        }
        return new WireResponse(204, JSON, new byte[0], Map.of());
    }

    private Session caller(WireRequest request) {
        return identity.validate(request.header("x-auth-token")).orElseThrow(PasswordAuth::unauthorized);
    }

    private JsonNode tokenBody(WireRequest request, Session session, boolean catalog) {
        return KeystoneDocuments.token(session, baseUrl(request), request.scheme() + "://" + host(request) + ":"
                + neutronPort.getAsInt(), catalog);
    }

    private static String queryFlag(WireRequest request) {
        String query = request.rawQuery();
        return query != null && query.contains("nocatalog") ? "nocatalog" : "";
    }

    private static JsonNode body(WireRequest request) {
        try {
            JsonNode body = MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw KeystoneError.BAD_REQUEST.fault("Expecting to find auth in request body.");
            }
            return body;
        } catch (IOException e) {
            throw KeystoneError.BAD_REQUEST.fault("The request body is not valid JSON.");
        }
    }

    /** {@code http://HOST[:PORT]} (or {@code https://}) as the client addressed this listener. */
    private static String baseUrl(WireRequest request) {
        String host = request.header("host");
        return request.scheme() + "://" + (host == null || host.isEmpty() ? "localhost" : host);
    }

    /** The host part of the {@code Host} header (an IPv6 literal keeps its brackets). */
    private static String host(WireRequest request) {
        String host = request.header("host");
        if (host == null || host.isEmpty()) {
            return "localhost";
        }
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    private static WireResponse error(KeystoneError error, String message) {
        return error(error, message, Map.of());
    }

    private static WireResponse error(KeystoneError error, String message, Map<String, String> extraHeaders) {
        var headers = new LinkedHashMap<>(extraHeaders);
        if (error == KeystoneError.UNAUTHORIZED) {
            headers.put("WWW-Authenticate", "Keystone uri=\"/v3\"");
        }
        return json(error.status, KeystoneDocuments.error(error, message), headers);
    }

    private static WireResponse json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new WireResponse(status, JSON, MAPPER.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
