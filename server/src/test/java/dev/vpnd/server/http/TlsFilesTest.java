package dev.vpnd.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates and keys as operators have them: PEM, in the key forms openssl and CAs write. */
class TlsFilesTest {
    /** The named curve P-256, as {@code openssl ecparam -genkey} writes it before the key. */
    private static final String EC_PARAMETERS = """
            -----BEGIN EC PARAMETERS-----
            BggqhkjOPQMBBw==
            -----END EC PARAMETERS-----
            """;

    @TempDir
    Path dir;

    private static KeyPair rsa() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair pair) throws Exception {
        var name = new X500Name("CN=test");
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic());
        String algorithm = pair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
    }

    private static String pem(Object object) throws Exception {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    /** SEC1 as openssl writes it: the curve and the public key inside ({@code BEGIN EC PRIVATE KEY}). */
    private static String sec1(KeyPair pair) throws Exception {
        var pkcs8 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        var inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        var publicKey = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData();
        var full = new ECPrivateKey(256, inner.getKey(), publicKey, pkcs8.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", full.getEncoded()));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertReads(KeyPair pair, String keyPem) throws Exception {
        X509Certificate certificate = certificate(pair);
        var identity = PemFiles.read(write("cert.pem", pem(certificate)), write("key.pem", keyPem));
        assertThat(identity.certificate()).isEqualTo(certificate);
        if (pair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
            assertThat(((java.security.interfaces.ECPrivateKey) identity.privateKey()).getS()).isEqualTo(ec.getS());
        } else {
            var rsa = (java.security.interfaces.RSAPrivateKey) pair.getPrivate();
            assertThat(((java.security.interfaces.RSAPrivateKey) identity.privateKey()).getPrivateExponent())
                    .isEqualTo(rsa.getPrivateExponent());
        }
    }

    @Test
    void readsPkcs8AndTheTraditionalRsaAndEcForms() throws Exception {
        KeyPair rsa = rsa();
        assertReads(rsa, pem(new JcaPKCS8Generator(rsa.getPrivate(), null)));
        String pkcs1 = pem(rsa.getPrivate());
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertReads(rsa, pkcs1);

        KeyPair ec = ec();
        assertReads(ec, pem(new JcaPKCS8Generator(ec.getPrivate(), null)));
        String sec1 = sec1(ec);
        assertReads(ec, sec1);
        assertReads(ec, EC_PARAMETERS + sec1);
    }

    @Test
    void aChainKeepsItsOrder() throws Exception {
        KeyPair leaf = ec();
        X509Certificate leafCertificate = certificate(leaf);
        X509Certificate other = certificate(ec());
        var identity = PemFiles.read(write("chain.pem", pem(leafCertificate) + pem(other)),
                write("key.pem", sec1(leaf)));
        assertThat(identity.chain()).containsExactly(leafCertificate, other);
    }

    @Test
    void refusesWhatCannotServe() throws Exception {
        KeyPair pair = ec();
        Path cert = write("cert.pem", pem(certificate(pair)));
        assertThatThrownBy(() -> PemFiles.read(cert, write("other.pem", sec1(ec()))))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining("is not the private key of the certificate");
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setPassword("pw".toCharArray())
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build();
        assertThatThrownBy(() -> PemFiles.read(cert, write("encrypted.pem",
                pem(new JcaPKCS8Generator(pair.getPrivate(), encryptor)))))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PemFiles.read(cert, cert))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("no private key");
        assertThatThrownBy(() -> PemFiles.read(write("garbage.pem", "not a certificate"), cert))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("garbage.pem");
        assertThatThrownBy(() -> PemFiles.read(dir.resolve("missing.pem"), cert))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("missing.pem");
    }

    @Test
    void aSelfSignedPairIsKeptOwnerOnlyAndReused() throws Exception {
        var source = new TlsSource.SelfSigned(dir.resolve("data"), List.of("localhost", "127.0.0.1", "::1"));
        var made = TlsIdentity.of(source).orElseThrow();
        assertThat(Files.getPosixFilePermissions(source.keyFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(source.certificateFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(source.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(made.certificate().getSubjectAlternativeNames()).extracting(entry -> String.valueOf(entry.get(1)))
                .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(made.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        var reused = TlsIdentity.of(source).orElseThrow();
        assertThat(reused.fingerprint()).isEqualTo(made.fingerprint());

        var another = TlsIdentity.of(new TlsSource.SelfSigned(source.directory(),
                List.of("localhost", "127.0.0.1", "::1", "vpn.example.com"))).orElseThrow();
        assertThat(another.fingerprint()).as("a name the stored one lacks").isNotEqualTo(made.fingerprint());
        assertThat(TlsIdentity.of(TlsSource.OFF)).isEmpty();
    }
}
