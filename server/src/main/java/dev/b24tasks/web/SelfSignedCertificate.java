package dev.b24tasks.web;

import dev.b24tasks.auth.Secrets;
import io.helidon.common.tls.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTPS certificate of a data folder: made once with the running JDK's {@code keytool} (RSA 2048, ten years,
 * for IP 127.0.0.1 and DNS localhost) into {@code <data>/tls/keystore.p12}, exported as {@code cert.pem} for
 * clients to trust (e.g. {@code NODE_EXTRA_CA_CERTS}), and reused on every later start so that trust survives
 * restarts. keytool is used rather than a certificate library because the JDK already carries it.
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
      // the password travels as a file name, never on the command line where ps would show it
      String pass = passwordFile().toString();
      run(keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
          // a distinct OU per certificate: OpenSSL (Node) finds a trust anchor by subject name, so two servers'
          // certificates with one subject in the same CA bundle would shadow each other
          "-dname", "CN=localhost, OU=" + Secrets.newCode(12) + ", O=b24-tasks", "-ext", "SAN=" + names,
          "-storetype", "PKCS12", "-keystore", keystore().toString(), "-storepass:file", pass, "-keypass:file", pass);
      ownerOnly(keystore());
      run(keytool(), "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore().toString(),
          "-storetype", "PKCS12", "-storepass:file", pass, "-file", pem().toString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the HTTPS certificate into " + dir + ": " + e.getMessage(), e);
    }
  }

  /** keytool of the JDK this server runs on. */
  static String keytool() {
    Path home = Path.of(System.getProperty("java.home"));
    Path tool = home.resolve("bin").resolve("keytool");
    if (Files.isExecutable(tool)) return tool.toString();
    return ProcessHandle.current().info().command()
        .map(java -> Path.of(java).resolveSibling("keytool"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .orElse("keytool");
  }

  private static void run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("keytool did not finish within 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed (exit " + p.exitValue() + "): " + output.trim());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + command[0] + " to make the HTTPS certificate; "
          + "start with --tls-port -1 to serve HTTP only: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while making the HTTPS certificate", e);
    }
  }

  private static void ownerOnly(Path file) {
    file.toFile().setReadable(false, false);
    file.toFile().setReadable(true, true);
    file.toFile().setWritable(false, false);
    file.toFile().setWritable(true, true);
  }
}
