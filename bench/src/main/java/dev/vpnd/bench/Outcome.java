package dev.vpnd.bench;

/**
 * What one measured run of a scenario saw: {@code requests} answered with HTTP 200 in
 * {@code seconds}, their latency, the failures, and the CPU time the server process and the load
 * generator spent meanwhile.
 *
 * @param machineBusyNanos the non-idle CPU time of the whole machine meanwhile, or -1 when unknown
 */
record Outcome(Scenario scenario, long requests, Latencies latency, double seconds, long errors, String firstError,
        long serverCpuNanos, long generatorCpuNanos, long machineBusyNanos) {

    /** Latency percentiles of the successful requests, in nanoseconds. */
    record Latencies(long p50, long p99, long p999, long max) {
        static final Latencies NONE = new Latencies(0, 0, 0, 0);
    }

    double requestsPerSecond() {
        return requests / seconds;
    }

    /** CPU microseconds per successful request, of the server and of the load generator. */
    double serverCpuMicrosPerRequest() {
        return requests == 0 ? 0 : serverCpuNanos / 1e3 / requests;
    }

    double generatorCpuMicrosPerRequest() {
        return requests == 0 ? 0 : generatorCpuNanos / 1e3 / requests;
    }

    /**
     * The share of the machine's CPU (all cores) that processes other than the server and the load
     * generator used while measuring, or -1 when unknown: a few percent means a clean figure.
     */
    double othersCpuShare() {
        if (machineBusyNanos < 0) {
            return -1;
        }
        double capacity = seconds * 1e9 * Runtime.getRuntime().availableProcessors();
        return Math.max(0, (machineBusyNanos - serverCpuNanos - generatorCpuNanos) / capacity);
    }
}
