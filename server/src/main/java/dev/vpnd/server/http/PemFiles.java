package dev.vpnd.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a certificate chain and a private key from PEM files. Certificates are read by the JDK.
 * Keys by Bouncy Castle: the JDK decodes PKCS#8 ({@code BEGIN PRIVATE KEY}) but not the PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY}) forms that openssl and
 * many certificate tools still write.
 */
final class PemFiles {
    /** Larger than any certificate chain or key; a file past it is not one. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private PemFiles() {
    }

    static TlsIdentity read(Path certificateFile, Path keyFile) {
        var identity = new TlsIdentity(certificates(certificateFile), privateKey(keyFile));
        identity.checkKeyMatchesCertificate(keyFile.toString(), certificateFile.toString());
        return identity;
    }

    static List<X509Certificate> certificates(Path file) {
        checkSize(file);
        try (InputStream in = Files.newInputStream(file)) {
            var chain = new ArrayList<X509Certificate>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new TlsSetupException(file + ": no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new TlsSetupException(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) {
        checkSize(file);
        var converter = new JcaPEMKeyConverter();
        try (var parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                switch (block) {
                    case PrivateKeyInfo pkcs8 -> {
                        return converter.getPrivateKey(pkcs8);
                    }
                    case PEMKeyPair traditional -> {
                        return converter.getPrivateKey(traditional.getPrivateKeyInfo());
                    }
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(file);
                    case PEMEncryptedKeyPair encrypted -> throw encrypted(file);
                    default -> {
                        // EC PARAMETERS before an EC key, certificates: not the key
                    }
                }
            }
            throw new TlsSetupException(file + ": no private key (expected PEM: -----BEGIN PRIVATE KEY-----, "
                    + "-----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
        } catch (PEMException e) {
            throw new TlsSetupException(file + ": not a PEM private key: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TlsSetupException setup) {
                throw setup;
            }
            throw new TlsSetupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static TlsSetupException encrypted(Path file) {
        return new TlsSetupException(file + ": the private key is encrypted; give vpnd an unencrypted key "
                + "that only its user can read (openssl pkey -in KEY -out KEY.pem)");
    }

    private static void checkSize(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new TlsSetupException(file + ": larger than a certificate or key file can be");
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
