/**
 * Cryptographic choices of IKE and IPsec, named neutrally (DH groups by IANA number); each dialect spells them in its
 * own table.
 */
package dev.vpnd.core.algo;
