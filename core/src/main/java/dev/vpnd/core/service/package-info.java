/**
 * The rules shared by every dialect: references, dependencies, idempotency, lifecycles; every write one transaction.
 */
package dev.vpnd.core.service;
