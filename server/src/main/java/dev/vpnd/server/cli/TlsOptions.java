package dev.vpnd.server.cli;

import dev.vpnd.server.http.TlsSource;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --tls-cert FILE --tls-key FILE}, or {@code --tls-self-signed}: HTTPS on every listener. */
public final class TlsOptions {
    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (then any intermediates) every listener serves HTTPS with; needs --tls-key.")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "Its unencrypted PEM private key: PKCS#8, or PKCS#1 (RSA) or SEC1 (EC).")
    Path privateKey;

    @Option(names = "--tls-self-signed",
            description = "Serve HTTPS with a self-signed certificate made once and kept in the data directory "
                    + "(for a demonstration: clients must be told to trust it).")
    boolean selfSigned;

    /**
     * Where the certificate comes from; a self-signed one is kept in {@code dataDir} and names
     * {@code names}.
     */
    TlsSource source(CommandLine commandLine, Path dataDir, List<String> names) {
        if (selfSigned && (certificate != null || privateKey != null)) {
            throw new ParameterException(commandLine, "--tls-self-signed excludes --tls-cert and --tls-key");
        }
        if ((certificate == null) != (privateKey == null)) {
            throw new ParameterException(commandLine, "--tls-cert and --tls-key go together");
        }
        if (selfSigned) {
            return new TlsSource.SelfSigned(dataDir, names);
        }
        return certificate == null ? TlsSource.OFF : new TlsSource.PemFiles(certificate, privateKey);
    }
}
