package dev.b24tasks.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Codes and tokens: generated at random, stored only as SHA-256, compared in constant time. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Secrets() {}

  /** A random code of Bitrix24's webhook shape: 16 lower-case letters and digits. */
  public static String newCode(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    return sb.toString();
  }

  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  public static String hashHex(String secret) {
    return HexFormat.of().formatHex(hash(secret));
  }

  public static boolean matches(String secret, byte[] storedHash) {
    return MessageDigest.isEqual(hash(secret), storedHash);
  }
}
