package dev.vpnd.server.security;

/**
 * Where a string to sign is written piece by piece: into a MAC ({@link MacWriter}), an echo of its
 * start ({@link BoundedEcho.Writer}) or a plain builder. Built whole, the string to sign of a large
 * request costs several times the request, and a request whose signature is wrong pays that before
 * any secret is checked.
 */
public interface TextSink {
    /** Appends {@code text}; a surrogate pair is appended within one call, never split over two. */
    TextSink append(CharSequence text);

    TextSink append(char c);

    /** A sink into {@code builder}, for the steps whose text the tests compare with the SDKs'. */
    static TextSink of(StringBuilder builder) {
        return new TextSink() {
            @Override
            public TextSink append(CharSequence text) {
                builder.append(text);
                return this;
            }

            @Override
            public TextSink append(char c) {
                builder.append(c);
                return this;
            }
        };
    }
}
