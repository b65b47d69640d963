package dev.vpnd.core.model;

/** Control-plane lifecycle of a resource, which each dialect shows as its gateways' and connections' state. */
public enum ResourceState {
    PROVISIONING, UPDATING, ACTIVE
}
