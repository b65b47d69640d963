package dev.vpnd.core.model;

/**
 * How traffic is steered into a connection. Static routing has two values because a dialect may
 * accept two words for it and show back the one it was sent (docs/dialects).
 */
public enum RouteType {
    STATIC, STATIC_ROUTE, POLICY, BGP
}
