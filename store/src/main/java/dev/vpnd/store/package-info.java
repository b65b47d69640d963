/**
 * JDBC storage for SQLite and PostgreSQL behind core's ports, with Flyway migrations; the few differences live in
 * SqlDialect.
 */
package dev.vpnd.store;
