package dev.b24tasks.files;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** The content type of a file by its name's extension (the JDK's table, and the office formats it lacks). */
final class ContentTypes {
  private static final Map<String, String> MORE = Map.ofEntries(
      Map.entry("json", "application/json"), Map.entry("pdf", "application/pdf"),
      Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"), Map.entry("svg", "image/svg+xml"),
      Map.entry("webp", "image/webp"), Map.entry("zip", "application/zip"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"));

  private ContentTypes() {}

  static String of(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String t = MORE.get(ext);
    if (t == null) t = URLConnection.getFileNameMap().getContentTypeFor(name);
    return t == null ? "application/octet-stream" : t;
  }
}
