package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A small multipart/form-data reader: each part's {@code name} becomes a PHP-style key. Text parts keep their
 * text; a file part becomes {@code {"name": …, "content": base64}} so a method that takes files can have them.
 */
final class Multipart {
  private Multipart() {}

  static ObjectNode parse(String contentType, byte[] body, ParamDecoder.Decoding d) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    ObjectNode out = Json.object();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) throw RestException.of(RestError.INVALID_REQUEST, "Malformed multipart body: boundary not found");
    while (true) {
      pos += delimiter.length;
      if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') break; // closing delimiter
      pos = skipLineBreak(body, pos);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (headersEnd < 0) throw RestException.of(RestError.INVALID_REQUEST, "Malformed multipart body: part without headers");
      String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) throw RestException.of(RestError.INVALID_REQUEST, "Malformed multipart body: unterminated part");
      int contentEnd = next;
      if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') contentEnd -= 2;
      String name = dispositionParam(headers, "name");
      String filename = dispositionParam(headers, "filename");
      if (name != null && !name.isEmpty()) {
        if (filename != null) {
          if (filename.indexOf(0) >= 0) throw ParamDecoder.nul();
          ObjectNode file = Json.object();
          file.put("name", filename);
          byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
          file.put("content", Base64.getEncoder().encodeToString(content));
          ParamDecoder.put(out, name, file, d);
        } else {
          String value = new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8);
          ParamDecoder.put(out, name, TextNode.valueOf(value), d);
        }
      }
      pos = next;
    }
    return out;
  }

  private static String boundary(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length());
        if (b.startsWith("\"") && b.endsWith("\"") && b.length() >= 2) b = b.substring(1, b.length() - 1);
        if (!b.isEmpty()) return b;
      }
    }
    throw RestException.of(RestError.INVALID_REQUEST, "multipart/form-data without a boundary");
  }

  private static String dispositionParam(String headers, String param) {
    for (String line : headers.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) continue;
      for (String part : line.split(";")) {
        String p = part.trim();
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(param)) {
          String v = p.substring(eq + 1).trim();
          if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) v = v.substring(1, v.length() - 1);
          return v;
        }
      }
    }
    return null;
  }

  private static int skipLineBreak(byte[] b, int pos) {
    if (pos < b.length && b[pos] == '\r') pos++;
    if (pos < b.length && b[pos] == '\n') pos++;
    return pos;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
