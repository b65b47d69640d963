/**
 * A client of strongSwan's VICI protocol (the Versatile IKE Configuration Interface), written here
 * because no maintained Java client exists: the message model, its binary codec, packet framing, a
 * command session over charon's unix socket and an event subscription on a connection of its own.
 * The wire format, with the byte dumps the codec is tested against, is in docs/vici.md.
 */
package dev.vpnd.agent.vici;
