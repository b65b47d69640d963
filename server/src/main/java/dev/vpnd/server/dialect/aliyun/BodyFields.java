package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A part of a response body that writes its fields straight to the JSON generator, for the parts
 * that are written many times per answer (a listed connection): building them as ordered maps first
 * cost more than writing them. As a value in a body map it is an object of its own; wrapped in
 * {@link Inline}, its fields belong to the enclosing object. {@link AliyunRenderer} turns it into a
 * map for XML.
 */
@FunctionalInterface
interface BodyFields {
    /** Writes the fields, in order, into the object the generator is in. */
    void writeFields(JsonGenerator out) throws IOException;

    /** Fields written into the enclosing object, whatever the key they are stored under. */
    record Inline(BodyFields fields) {
    }
}
