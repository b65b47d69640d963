/**
 * Health checks through the tunnels (docs/agent.md, "Health checks"): an ICMP echo from a check's
 * source address to its destination every interval ({@link Probe}, {@link PingProbe}), counted into
 * a verdict ({@link HealthCount}) that the agent reports beside each tunnel's SA states
 * ({@link HealthProber}).
 */
package dev.vpnd.agent.health;
