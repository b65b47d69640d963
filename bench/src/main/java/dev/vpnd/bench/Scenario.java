package dev.vpnd.bench;

import java.net.URI;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One kind of call, sent to one listener.
 *
 * @param action the action the server's {@code vpnd_requests_seconds} histogram counts it under
 * @param endpoint the listener ({@code http://host:port})
 * @param live a call signed now, for a generator that signs as it sends
 * @param batch a batch of calls signed now to be sent later (wrk): its {@code k}th call differs from
 *     every other of the batch where the server spends signatures ({@link UniqueStamps})
 */
record Scenario(String name, String action, URI endpoint, Supplier<HttpCall> live, Supplier<Batch> batch) {

    /** Calls signed together, at most {@code capacity} of them; {@code calls} gives the {@code k}th. */
    record Batch(LongFunction<HttpCall> calls, long capacity) {
    }

    /** A scenario whose calls, signed now, may be sent any time in the next minutes and are each unique. */
    static Scenario signedAsSent(String name, String action, URI endpoint, Supplier<HttpCall> calls) {
        return new Scenario(name, action, endpoint, calls, () -> new Batch(k -> calls.get(), Long.MAX_VALUE));
    }

    /** The listener's {@code host:port}, as clients configured with it sign it and send it in {@code Host}. */
    String hostPort() {
        return endpoint.getHost() + ":" + endpoint.getPort();
    }
}
