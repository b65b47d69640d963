package dev.vpnd.core.model;

public enum TunnelRole {
    MASTER, SLAVE
}
