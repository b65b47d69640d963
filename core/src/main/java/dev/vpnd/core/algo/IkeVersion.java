package dev.vpnd.core.algo;

public enum IkeVersion {
    V1, V2
}
