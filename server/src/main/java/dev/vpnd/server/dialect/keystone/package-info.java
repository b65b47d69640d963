/**
 * Keystone v3, just what OpenStack clients need to reach vpnd's Neutron: version discovery,
 * password sign-in scoped to a project, token validation and revocation. Projects are vpnd
 * accounts; the catalog's {@code network} endpoint is vpnd's Neutron listener.
 */
package dev.vpnd.server.dialect.keystone;
