package dev.vpnd.server.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vpnd.agent.protocol.AgentJson;
import dev.vpnd.agent.protocol.HelloAnswer;
import dev.vpnd.agent.protocol.PlanAnswer;
import dev.vpnd.agent.protocol.ProtocolException;
import dev.vpnd.agent.protocol.ProtocolLimits;
import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.service.DataPlaneService;
import dev.vpnd.server.http.BodyLimits;
import dev.vpnd.server.http.Dialect;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.ops.RequestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent listener's calls (docs/agent-protocol.md): {@code POST /v1/agent/hello},
 * {@code GET /v1/agent/plan} and {@code POST /v1/agent/report}, each with a bearer token. A call
 * whose token vpnd does not take, for whatever reason, gets the same 401, so nothing answers whether
 * a token or a gateway exists; a token sees and speaks for its own gateways only. Every error is
 * JSON, {@code {"error": code, "message": why}}. Bodies and the plans they carry, pre-shared keys
 * included, are never logged.
 */
public final class AgentEndpoints implements Dialect {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEndpoints.class);
    private static final String JSON = "application/json";
    private static final String PREFIX = "/v1/agent/";
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final BodyLimits LIMITS = new BodyLimits(ProtocolLimits.MAX_BODY_BYTES,
            16 * ProtocolLimits.MAX_BODY_BYTES);

    private final DataPlaneService dataPlane;
    private final PlanWaits waits;
    private final Metrics metrics;

    AgentEndpoints(DataPlaneService dataPlane, PlanWaits waits, Metrics metrics) {
        this.dataPlane = dataPlane;
        this.waits = waits;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public BodyLimits bodyLimits() {
        return LIMITS;
    }

    /** The calls a path names; anything else is {@code unknown}, so labels stay a closed set. */
    private enum Call {
        HELLO("POST"), PLAN("GET"), REPORT("POST");

        final String method;

        Call(String method) {
            this.method = method;
        }

        static Optional<Call> of(String path) {
            if (!path.startsWith(PREFIX)) {
                return Optional.empty();
            }
            return switch (path.substring(PREFIX.length())) {
                case "hello" -> Optional.of(HELLO);
                case "plan" -> Optional.of(PLAN);
                case "report" -> Optional.of(REPORT);
                default -> Optional.empty();
            };
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public WireResponse handle(WireRequest request) {
        return RequestOutcome.observe(metrics, name(), request, UUID.randomUUID().toString(), outcome -> {
            var call = Call.of(request.path());
            if (call.isEmpty()) {
                return error(outcome, 404, "not_found", "no such call");
            }
            outcome.action(call.get().label());
            var token = authenticate(request);
            if (token.isEmpty()) {
                return unauthorized(outcome);
            }
            if (!request.method().equals(call.get().method)) {
                return new WireResponse(405, JSON, errorBody("method_not_allowed", call.get().method + " only"),
                        Map.of("Allow", call.get().method));
            }
            try {
                return switch (call.get()) {
                    case HELLO -> hello(request, token.get());
                    case PLAN -> plan(request, token.get(), outcome);
                    case REPORT -> report(request, token.get());
                };
            } catch (ProtocolException | IllegalArgumentException e) {
                return error(outcome, 400, "bad_request", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return error(outcome, 503, "stopping", "vpnd is stopping; call again");
            } catch (RuntimeException e) {
                LOG.error("agent {} call failed", call.get().label(), e);
                return error(outcome, 500, "internal", "internal error");
            }
        });
    }

    /** The token of {@code Authorization: Bearer TOKEN}, when vpnd issued it and it is not revoked. */
    private Optional<AgentToken> authenticate(WireRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return dataPlane.authenticate(authorization.substring(7).strip());
    }

    private WireResponse hello(WireRequest request, AgentToken token) {
        var hello = AgentJson.decodeHello(request.body());
        var gateways = dataPlane.hello(token, hello.publicAddress(), hello.agent(), hello.daemon());
        var timing = dataPlane.timing();
        return json(200, AgentJson.encode(new HelloAnswer(gateways, (int) timing.maxWait().toSeconds(),
                (int) timing.reportEvery().toSeconds(), (int) timing.silentAfter().toSeconds())));
    }

    /**
     * The plans at once when one is past {@code after} (always for {@code after=0}), else after the
     * wait: 200 with them as soon as one moves on, 204 when none did within {@code wait} seconds
     * (at most the hello answer's {@code waitSeconds}).
     */
    private WireResponse plan(WireRequest request, AgentToken token, RequestOutcome outcome)
            throws InterruptedException {
        var query = QueryString.parse(request.rawQuery());
        long after = number(query, "after");
        Duration wait = Duration.ofSeconds(Math.min(number(query, "wait"), dataPlane.timing().maxWait().toSeconds()));
        if (after > 0) {
            switch (waits.await(token, after, wait)) {
                case CHANGED -> {
                }
                case TIMED_OUT, CLOSED -> {
                    return new WireResponse(204, null, new byte[0], Map.of());
                }
                case BUSY -> {
                    return new WireResponse(503, JSON, errorBody("busy", "too many plan waits; call again shortly"),
                            Map.of("Retry-After", "1"));
                }
            }
        }
        var plans = dataPlane.plans(token);
        byte[] body = AgentJson.encode(new PlanAnswer(plans.revision(), plans.gateways()));
        if (body.length > ProtocolLimits.MAX_BODY_BYTES) {
            LOG.warn("the plans of agent token {} ({} gateways, {} tunnels) take {} bytes, more than the protocol's {}",
                    token.id(), plans.gateways().size(), plans.gateways().stream().mapToInt(g -> g.tunnels().size())
                            .sum(), body.length, ProtocolLimits.MAX_BODY_BYTES);
            return error(outcome, 500, "plan_too_large", "the plans of this token do not fit one answer");
        }
        return json(200, body);
    }

    private WireResponse report(WireRequest request, AgentToken token) {
        dataPlane.report(token, AgentJson.decodeReport(request.body()).gateways());
        return new WireResponse(204, null, new byte[0], Map.of());
    }

    /** A query parameter as a whole number; 0 when absent. */
    private static long number(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + ": not a whole number from 0");
        }
        return Long.parseLong(value);
    }

    private WireResponse unauthorized(RequestOutcome outcome) {
        outcome.code("unauthorized");
        return new WireResponse(401, JSON, errorBody("unauthorized", "a valid agent token is required"),
                Map.of("WWW-Authenticate", "Bearer realm=\"vpnd agent\""));
    }

    private static WireResponse error(RequestOutcome outcome, int status, String code, String message) {
        outcome.code(code);
        return new WireResponse(status, JSON, errorBody(code, message), Map.of());
    }

    private static WireResponse json(int status, byte[] body) {
        return new WireResponse(status, JSON, body, Map.of());
    }

    static byte[] errorBody(String code, String message) {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("error", code);
            out.writeStringField("message", message == null ? "" : message);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public WireResponse protocolError(int status, String reason) {
        String code = switch (status) {
            case 413 -> "too_large";
            case 408 -> "timeout";
            case 503 -> "busy";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        return new WireResponse(status, JSON, errorBody(code, reason), Map.of());
    }
}
