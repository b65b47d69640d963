package dev.vpnd.server.http;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed certificate and its key, kept as PEM files readable by their owner only, so that a
 * restart presents the same certificate and clients told to trust it keep trusting it. It is made
 * anew when missing, within a day of expiring, or not naming every name asked for. Bouncy Castle
 * builds it: the JDK has no public API for X.509 certificates.
 */
final class SelfSignedCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(365);
    /** Made anew this long before it expires, so that it never expires while running for a day. */
    private static final Duration RENEWAL = Duration.ofDays(1);
    /** Clocks of clients a little behind still find it valid. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int GENERAL_NAME_DNS = 2;
    private static final int GENERAL_NAME_IP = 7;

    private SelfSignedCertificate() {
    }

    /** The pair {@code source} keeps, made first if need be. */
    static TlsIdentity loadOrCreate(TlsSource.SelfSigned source) {
        Path directory = source.directory();
        List<String> names = source.names();
        Path certificateFile = source.certificateFile();
        Path keyFile = source.keyFile();
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            var stored = PemFiles.read(certificateFile, keyFile);
            String stale = staleness(stored.certificate(), names);
            if (stale == null) {
                ownerOnly(certificateFile);
                ownerOnly(keyFile);
                return stored;
            }
            LOG.info("making a new self-signed certificate: the one in {} {}", certificateFile, stale);
        }
        var created = create(names);
        try {
            Files.createDirectories(directory);
            // The key first: a certificate without its key would be read as a pair that does not match.
            writeOwnerOnly(keyFile, pem(created.privateKey()));
            writeOwnerOnly(certificateFile, pem(created.certificate()));
        } catch (IOException e) {
            throw new TlsSetupException("cannot store the self-signed certificate in " + directory + ": "
                    + e.getMessage(), e);
        }
        return created;
    }

    /** Why {@code certificate} will not do, or null if it will. */
    private static String staleness(X509Certificate certificate, List<String> names) {
        if (certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEWAL))) {
            return "expires " + certificate.getNotAfter().toInstant();
        }
        Set<String> named = subjectAlternativeNames(certificate);
        for (String name : names) {
            if (!named.contains(canonical(name))) {
                return "does not name " + name;
            }
        }
        return null;
    }

    private static Set<String> subjectAlternativeNames(X509Certificate certificate) {
        var names = new HashSet<String>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(canonical(String.valueOf(entry.get(1))));
                }
            }
        } catch (CertificateParsingException e) {
            // a certificate whose names cannot be read names nothing
        }
        return names;
    }

    /** IP addresses in one spelling ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}); host names in lower case. */
    private static String canonical(String name) {
        if (isIpLiteral(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress();
            } catch (IOException e) {
                return name;
            }
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static TlsIdentity create(List<String> names) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            var subject = new X500Name("CN=vpnd self-signed");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()), Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, generalNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(pair.getPublic()));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new TlsIdentity(List.of(certificate), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new TlsSetupException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames generalNames(List<String> names) {
        var unique = new LinkedHashSet<String>();
        names.forEach(name -> unique.add(canonical(name)));
        return new GeneralNames(unique.stream()
                .map(name -> new GeneralName(isIpLiteral(name) ? GENERAL_NAME_IP : GENERAL_NAME_DNS, name))
                .toArray(GeneralName[]::new));
    }

    private static String pem(Object object) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            // A private key is written as PKCS#8 (BEGIN PRIVATE KEY), which every TLS library reads.
            writer.writeObject(object instanceof java.security.PrivateKey key
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate() : object);
        } catch (IOException e) {
            throw new TlsSetupException("cannot write PEM: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** Written under a temporary name created owner-only, then moved into place whole. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (posix(file.getParent())) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot make " + file + " readable by its owner only: " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }
}
