package dev.b24tasks.web;

import dev.b24tasks.auth.Secrets;
import io.helidon.common.tls.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS certificate of a data folder: made once in-process (RSA 2048, ten years, for IP 127.0.0.1 and DNS
 * localhost) into {@code <data>/tls/keystore.p12}, its password in {@code keystore.pass} (both readable by the owner
 * only), exported as {@code cert.pem} for clients to trust (e.g. {@code NODE_EXTRA_CA_CERTS}), and reused on every
 * later start so that trust survives restarts. Folders whose certificate {@code keytool} made (before Bouncy Castle
 * did it) hold the same three files and are read the same way.
 */
public final class SelfSignedCertificate {
  private static final String ALIAS = "b24-tasks";

  /** The names of the portal's certificate. */
  public static final String PORTAL_NAMES = "ip:127.0.0.1,dns:localhost";

  private final Path dir;
  private final String names;

  private SelfSignedCertificate(Path dir, String names) {
    this.dir = dir;
    this.names = names;
  }

  /** The certificate in {@code dir}, generated now if it is not there yet. */
  public static SelfSignedCertificate ensure(Path dir) {
    return ensure(dir, PORTAL_NAMES);
  }

  /** The certificate in {@code dir} for the subject alternative names {@code names} (keytool's SAN syntax). */
  public static SelfSignedCertificate ensure(Path dir, String names) {
    SelfSignedCertificate c = new SelfSignedCertificate(dir, names);
    if (!Files.isRegularFile(c.keystore()) || !Files.isRegularFile(c.pem()) || !Files.isRegularFile(c.passwordFile())) {
      c.generate();
    }
    return c;
  }

  public Path keystore() {
    return dir.resolve("keystore.p12");
  }

  /** The certificate in PEM form, for clients to trust. */
  public Path pem() {
    return dir.resolve("cert.pem");
  }

  private Path passwordFile() {
    return dir.resolve("keystore.pass");
  }

  /** Helidon's TLS settings for the HTTPS listener. */
  public Tls tls() {
    try (InputStream in = Files.newInputStream(keystore())) {
      char[] password = Files.readString(passwordFile(), StandardCharsets.UTF_8).trim().toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      PrivateKey key = (PrivateKey) ks.getKey(ALIAS, password);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate cert : ks.getCertificateChain(ALIAS)) chain.add((X509Certificate) cert);
      return Tls.builder().privateKey(key).privateKeyCertChain(chain).build();
    } catch (IOException | GeneralSecurityException | NullPointerException e) {
      throw new IllegalStateException("Cannot read the HTTPS keystore " + keystore()
          + " (delete " + dir + " to have a new certificate made): " + e.getMessage(), e);
    }
  }

  private void generate() {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(keystore());
      Files.deleteIfExists(pem());
      Files.writeString(passwordFile(), Secrets.newCode(24) + "\n", StandardCharsets.UTF_8);
      ownerOnly(passwordFile());
      char[] password = Files.readString(passwordFile(), StandardCharsets.UTF_8).trim().toCharArray();
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair pair = rsa.generateKeyPair();
      X509Certificate cert = selfSigned(pair, names);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {cert});
      Files.createFile(keystore());
      ownerOnly(keystore());
      try (OutputStream out = Files.newOutputStream(keystore())) {
        ks.store(out, password);
      }
      String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded());
      Files.writeString(pem(), "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
          StandardCharsets.US_ASCII);
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot write the HTTPS certificate into " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * What {@code keytool -genkeypair} made before: RSA 2048 signed with SHA256withRSA, ten years from now, a random
   * 64-bit serial, the subject as its issuer, a subject key identifier and the alternative names. A distinct OU per
   * certificate: OpenSSL (Node) finds a trust anchor by subject name, so two servers' certificates with one subject
   * in the same CA bundle would shadow each other. Bouncy Castle builds it; the JDK's own providers sign it.
   */
  private static X509Certificate selfSigned(KeyPair pair, String names)
      throws GeneralSecurityException, IOException, OperatorCreationException {
    X500Principal subject = new X500Principal("CN=localhost, OU=" + Secrets.newCode(12) + ", O=b24-tasks");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
        new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), Date.from(now),
        Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
    builder.addExtension(Extension.subjectKeyIdentifier, false,
        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames(names)));
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static void ownerOnly(Path file) {
    file.toFile().setReadable(false, false);
    file.toFile().setReadable(true, true);
    file.toFile().setWritable(false, false);
    file.toFile().setWritable(true, true);
  }

  /** {@code ip:127.0.0.1,dns:localhost} (keytool's SAN syntax) as the certificate's alternative names. */
  static GeneralName[] alternativeNames(String names) {
    String[] parts = names.split(",");
    GeneralName[] out = new GeneralName[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] kv = parts[i].trim().split(":", 2);
      boolean ip = kv[0].equalsIgnoreCase("ip");
      if (kv.length != 2 || !(ip || kv[0].equalsIgnoreCase("dns"))) {
        throw new IllegalArgumentException("certificate names are ip:ADDRESS or dns:NAME; got " + parts[i]);
      }
      out[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, kv[1]);
    }
    return out;
  }
}
