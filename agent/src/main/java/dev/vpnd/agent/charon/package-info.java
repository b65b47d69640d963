/**
 * vpnd's tunnels in charon's terms and back: a {@link dev.vpnd.core.dataplane.TunnelPlan} as the VICI
 * messages that load it (algorithm keywords, lifetimes, dead-peer detection, start actions, the
 * pre-shared key), and charon's SA listings and up/down events as
 * {@link dev.vpnd.core.dataplane.TunnelReport}s. Every mapping is a table, copied in docs/vici.md.
 */
package dev.vpnd.agent.charon;
