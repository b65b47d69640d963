/** What core needs from storage, in canonical types only; the store module implements it for SQLite and PostgreSQL. */
package dev.vpnd.core.port;
