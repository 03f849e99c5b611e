package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared wire grammar: filter keys, input dates, the UPPER_SNAKE rule. */
class WireFormatsTest {
  @ParameterizedTest(name = "{0} -> not={1} op={2} field={3}")
  @CsvSource(delimiter = '|', value = {
      "ID|false||ID",
      "!ID|true||ID",
      ">=DEADLINE|false|>=|DEADLINE",
      "!>=DEADLINE|true|>=|DEADLINE",
      "!=%NAME|true|=%|NAME",
      "!%=NAME|true|%=|NAME",
      "><ID|false|><|ID",
      "!><ID|true|><|ID",
      "!@ID|true|@|ID",
      "%TITLE|false|%|TITLE",
      "?TITLE|false|?|TITLE",
      "=ID|false|=|ID",
      "!=ID|true|=|ID",
      "<ID|false|<|ID",
      ">|false||>",
      "!|false||!"})
  void a_filter_key_is_an_optional_negation_an_operation_and_a_field(String key, boolean not, String op,
      String field) {
    FilterKey k = FilterKey.parse(key);
    assertThat(k.not()).isEqualTo(not);
    assertThat(k.operation()).isEqualTo(op == null ? "" : op);
    assertThat(k.field()).isEqualTo(field);
    assertThat(k.prefix() + k.field()).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2025-12-31T23:59:59+03:00|2025-12-31T20:59:59Z",
      "2025-12-31T23:59:59|2025-12-31T20:59:59Z",
      "2025-12-31 23:59|2025-12-31T20:59:00Z",
      "31.12.2025 23:59:59|2025-12-31T20:59:59Z",
      "12/31/2025 11:59:59 pm|2025-12-31T20:59:59Z",
      "12/31/2025 11:59 PM|2025-12-31T20:59:00Z",
      "2025-12-31|2025-12-30T21:00:00Z",
      "31.12.2025|2025-12-30T21:00:00Z",
      "12/31/2025|2025-12-30T21:00:00Z"})
  void every_date_form_a_client_sends_is_read_in_the_callers_zone(String text, String instant) {
    assertThat(Wire.parseDate(text, ZoneId.of("Europe/Moscow"))).contains(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource({"tomorrow", "31/31/2025", "''"})
  void anything_else_is_no_date(String text) {
    assertThat(Wire.parseDate(text, ZoneId.of("UTC"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"responsibleId,RESPONSIBLE_ID", "id,ID", "RESPONSIBLE_ID,RESPONSIBLE_ID", "ufCrmTask,UF_CRM_TASK",
      "UF_CRM_TASK,UF_CRM_TASK"})
  void camel_case_keys_become_upper_snake_and_upper_keys_stay(String key, String upper) {
    assertThat(Wire.upperSnake(key)).isEqualTo(upper);
  }
}
