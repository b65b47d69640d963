package dev.vpnd.server.http;

import java.nio.file.Path;
import java.util.List;

/** Where the listeners' TLS certificate and private key come from, if they serve HTTPS at all. */
public sealed interface TlsSource {
    TlsSource OFF = new Off();

    /** Plain HTTP. */
    record Off() implements TlsSource {
    }

    /**
     * PEM files an operator provides: {@code certificate} holds the server's certificate, then any
     * intermediates; {@code privateKey} its unencrypted key, PKCS#8 or the older PKCS#1 (RSA) and
     * SEC1 (EC) forms.
     */
    record PemFiles(Path certificate, Path privateKey) implements TlsSource {
    }

    /**
     * A self-signed certificate for {@code names} (host names and IP addresses), made on first use and
     * kept in {@code directory} for the next start: for a demonstration, where clients are told to
     * trust that one certificate.
     */
    record SelfSigned(Path directory, List<String> names) implements TlsSource {
        public SelfSigned {
            names = List.copyOf(names);
        }

        /** The certificate, which clients are given to trust. */
        public Path certificateFile() {
            return directory.resolve("tls-self-signed-cert.pem");
        }

        public Path keyFile() {
            return directory.resolve("tls-self-signed-key.pem");
        }
    }
}
