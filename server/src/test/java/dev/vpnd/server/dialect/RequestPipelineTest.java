package dev.vpnd.server.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.server.http.WireRequest;
import dev.vpnd.server.http.WireResponse;
import dev.vpnd.server.ops.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The skeleton through a dialect made for the test: a call is the query {@code action[:key]}, the key
 * {@code good} signs, and an answer is {@code status code message requestId} in plain text.
 */
class RequestPipelineTest {
    private static final Metrics METRICS = new Metrics();

    private enum TestError implements WireError {
        UNKNOWN_ACTION(404, "UnknownAction", "No action %s."),
        MISSING_ACTION(400, "MissingAction", "Name an action."),
        UNSIGNED(401, "Unsigned", "Bad key."),
        READ_ONLY(403, "ReadOnly", "Read-only key."),
        NOT_FOUND(404, "NotFound", "No %s."),
        OTHER(400, "Other", "Other problem."),
        INTERNAL(500, "Internal", "Something failed.");

        private final int status;
        private final String code;
        private final String template;

        TestError(int status, String code, String template) {
            this.status = status;
            this.code = code;
            this.template = template;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public String template() {
            return template;
        }

        WireFault fault(String detail) {
            return new WireFault(this, code, template.replace("%s", detail));
        }
    }

    private record Call(String action, String key) {
    }

    private record Action(boolean writes, Function<Exchange<Call, String, Action>, String> body) {
    }

    /** Maps NotFound by type; everything else is Other (a real table names every variant). */
    private static final ProblemTable PROBLEMS = problem -> problem instanceof Problem.NotFound nf
            ? TestError.NOT_FOUND.fault(nf.type().name()) : TestError.OTHER.fault("");

    private static final class TestDialect extends RequestPipeline<Call, String, Action> {
        private final AtomicInteger ids = new AtomicInteger();

        TestDialect(Order order, Map<String, Action> actions) {
            super(METRICS, order, new ActionTable<>(actions), PROBLEMS);
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        protected String newRequestId() {
            return "req-" + ids.incrementAndGet();
        }

        @Override
        protected Call parse(WireRequest request) {
            String query = request.rawQuery() == null ? "" : request.rawQuery();
            int colon = query.indexOf(':');
            return colon < 0 ? new Call(query, "") : new Call(query.substring(0, colon), query.substring(colon + 1));
        }

        @Override
        protected String authenticate(WireRequest request, Call call) {
            if (!call.key().equals("good") && !call.key().equals("reader")) {
                throw TestError.UNSIGNED.fault("");
            }
            return call.key();
        }

        @Override
        protected String actionName(Call call) {
            return call.action();
        }

        @Override
        protected WireFault missingAction(Call call) {
            return TestError.MISSING_ACTION.fault("");
        }

        @Override
        protected WireFault unknownAction(Call call, String name) {
            return TestError.UNKNOWN_ACTION.fault(name);
        }

        @Override
        protected void authorize(Exchange<Call, String, Action> exchange) {
            if (exchange.caller().equals("reader") && exchange.action().writes()) {
                throw TestError.READ_ONLY.fault("");
            }
        }

        @Override
        protected WireResponse run(Exchange<Call, String, Action> exchange) {
            return WireResponse.text(200, "200 ok " + exchange.action().body().apply(exchange) + " "
                    + exchange.requestId());
        }

        @Override
        protected WireResponse render(WireFault fault, Optional<Call> call, String requestId) {
            return WireResponse.text(fault.status(), fault.status() + " " + fault.code() + " " + fault.getMessage()
                    + " " + requestId);
        }

        @Override
        protected WireFault internalError(String requestId) {
            return TestError.INTERNAL.fault("");
        }
    }

    private static final Map<String, Action> ACTIONS = Map.of(
            "Echo", new Action(false, exchange -> exchange.caller()),
            "LogContext", new Action(false, exchange -> MDC.get("requestId")),
            "Write", new Action(true, exchange -> "written"),
            "Missing", new Action(false, exchange -> {
                throw new ProblemException(new Problem.NotFound(ResourceType.VPC, "vpc-1"));
            }),
            "Conflict", new Action(false, exchange -> {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.VPC, "vpc-1"));
            }),
            "Crash", new Action(false, exchange -> {
                throw new IllegalStateException("secret detail");
            }));

    private static String answer(TestDialect dialect, String query) {
        var request = new WireRequest("GET", "/", query, Map.of(), new byte[0], Instant.now(), "127.0.0.1");
        WireResponse response = dialect.handle(request);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith(response.status() + " ");
        return text;
    }

    @Test
    void runsAnAdmittedAction() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "Echo:good")).isEqualTo("200 ok good req-1");
    }

    @Test
    void theRequestIdIsInTheLogContextWhileTheRequestRunsAndOnlyThen() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "LogContext:good")).isEqualTo("200 ok req-1 req-1");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void aProblemBecomesTheDialectsErrorThroughItsTable() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "Missing:good")).isEqualTo("404 NotFound No VPC. req-1");
        assertThat(answer(dialect, "Conflict:good")).isEqualTo("400 Other Other problem. req-2");
    }

    @Test
    void aFailureOfTheServerIsTheInternalErrorWithoutItsDetail() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "Crash:good")).isEqualTo("500 Internal Something failed. req-1");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void anUnknownOrMissingActionIsTheDialectsOwnError() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "Nope:good")).isEqualTo("404 UnknownAction No action Nope. req-1");
        assertThat(answer(dialect, ":good")).isEqualTo("400 MissingAction Name an action. req-2");
    }

    @Test
    void authenticatingFirstAnswersAnUnsignedCallBeforeLookingAtItsAction() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "Nope:bad")).isEqualTo("401 Unsigned Bad key. req-1");
    }

    @Test
    void lookingTheActionUpFirstAnswersAnUnknownOneEvenUnsigned() {
        var dialect = new TestDialect(RequestPipeline.Order.ACTION_FIRST, ACTIONS);
        assertThat(answer(dialect, "Nope:bad")).isEqualTo("404 UnknownAction No action Nope. req-1");
        assertThat(answer(dialect, "Echo:bad")).isEqualTo("401 Unsigned Bad key. req-2");
    }

    @Test
    void authorizationRunsAfterAuthenticationAndBeforeTheAction() {
        var dialect = new TestDialect(RequestPipeline.Order.AUTHENTICATE_FIRST, ACTIONS);
        assertThat(answer(dialect, "Write:reader")).isEqualTo("403 ReadOnly Read-only key. req-1");
        assertThat(answer(dialect, "Write:good")).isEqualTo("200 ok written req-2");
    }
}
