package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written date of the task object writes exactly what the Bitrix date pattern does. */
class WireDateTest {
  @Test
  void the_hand_written_date_matches_the_pattern_for_many_instants_and_zones() {
    List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Moscow"), ZoneId.of("America/St_Johns"),
        ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"), ZoneId.of("America/Los_Angeles"),
        ZoneId.of("Europe/Amsterdam"), ZoneId.of("-03:30"));
    SplittableRandom r = new SplittableRandom(12);
    for (int i = 0; i < 20_000; i++) {
      Instant at = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 32_000_000_000L), r.nextInt(1_000_000_000));
      ZoneId zone = zones.get(i % zones.size());
      assertThat(Wire.date(at, zone)).as(at + " in " + zone).isEqualTo(Wire.DATE.format(at.atZone(zone)));
    }
    // an offset with seconds (Amsterdam before 1937) and a year past 9999 take the formatter
    Instant old = Instant.parse("1920-06-01T12:00:00Z");
    assertThat(Wire.date(old, ZoneId.of("Europe/Amsterdam"))).isEqualTo(Wire.DATE.format(old.atZone(ZoneId.of("Europe/Amsterdam"))));
    Instant far = Instant.parse("+12000-01-01T00:00:00Z");
    assertThat(Wire.date(far, ZoneId.of("UTC"))).isEqualTo(Wire.DATE.format(far.atZone(ZoneId.of("UTC"))));
  }
}
