package dev.vpnd.agent.vici;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a VICI daemon listens, from the URI form charon and swanctl use: {@code unix:///run/charon.vici}.
 * Only unix sockets: charon's {@code tcp://} form would carry pre-shared keys unencrypted and
 * unauthenticated, so the agent does not offer it.
 */
public final class ViciSocket {
    private ViciSocket() {
    }

    /** The socket's path; an {@link IllegalArgumentException} for anything but an absolute {@code unix://} path. */
    public static Path path(URI uri) {
        if (!"unix".equals(uri.getScheme()) || uri.getRawAuthority() != null || uri.getPath() == null
                || !uri.getPath().startsWith("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a VICI socket is unix:///absolute/path, not " + uri);
        }
        return Path.of(uri.getPath());
    }
}
