package dev.b24tasks.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A download's {@code Range} header (RFC 9110 §14) read against the size of the content: one byte range,
 * {@code bytes=a-b}, {@code bytes=a-} or the suffix {@code bytes=-n}. A header this server does not take (another
 * unit, several ranges, bad syntax) is ignored, and the whole content goes out with 200, as the RFC allows; a
 * range that starts past the end is unsatisfiable (416). Helidon's own range reader belongs to its static-content
 * handler and is not public, hence these few lines.
 */
record ByteRange(long from, long to) {
  /** No range asked for (or one this server ignores): the whole content. */
  static final ByteRange WHOLE = new ByteRange(-1, -1);

  /** A range that selects nothing of the content: 416 with {@code Content-Range: bytes *}{@code /size}. */
  static final ByteRange UNSATISFIABLE = new ByteRange(-2, -2);

  private static final Pattern ONE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d{0,18})\\s*-\\s*(\\d{0,18})\\s*",
      Pattern.CASE_INSENSITIVE);

  static ByteRange parse(String header, long size) {
    if (header == null) return WHOLE;
    Matcher m = ONE.matcher(header);
    if (!m.matches()) return WHOLE;
    String a = m.group(1);
    String b = m.group(2);
    if (a.isEmpty() && b.isEmpty()) return WHOLE;
    if (a.isEmpty()) { // the last n bytes
      long n = Long.parseLong(b);
      if (n == 0 || size == 0) return UNSATISFIABLE;
      return new ByteRange(Math.max(0, size - n), size - 1);
    }
    long from = Long.parseLong(a);
    long to = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
    if (to < from) return WHOLE; // invalid: ignored
    if (from >= size) return UNSATISFIABLE;
    return new ByteRange(from, Math.min(to, size - 1));
  }

  boolean whole() {
    return from == -1;
  }

  boolean unsatisfiable() {
    return from == -2;
  }

  long length() {
    return to - from + 1;
  }
}
