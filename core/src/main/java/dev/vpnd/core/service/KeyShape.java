package dev.vpnd.core.service;

/**
 * How a new access key looks: a fixed prefix and a length of random letters and digits for its id,
 * a length for its secret. Clients check the shape of their credentials, so each dialect's keys take
 * its cloud's shape; the server names them, core only makes keys of the shape it is given.
 */
public record KeyShape(String prefix, int idLength, int secretLength) {

    String newId() {
        return prefix + Identifiers.randomAlphanumeric(idLength);
    }

    String newSecret() {
        return Identifiers.randomAlphanumeric(secretLength);
    }
}
