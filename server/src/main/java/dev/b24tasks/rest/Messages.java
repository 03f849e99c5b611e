package dev.b24tasks.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message texts in the portal language, from {@code i18n/<bundle>_<lang>.properties} (UTF-8). Each feature keeps
 * its own bundle; English is the fallback for a key a translation lacks.
 */
public final class Messages {
  private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();

  private Messages() {}

  public static String text(String bundle, String key, String language, Object... args) {
    String pattern = lookup(bundle, language, key);
    if (pattern == null && !"en".equals(language)) pattern = lookup(bundle, "en", key);
    if (pattern == null) return key;
    if (args == null || args.length == 0) return pattern;
    // Plain {0}, {1} substitution: Bitrix texts contain braces and apostrophes that MessageFormat would eat.
    String out = pattern;
    for (int i = 0; i < args.length; i++) out = out.replace("{" + i + "}", String.valueOf(args[i]));
    return out;
  }

  private static String lookup(String bundle, String language, String key) {
    return CACHE.computeIfAbsent(bundle + "_" + language, Messages::load).getProperty(key);
  }

  private static Properties load(String name) {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("/i18n/" + name + ".properties")) {
      if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read message bundle " + name, e);
    }
    return p;
  }
}
