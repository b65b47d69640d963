package dev.vpnd.server.dialect;

import dev.vpnd.server.http.WireRequest;

/** What an action runs with once the pipeline has admitted the call: who called, what, and how. */
public record Exchange<C, K, A>(WireRequest request, String requestId, C call, K caller, A action) {
}
