package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.service.IdentityService;
import dev.vpnd.core.service.NetworkingService;
import dev.vpnd.server.dialect.Exchange;
import dev.vpnd.server.dialect.RequestPipeline;
import dev.vpnd.server.dialect.WireFault;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neutron v2.0 on its own listener, on the shared pipeline. As keystonemiddleware in front of
 * neutron-server, the Keystone token is checked first (401; the project comes from it; only the
 * version document needs none), then the path is routed (404, a {@code .json} suffix allowed) and
 * the method (405). The actions are the generic list, show, create, update and delete of the kind
 * with its behaviour, each in one transaction ({@link Resources}). Every error is
 * {@code {"NeutronError": …}} except the 401, which is keystonemiddleware's ({@link NeutronRenderer}).
 */
public final class NeutronDialect extends RequestPipeline<NeutronCall, Caller, NeutronActions> implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronDialect.class);
    private static final Set<String> ROUTED_METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final IdentityService identity;
    private final Resources resources;
    private final IntSupplier keystonePort;

    /**
     * {@code keystonePort} is read per request: the Keystone listener may bind a free port after this
     * is built. A 401 names Keystone at that port on the host the client called.
     */
    public NeutronDialect(IdentityService identity, NetworkingService networking, IntSupplier keystonePort,
            Metrics metrics) {
        super(metrics, Order.AUTHENTICATE_FIRST, NeutronActions.TABLE, NeutronErrors.TABLE);
        this.identity = identity;
        this.keystonePort = keystonePort;
        this.resources = new Resources(networking);
    }

    /**
     * Brings what older versions stored up to date before the dialect serves: the documents they kept
     * of VPN services and site connections become the attributes beside the canonical records.
     */
    public static void upgradeStoredDocuments(NetworkingService networking) {
        int moved = LegacyDocuments.move(networking);
        if (moved > 0) {
            LOG.info("moved {} Neutron VPN service and site connection documents beside their canonical records",
                    moved);
        }
    }

    @Override
    public String name() {
        return "neutron";
    }

    /** The policy rules Neutron checks ({@code get_network}, {@code add_router_interface}), for users' policies. */
    public static Set<String> policyRules() {
        var rules = new TreeSet<String>(Routers.ACTIONS);
        for (Kind kind : Kinds.ALL) {
            for (String verb : List.of("get_", "create_", "update_", "delete_")) {
                rules.add(verb + kind.member());
            }
        }
        return rules;
    }

    /** A GET or HEAD: token validation, then a list or a show; nothing is written. */
    @Override
    public boolean onlyReads(WireRequest request) {
        return request.safeWithoutBody();
    }

    /** neutron-server's {@code X-Openstack-Request-Id} form; it names the request in the log. */
    @Override
    protected String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    @Override
    protected NeutronCall parse(WireRequest request) {
        return NeutronCall.parse(request);
    }

    /** The token's project and role; keystonemiddleware's 401 when the token is missing, unknown or expired. */
    @Override
    protected Caller authenticate(WireRequest request, NeutronCall call) {
        if (call.anonymous()) {
            return Caller.ANONYMOUS;
        }
        var session = identity.validate(request.header("x-auth-token"))
                .orElseThrow(() -> NeutronError.unauthorized(request.scheme() + "://" + request.hostName() + ":"
                        + keystonePort.getAsInt()));
        return new Caller(session.project().id(), session.admin(), session.user().policy());
    }

    @Override
    protected String actionName(NeutronCall call) {
        return call.action();
    }

    /** A path that names no resource is 404; a method the resource lacks is 405. */
    @Override
    protected WireFault unknownAction(NeutronCall call, String name) {
        return call.routed() ? NeutronError.HTTP_METHOD_NOT_ALLOWED.fault() : NeutronError.HTTP_NOT_FOUND.fault();
    }

    /** The resource (routed, so from a closed set) and the method, {@code other} unless Neutron routes it. */
    @Override
    protected String unknownActionLabel(NeutronCall call) {
        return call.routed() ? call.resource() + "." + (ROUTED_METHODS.contains(call.method()) ? call.method()
                : "other") : "unknown";
    }

    /**
     * The user's policy, over the rule Neutron checks for the call ({@code create_<member>},
     * {@code get_<member>}, a member action's name): a write it does not allow is 403
     * PolicyNotAuthorized; a show is the kind's 404 and a list is empty, as Neutron hides what a
     * caller may not get (a list is filtered in {@link Resources#list}).
     */
    @Override
    protected void authorize(Exchange<NeutronCall, Caller, NeutronActions> exchange) {
        NeutronCall call = exchange.call();
        Caller caller = exchange.caller();
        String rule = switch (exchange.action()) {
            case VERSIONS, ROOT, EXTENSIONS, EXTENSION, LIST -> null;
            case SHOW -> "get_" + call.kind().member();
            case CREATE -> "create_" + call.kind().member();
            case UPDATE -> "update_" + call.kind().member();
            case DELETE -> "delete_" + call.kind().member();
            case MEMBER_ACTION -> call.memberAction();
        };
        if (rule == null || caller.policy().allowsAction(rule)) {
            return;
        }
        if (exchange.action() == NeutronActions.SHOW) {
            throw call.kind().notFound(call.id());
        }
        throw NeutronError.POLICY_NOT_AUTHORIZED.fault(Policy.memberAction(rule).rule());
    }

    @Override
    protected WireResponse run(Exchange<NeutronCall, Caller, NeutronActions> exchange) {
        WireRequest request = exchange.request();
        NeutronCall call = exchange.call();
        Caller caller = exchange.caller();
        String requestId = exchange.requestId();
        return switch (exchange.action()) {
            case VERSIONS -> NeutronRenderer.versions(request.origin());
            case ROOT -> NeutronRenderer.json(200, Extensions.resources(request.origin()), true,
                    requestId);
            case EXTENSIONS -> NeutronRenderer.json(200, Extensions.list(), true, requestId);
            case EXTENSION -> NeutronRenderer.json(200, extension(call.id()), true, requestId);
            case LIST -> resources.list(request, caller, call.kind(), requestId);
            case SHOW -> resources.show(request, caller, call.kind(), call.id(), requestId);
            case CREATE -> resources.create(request, caller, call.kind(), requestId);
            case UPDATE -> resources.update(request, caller, call.kind(), call.id(), requestId);
            case DELETE -> resources.delete(caller, call.kind(), call.id(), requestId);
            case MEMBER_ACTION -> resources.routerInterface(request, caller, call.id(), call.memberAction(),
                    requestId);
        };
    }

    private static ObjectNode extension(String alias) {
        return Extensions.find(alias).orElseThrow(() -> NeutronError.EXTENSION_NOT_FOUND.fault(alias));
    }

    @Override
    protected WireResponse render(WireFault fault, Optional<NeutronCall> call, String requestId) {
        return NeutronRenderer.error(fault, requestId);
    }

    @Override
    protected WireFault internalError(String requestId) {
        return NeutronError.INTERNAL_SERVER_ERROR.fault();
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String requestId = newRequestId();
        if (status == 503) {
            return NeutronRenderer.error(NeutronError.SERVICE_UNAVAILABLE.fault(), requestId);
        }
        if (status >= 500) {
            return NeutronRenderer.error(internalError(requestId), requestId);
        }
        // The HTTP layer's own status (413, 414, 431, ...) with webob's type.
        return NeutronRenderer.error(status, NeutronError.HTTP_BAD_REQUEST.code(), reason, requestId);
    }
}
