package dev.b24tasks.tasks;

import java.util.regex.Pattern;

/** The two renderings {@code task.item.getdescription} offers besides the stored BB code: HTML and plain text. */
final class BbCode {
  private static final Pattern SIMPLE = Pattern.compile("\\[(/?)(b|i|u|s)\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("\\[url=([^\\]]+)\\](.*?)\\[/url\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_TAG = Pattern.compile("\\[/?[a-zA-Z*][^\\]]*\\]");

  private BbCode() {}

  /** Format 2: HTML-escaped text with the common tags as HTML and line breaks as {@code <br />}. */
  static String toHtml(String bb) {
    String s = TaskDataView.escape(bb);
    s = URL.matcher(s).replaceAll("<a href=\"$1\">$2</a>");
    s = SIMPLE.matcher(s).replaceAll(m -> "<" + m.group(1) + m.group(2).toLowerCase() + ">");
    return s.replace("\r\n", "\n").replace("\n", "<br />");
  }

  /** Format 3: the text without any tags. */
  static String toPlainText(String bb) {
    return ANY_TAG.matcher(URL.matcher(bb).replaceAll("$2")).replaceAll("");
  }
}
