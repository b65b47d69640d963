package dev.vpnd.server.http;

/**
 * How large a request body a listener takes, and how many bytes of bodies it holds at once. A body
 * is read, and for Alibaba and Tencent parsed and checked against its signature, before anything is
 * known of its sender; without a bound on the bytes in flight, enough concurrent large bodies fill
 * the heap however small each one's cost is (docs/security.md, "Work before the signature is
 * checked").
 *
 * @param maxBodyBytes the largest body; a larger one gets the dialect's 413
 * @param maxBytesInFlight the bytes of bodies the listener holds at once, from the first byte read
 *     until the request is answered; a body that would go over gets the dialect's 503, which
 *     clients retry, rather than wait in an unbounded queue
 */
public record BodyLimits(int maxBodyBytes, int maxBytesInFlight) {
    /** Keystone and Neutron: 8 MiB bodies, four of them at once. */
    public static final BodyLimits DEFAULT = new BodyLimits(8 * 1024 * 1024, 32 * 1024 * 1024);
    /**
     * Alibaba's and Tencent's RPC APIs: Tencent takes at most 1 MB in a form-signed POST, and the
     * largest real call of either (a dual-tunnel create with certificates) is a few kilobytes.
     */
    public static final BodyLimits RPC = new BodyLimits(1024 * 1024, 16 * 1024 * 1024);

    public BodyLimits {
        if (maxBodyBytes < 1 || maxBytesInFlight < maxBodyBytes) {
            throw new IllegalArgumentException("body limits must be positive and hold at least one largest body");
        }
    }
}
