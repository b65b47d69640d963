/** What every dialect's authentication shares: signing-key lookup, replay protection, digests, Authorization fields. */
package dev.vpnd.server.security;
