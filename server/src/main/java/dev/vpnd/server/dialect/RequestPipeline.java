package dev.vpnd.server.dialect;

import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.ops.RequestOutcome;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, written once: parse the request to a typed call {@code C}, authenticate the
 * caller {@code K}, look the action {@code A} up in the dialect's {@link ActionTable}, check and
 * authorize the call, run it, and render the answer. Whatever goes wrong on the way ends as the
 * dialect's own error: a {@link WireFault} as thrown, a core {@link dev.vpnd.core.problem.Problem}
 * through the dialect's {@link ProblemTable}, anything else as its internal error, logged. The
 * request id is in the log context (SLF4J MDC {@code requestId}) for the whole request, and every
 * request is counted by dialect, action and error code.
 *
 * <p>A dialect supplies the parts; only the order of authentication and lookup is its choice,
 * because the clouds differ there and clients see it ({@link Order}).
 */
public abstract class RequestPipeline<C, K, A> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

    /** Whether the cloud authenticates a call before or after it looks up the action the call names. */
    protected enum Order {
        /** Signature errors come first; an unsigned caller learns nothing of the action table. */
        AUTHENTICATE_FIRST,
        /** The gateway routes the action (and checks its version) before it verifies the signature. */
        ACTION_FIRST
    }

    private final Metrics metrics;
    private final Order order;
    private final ActionTable<A> actions;
    private final ProblemTable problems;

    protected RequestPipeline(Metrics metrics, Order order, ActionTable<A> actions, ProblemTable problems) {
        this.metrics = metrics;
        this.order = order;
        this.actions = actions;
        this.problems = problems;
    }

    /** The dialect's name: the metrics' {@code dialect} label. */
    public abstract String name();

    /** A new request id in the cloud's form, for the answer, the log context and the metrics. */
    protected abstract String newRequestId();

    /** The typed call, or a {@link WireFault} when the request cannot be read as one. */
    protected abstract C parse(WireRequest request);

    /** Who signed the call, or a {@link WireFault} when the signature or credential is not good. */
    protected abstract K authenticate(WireRequest request, C call);

    /** The name of the action the call asks for; null or empty when it names none. */
    protected abstract String actionName(C call);

    /** The answer to a name the action table lacks. */
    protected abstract WireFault unknownAction(C call, String name);

    /** The answer to a call that names no action; by default the same as an unknown one. */
    protected WireFault missingAction(C call) {
        return unknownAction(call, "");
    }

    /** The metrics' action label of a call whose action is unknown; never taken from the request. */
    protected String unknownActionLabel(C call) {
        return "unknown";
    }

    /** Checks of the call that need no caller (its version, its region); by default none. */
    protected void check(C call, A action) {
    }

    /**
     * Whether the caller's policy allows the call (docs/security.md, "Key policies"), checked once,
     * after the call is authenticated and its action found and before anything runs; a refusal is
     * the dialect's own error. By default every caller may run every action.
     */
    protected void authorize(Exchange<C, K, A> exchange) {
    }

    /** Runs the admitted action and renders its success. */
    protected abstract WireResponse run(Exchange<C, K, A> exchange);

    /** Renders an error; {@code call} is empty when the request did not parse. */
    protected abstract WireResponse render(WireFault fault, Optional<C> call, String requestId);

    /** The answer to a failure of vpnd itself, which names no detail of it. */
    protected abstract WireFault internalError(String requestId);

    /** Answers one request: every request, good or bad, gets an answer in the dialect's form. */
    public final WireResponse handle(WireRequest request) {
        String requestId = newRequestId();
        return RequestOutcome.observe(metrics, name(), request, requestId,
                outcome -> answer(request, requestId, outcome));
    }

    private WireResponse answer(WireRequest request, String requestId, RequestOutcome outcome) {
        Optional<C> parsed = Optional.empty();
        try {
            C call = parse(request);
            parsed = Optional.of(call);
            K caller;
            A action;
            if (order == Order.AUTHENTICATE_FIRST) {
                caller = authenticate(request, call);
                action = find(call, outcome);
                check(call, action);
            } else {
                action = find(call, outcome);
                check(call, action);
                caller = authenticate(request, call);
            }
            var exchange = new Exchange<>(request, requestId, call, caller, action);
            authorize(exchange);
            return run(exchange);
        } catch (WireFault fault) {
            return error(fault, parsed, requestId, outcome);
        } catch (ProblemException problem) {
            return error(problems.fault(problem.problem()), parsed, requestId, outcome);
        } catch (RuntimeException e) {
            LOG.error("{} request {} failed", name(), requestId, e);
            return error(internalError(requestId), parsed, requestId, outcome);
        }
    }

    private A find(C call, RequestOutcome outcome) {
        String name = actionName(call);
        if (name == null || name.isEmpty()) {
            throw missingAction(call);
        }
        Optional<A> action = actions.find(name);
        if (action.isEmpty()) {
            outcome.action(unknownActionLabel(call));
            throw unknownAction(call, name);
        }
        outcome.action(name);
        return action.get();
    }

    private WireResponse error(WireFault fault, Optional<C> call, String requestId, RequestOutcome outcome) {
        outcome.code(fault.error().label());
        return render(fault, call, requestId);
    }
}
