package dev.vpnd.server.fuzz;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a fuzz run found: every request that got a 5xx, no answer in time, or an answer far larger
 * than any error should be, with enough of the request and answer to replay and read it.
 */
final class Findings {
    /** An error answer above this is amplification: no error of any dialect needs more. */
    static final long MAX_ERROR_BYTES = 256 * 1024;

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();

    /** What a kind of request may get back besides a prompt answer. */
    enum Expect {
        /** Bytes that may not be HTTP at all: a closed connection without an answer is fair. */
        PROTOCOL,
        /** A request that gets some answer, success or error. */
        ANSWER,
        /**
         * A request that can only be refused (no valid credentials): every answer is an error, also
         * Tencent's, which come with HTTP 200, so every answer is held to the error size.
         */
        REFUSAL
    }

    /** Checks one raw exchange; {@code what} says what was sent (kept short). */
    void check(String what, RawExchange.Answer answer, Expect expect) {
        requests.incrementAndGet();
        boolean error = answer.status() >= 400 || expect == Expect.REFUSAL;
        if (answer.timedOut()) {
            fail(what, "no complete answer in time", answer.head());
        } else if (answer.status() == 0 && expect != Expect.PROTOCOL) {
            fail(what, "connection closed without an answer", answer.head());
        } else if (answer.serverError()) {
            fail(what, "answered " + answer.status(), answer.head());
        } else if (error && answer.bytes() > MAX_ERROR_BYTES) {
            fail(what, "error answer of " + answer.bytes() + " bytes", answer.head());
        }
    }

    /** Counts a request made through a client library, whose outcome the caller judged. */
    void counted() {
        requests.incrementAndGet();
    }

    void fail(String what, String problem, String evidence) {
        String shown = evidence == null ? "" : evidence.length() > 600 ? evidence.substring(0, 600) + "…" : evidence;
        failures.add(abbreviate(what) + ": " + problem
                + (shown.isEmpty() ? "" : "\n    " + shown.replace("\n", "\n    ")));
    }

    long requests() {
        return requests.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…(" + oneLine.length() + " chars)" : oneLine;
    }
}
