package dev.vpnd.bench;

import java.util.Locale;

/**
 * The open loop beside the closed loop it halves: issue 17 asks p99 under 5 ms and p99.9 under
 * 20 ms at half the maximum, with the saturation p99 kept in the report beside them.
 *
 * @param saturation the closed-loop run of the same scenario, or null when the rate was given
 */
record OpenLoopResult(double rate, Outcome outcome, Outcome saturation) {
    static final double P99_AIM_MS = 5;
    static final double P999_AIM_MS = 20;

    String summary() {
        var l = outcome.latency();
        double p99 = l.p99() / 1e6;
        double p999 = l.p999() / 1e6;
        return String.format(Locale.ROOT, "| open loop | offered requests/s | answered requests/s | p50 ms | p99 ms "
                        + "| p99.9 ms | max ms | errors | saturation p99 ms |%n"
                        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n"
                        + "| %s | %,.0f | %,.0f | %.2f | %.2f (aim < %.0f: %s) | %.2f (aim < %.0f: %s) | %.2f | %d "
                        + "| %s |%n",
                outcome.scenario().name(), rate, outcome.requestsPerSecond(), l.p50() / 1e6, p99, P99_AIM_MS,
                p99 < P99_AIM_MS ? "met" : "not met", p999, P999_AIM_MS, p999 < P999_AIM_MS ? "met" : "not met",
                l.max() / 1e6, outcome.errors(),
                saturation == null ? "(not run)" : String.format(Locale.ROOT, "%.2f at %,.0f requests/s",
                        saturation.latency().p99() / 1e6, saturation.requestsPerSecond()));
    }
}
