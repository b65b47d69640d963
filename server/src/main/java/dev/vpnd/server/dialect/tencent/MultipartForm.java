package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.http.FormUrlEncoded;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code multipart/form-data} bodies of text fields, as the legacy Java SDK posts them (parts
 * without a Content-Type, values raw, the body starting with a CRLF; docs/dialects/tencent.md,
 * Legacy v2 API).
 */
final class MultipartForm {
    private MultipartForm() {
    }

    /** The boundary of a {@code multipart/form-data} Content-Type, if it is one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        for (String part : contentType.split(";", -1)) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length());
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The named fields in order; a part without a name is skipped. The limits of an urlencoded form
     * hold here too, since this also runs before the signature is checked.
     *
     * @throws IllegalArgumentException when the body is not delimited by the boundary, has more than
     *     {@link FormUrlEncoded#MAX_FIELDS} parts, or names one longer than {@link FormUrlEncoded#MAX_NAME_LENGTH}
     */
    static Map<String, String> parse(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.UTF_8);
        String delimiter = "--" + boundary;
        var fields = new LinkedHashMap<String, String>();
        int at = text.indexOf(delimiter);
        if (at < 0) {
            throw new IllegalArgumentException("no multipart boundary in the body");
        }
        int parts = 0;
        while (true) {
            int partStart = at + delimiter.length();
            if (text.startsWith("--", partStart)) {
                return fields;
            }
            if (++parts > FormUrlEncoded.MAX_FIELDS) {
                throw new IllegalArgumentException("more than " + FormUrlEncoded.MAX_FIELDS + " fields");
            }
            int next = text.indexOf(delimiter, partStart);
            if (next < 0) {
                throw new IllegalArgumentException("an unterminated multipart body");
            }
            String part = text.substring(partStart, next);
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a multipart part without headers");
            }
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            String fieldValue = value;
            name(part.substring(0, headersEnd)).ifPresent(name -> fields.put(name, fieldValue));
            at = next;
        }
    }

    private static Optional<String> name(String headers) {
        for (String line : headers.split("\r\n", -1)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                int at = line.indexOf("name=\"");
                if (at >= 0) {
                    int end = line.indexOf('"', at + 6);
                    if (end > at) {
                        if (end - (at + 6) > FormUrlEncoded.MAX_NAME_LENGTH) {
                            throw new IllegalArgumentException("a field name longer than "
                                    + FormUrlEncoded.MAX_NAME_LENGTH + " characters");
                        }
                        return Optional.of(line.substring(at + 6, end));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
