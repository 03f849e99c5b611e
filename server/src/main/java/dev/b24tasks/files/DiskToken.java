package dev.b24tasks.files;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code token} of the portal's {@code /rest/download.json} and {@code /rest/upload.json} links, in the
 * portal's form {@code disk|<payload>|<signature>}: the payload names the object and the user the link was made
 * for, the signature is an HMAC-SHA256 under the object's own secret (a row of the database, so every node checks
 * it, and a reset or a deleted file ends its links).
 */
final class DiskToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private DiskToken() {}

  /** A fresh secret for a new object. */
  static String secret() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return B64.encodeToString(b);
  }

  /** {@code disk|…|…} for {@code kind} ("download", "upload") with {@code fields} (id first). */
  static String sign(String kind, Map<String, String> fields, String secret) {
    StringBuilder p = new StringBuilder();
    fields.forEach((k, v) -> {
      if (p.length() > 0) p.append('&');
      p.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    String payload = B64.encodeToString(p.toString().getBytes(StandardCharsets.UTF_8));
    return "disk|" + payload + "|" + B64.encodeToString(mac(secret, kind + "|" + payload));
  }

  /** The fields of a token, unchecked (to find the object whose secret checks it); null when malformed. */
  static Map<String, String> read(String token) {
    if (token == null) return null;
    String[] parts = token.split("\\|", -1);
    if (parts.length != 3 || !parts[0].equals("disk") || parts[1].isEmpty() || parts[1].length() > 2000) return null;
    try {
      String p = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      Map<String, String> out = new LinkedHashMap<>();
      for (String kv : p.split("&")) {
        int eq = kv.indexOf('=');
        if (eq <= 0) return null;
        out.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return out;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code token} was signed for {@code kind} under {@code secret}. */
  static boolean valid(String kind, String token, String secret) {
    String[] parts = token.split("\\|", -1);
    if (parts.length != 3) return false;
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, mac(secret, kind + "|" + parts[1]));
  }

  private static byte[] mac(String secret, String data) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
