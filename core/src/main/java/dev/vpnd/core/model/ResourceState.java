package dev.vpnd.core.model;

/** Control-plane lifecycle of a resource (Alibaba's {@code State}/{@code Status} of gateways and connections). */
public enum ResourceState {
    PROVISIONING, UPDATING, ACTIVE
}
