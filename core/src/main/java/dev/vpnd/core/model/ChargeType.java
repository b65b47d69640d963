package dev.vpnd.core.model;

/**
 * How a gateway would be billed: pay as you go ({@link #POSTPAID}, what vpnd's gateways are, since
 * it charges nothing) or paid up front for a period ({@link #PREPAID}, accepted where a cloud lets
 * a client ask for it, and shown back). Stored by name; each dialect spells it in its own table.
 */
public enum ChargeType {
    POSTPAID, PREPAID
}
