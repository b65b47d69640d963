package dev.vpnd.server.dialect.aliyun;

import com.fasterxml.jackson.core.SerializableString;

/** A body value already written as JSON (one complete value), copied to the output as it is. */
record RawJson(SerializableString json) {
}
