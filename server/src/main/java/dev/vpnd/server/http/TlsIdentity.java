package dev.vpnd.server.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The certificate chain a listener presents and the private key of its first certificate. Built
 * only through {@link #of}, which checks that the key belongs to the certificate: a mismatch would
 * otherwise show only as handshake failures on every client.
 */
public record TlsIdentity(List<X509Certificate> chain, PrivateKey privateKey) {
    private static final byte[] PROBE = "vpnd key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public TlsIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new TlsSetupException("no certificate");
        }
    }

    /** The identity {@code source} names, or none for plain HTTP. */
    public static Optional<TlsIdentity> of(TlsSource source) {
        return switch (source) {
            case TlsSource.Off off -> Optional.empty();
            case TlsSource.PemFiles files -> Optional.of(PemFiles.read(files.certificate(), files.privateKey()));
            case TlsSource.SelfSigned self -> Optional.of(SelfSignedCertificate.loadOrCreate(self));
        };
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 of the certificate's DER encoding, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chain and key in a keystore of the JDK's, protected by {@code password}. */
    KeyStore keyStore(char[] password) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry("vpnd", privateKey, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsSetupException("cannot hold the TLS key: " + e.getMessage(), e);
        }
    }

    /** Signs with the key and verifies with the certificate: the key must be the certificate's. */
    void checkKeyMatchesCertificate(String keyFile, String certificateFile) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TlsSetupException(keyFile + ": unsupported key algorithm "
                    + privateKey.getAlgorithm());
        };
        try {
            var signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate().getPublicKey());
            verifier.update(PROBE);
            if (!verifier.verify(signature)) {
                throw new TlsSetupException(keyFile + " is not the private key of the certificate in "
                        + certificateFile);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(keyFile + " is not the private key of the certificate in " + certificateFile
                    + ": " + e.getMessage(), e);
        }
    }
}
