/**
 * What vpnd and its data-plane agents say to each other, in canonical terms: the plan of a VPN
 * gateway (every IKE SA its IPsec daemon must hold, with every setting resolved) and what the agent
 * observed of each tunnel. The wire form is in docs/agent-protocol.md. What vpnd keeps of them lives
 * here too: agent tokens (as digests), each agent's presence, the last observation of each tunnel and
 * the status transitions it caused.
 */
package dev.vpnd.core.dataplane;
