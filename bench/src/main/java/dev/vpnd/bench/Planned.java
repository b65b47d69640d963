package dev.vpnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scenario as chosen on the command line ({@code key}), with the check its probe must pass: one
 * request before timing that must answer 200 with what the seed holds (a wrong count, an error or
 * an empty page stops the bench rather than measure a fast failure).
 */
record Planned(String key, Scenario scenario, Probe probe) {
    /** What one answer must show; returns a line describing it, throws when it is wrong. */
    @FunctionalInterface
    interface Probe {
        String check(JsonNode answer, int bytes);
    }

    /** Sends one request and checks the answer. */
    String probe(LoadGenerator client) throws Exception {
        var response = client.probe(scenario);
        String body = response.getContentAsString();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(scenario.name() + ": HTTP " + response.getStatus() + ": " + body);
        }
        JsonNode json = new ObjectMapper().readTree(response.getContent());
        try {
            return probe.check(json, response.getContent().length);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(scenario.name() + ": " + e.getMessage() + " in " + body, e);
        }
    }

    /** A check that {@code condition} holds. */
    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("expected " + what);
        }
    }
}
