/**
 * The data-plane agent: keeps strongSwan's charon, over its VICI socket, equal to the plan vpnd holds
 * for the agent's gateways, and reports each tunnel's state back (docs/agent-protocol.md).
 */
package dev.vpnd.agent;
