/**
 * The wire form of what vpnd and its agents say to each other (docs/agent-protocol.md): JSON bodies
 * to and from the canonical records of {@code dev.vpnd.core.dataplane}, bounded and checked on the
 * way in, shared by the server and the agent, and the agent's HTTP client of vpnd.
 */
package dev.vpnd.agent.protocol;
