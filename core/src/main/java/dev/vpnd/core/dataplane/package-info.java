/**
 * What vpnd and its data-plane agents say to each other, in canonical terms: the plan of a VPN
 * gateway (every IKE SA its IPsec daemon must hold, with every setting resolved) and what the agent
 * observed of each tunnel. The wire form is in docs/agent-protocol.md.
 */
package dev.vpnd.core.dataplane;
