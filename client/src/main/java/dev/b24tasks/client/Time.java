package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The {@code time} block of an answer. {@code operating} is the execution time (seconds) this method has used in
 * the current ten-minute window for these credentials, and {@code operatingResetAt} is when the oldest minute of
 * that window drops out; both are absent (NaN and null) on portals that do not report them.
 *
 * @param start when the portal started the call
 * @param finish when it finished
 * @param duration {@code finish - start}, in seconds
 * @param processing the portal's processing time, in seconds
 * @param operating seconds of the method's operating budget used, or NaN when not reported
 * @param operatingResetAt when the oldest minute of the window ends, or null when not reported
 */
public record Time(Instant start, Instant finish, double duration, double processing, double operating,
    Instant operatingResetAt) {

  /** A block with nothing in it, for answers without {@code time}. */
  public static final Time NONE = new Time(null, null, Double.NaN, Double.NaN, Double.NaN, null);

  /** Reads a {@code time} block; missing fields stay empty. */
  public static Time from(JsonNode t) {
    if (t == null || !t.isObject()) return NONE;
    return new Time(instant(t.get("start")), instant(t.get("finish")), number(t.get("duration")),
        number(t.get("processing")), number(t.get("operating")),
        t.hasNonNull("operating_reset_at") ? Instant.ofEpochSecond(t.get("operating_reset_at").asLong()) : null);
  }

  /** True when the portal reported the operating budget. */
  public boolean hasOperating() {
    return !Double.isNaN(operating) && operatingResetAt != null;
  }

  private static double number(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static Instant instant(JsonNode n) {
    if (n == null || n.isNull()) return null;
    double s = n.asDouble();
    long whole = (long) Math.floor(s);
    return Instant.ofEpochSecond(whole, Math.round((s - whole) * 1_000_000) * 1_000L);
  }
}
