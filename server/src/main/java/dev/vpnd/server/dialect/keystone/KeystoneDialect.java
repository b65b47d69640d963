package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.core.service.IdentityService;
import dev.vpnd.core.service.IdentityService.Session;
import dev.vpnd.server.dialect.Exchange;
import dev.vpnd.server.dialect.RequestPipeline;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Keystone v3 on its own listener, on the shared pipeline: the path is routed first (404), then the
 * method (405), and the token is checked by the actions that need one. Every answer, errors
 * included, is JSON in Keystone's form. URLs in answers (the {@code self} link, the catalog) use the
 * host the client called, so a client on another machine gets addresses it can reach.
 */
public final class KeystoneDialect extends RequestPipeline<KeystoneCall, KeystoneCaller, KeystoneActions>
        implements Dialect {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IdentityService identity;
    private final String region;
    private final IntSupplier neutronPort;
    private final LoginThrottle throttle;

    /**
     * The catalog's endpoints are in {@code region}, the OpenStack name of the region Neutron
     * serves. {@code neutronPort} is read per request: the Neutron listener may bind a free port
     * after this is built.
     */
    public KeystoneDialect(IdentityService identity, String region, IntSupplier neutronPort, Metrics metrics) {
        this(identity, region, neutronPort, metrics,
                new LoginThrottle(LoginThrottle.Limits.DEFAULT, InstantSource.system()));
    }

    KeystoneDialect(IdentityService identity, String region, IntSupplier neutronPort, Metrics metrics,
            LoginThrottle throttle) {
        super(metrics, Order.ACTION_FIRST, KeystoneActions.TABLE, KeystoneErrors.TABLE);
        this.identity = identity;
        this.region = region;
        this.neutronPort = neutronPort;
        this.throttle = throttle;
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

    /** Keystone's {@code x-openstack-request-id} form; it names the request in the log. */
    @Override
    protected String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    @Override
    protected KeystoneCall parse(WireRequest request) {
        return KeystoneCall.parse(request);
    }

    @Override
    protected KeystoneCaller authenticate(WireRequest request, KeystoneCall call) {
        return new KeystoneCaller(identity, request.header("x-auth-token"));
    }

    @Override
    protected String actionName(KeystoneCall call) {
        return call.action();
    }

    @Override
    protected WireFault unknownAction(KeystoneCall call, String name) {
        return KeystoneError.METHOD_NOT_ALLOWED.fault();
    }

    /** The label's method comes from the action table, never from the request: series stay bounded. */
    @Override
    protected String unknownActionLabel(KeystoneCall call) {
        return call.resource() + ".other";
    }

    @Override
    protected WireResponse run(Exchange<KeystoneCall, KeystoneCaller, KeystoneActions> exchange) {
        WireRequest request = exchange.request();
        KeystoneCaller caller = exchange.caller();
        return switch (exchange.action()) {
            case VERSIONS -> KeystoneRenderer.json(300, KeystoneDocuments.versions(request.origin()), Map.of());
            case VERSION -> version(request);
            case ISSUE_TOKEN -> issue(request);
            case CHECK_TOKEN -> check(request, caller, true);
            case CHECK_TOKEN_HEAD -> check(request, caller, false);
            case REVOKE_TOKEN -> revoke(request, caller);
        };
    }

    @Override
    protected WireResponse render(WireFault fault, Optional<KeystoneCall> call, String requestId) {
        return KeystoneRenderer.error(fault, call.map(KeystoneCall::identityUrl));
    }

    @Override
    protected WireFault internalError(String requestId) {
        return KeystoneError.INTERNAL.fault();
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        if (status == 503) {
            return KeystoneRenderer.error(KeystoneError.UNAVAILABLE.fault(), Optional.empty());
        }
        var error = KeystoneError.ofStatus(status);
        return KeystoneRenderer.error(error == KeystoneError.INTERNAL ? error.fault() : error.fault(reason),
                Optional.empty());
    }

    private WireResponse version(WireRequest request) {
        var root = MAPPER.createObjectNode();
        root.set("version", KeystoneDocuments.version(request.origin()));
        return KeystoneRenderer.json(200, root, Map.of());
    }

    /**
     * {@code POST /v3/auth/tokens}: 201 with the token in {@code X-Subject-Token}, or 401 whatever was
     * wrong; a 401 with {@code Retry-After}, and no password checked, while the user or the client's
     * address is throttled ({@link LoginThrottle}). A token is exchanged unthrottled: it cannot be
     * guessed.
     */
    private WireResponse issue(WireRequest request) {
        Optional<IdentityService.Issued> issued = switch (AuthRequest.parse(body(request))) {
            case PasswordAuth password -> signIn(request, password);
            case TokenAuth token -> identity.exchange(token.token(), token.projectId(), token.projectName());
        };
        if (issued.isEmpty()) {
            throw PasswordAuth.unauthorized();
        }
        return KeystoneRenderer.json(201, tokenBody(request, issued.get().session(), true),
                Map.of("X-Subject-Token", issued.get().token()));
    }

    /** The password method, counted by the throttle: a guess costs the guesser, never the store. */
    private Optional<IdentityService.Issued> signIn(WireRequest request, PasswordAuth auth) {
        var admitted = switch (throttle.begin(auth.throttleKey(identity::userIdOf), request.remoteAddress())) {
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
        } else {
            admitted.succeeded();
        }
        return issued;
    }

    /**
     * {@code GET/HEAD /v3/auth/tokens}: the caller's own token in {@code X-Auth-Token} must be valid
     * (else 401); the one in {@code X-Subject-Token} is described, or 404 when unknown or expired.
     */
    private WireResponse check(WireRequest request, KeystoneCaller caller, boolean withBody) {
        caller.session();
        String subject = request.header("x-subject-token");
        Session session = identity.validate(subject).orElseThrow(() -> KeystoneError.NOT_FOUND.fault(
                "Could not find token: " + subject + "."));
        if (!withBody) {
            return KeystoneRenderer.empty(200, Map.of("X-Subject-Token", subject));
        }
        boolean catalog = !"nocatalog".equals(queryFlag(request));
        return KeystoneRenderer.json(200, tokenBody(request, session, catalog), Map.of("X-Subject-Token", subject));
    }

    private WireResponse revoke(WireRequest request, KeystoneCaller caller) {
        caller.session();
        if (!identity.revoke(request.header("x-subject-token"))) {
            throw KeystoneError.NOT_FOUND.fault("Could not find token: " + request.header("x-subject-token") + ".");
        }
        return KeystoneRenderer.empty(204, Map.of());
    }

    private JsonNode tokenBody(WireRequest request, Session session, boolean catalog) {
        return KeystoneDocuments.token(session, request.origin(), request.scheme() + "://" + request.hostName() + ":"
                + neutronPort.getAsInt(), region, catalog);
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
}
