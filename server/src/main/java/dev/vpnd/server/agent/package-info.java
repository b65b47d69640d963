/**
 * The listener vpnd serves its data-plane agents on (docs/agent-protocol.md): hello, the long-polled
 * plan and the report, behind bearer tokens, and what keeps plan waits and silent agents in step.
 */
package dev.vpnd.server.agent;
