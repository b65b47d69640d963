/** The canonical model every dialect speaks of: immutable records, no wire names. */
package dev.vpnd.core.model;
