package dev.vpnd.core.model;

/**
 * How traffic is steered into a connection. Tencent accepts both {@code STATIC} and
 * {@code StaticRoute} and shows back what was sent, so both are kept.
 */
public enum RouteType {
    STATIC, STATIC_ROUTE, POLICY, BGP
}
