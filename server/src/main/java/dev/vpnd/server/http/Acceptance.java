package dev.vpnd.server.http;

/**
 * Whether a listener takes new connections, and if not, why. A process can answer {@code /healthz}
 * while a listener accepts nothing; readiness reports this so that a balancer stops sending it
 * clients.
 */
public sealed interface Acceptance {

    /** What an operator reads, or null while the listener accepts. */
    String problem();

    record Accepting() implements Acceptance {
        @Override
        public String problem() {
            return null;
        }
    }

    /** The listener holds as many connections as it may; it accepts again when one closes. */
    record AtConnectionLimit(int maxConnections) implements Acceptance {
        @Override
        public String problem() {
            return "at its connection limit (" + maxConnections + " connections)";
        }
    }

    /** Accepting a connection failed and none has succeeded since (out of file descriptors, say). */
    record AcceptFailing(String reason) implements Acceptance {
        @Override
        public String problem() {
            return "cannot accept connections: " + reason;
        }
    }
}
