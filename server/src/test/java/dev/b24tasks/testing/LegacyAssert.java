package dev.b24tasks.testing;

import static org.assertj.core.api.Assertions.assertThat;


/** The two answers every legacy family test checks: a refusal in the legacy envelope, and a {@code null} result. */
public final class LegacyAssert {
  private LegacyAssert() {}

  /** HTTP 400, {@code ERROR_CORE}, exactly this description. */
  public static void refused(Response r, String description) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("ERROR_CORE");
    assertThat(r.errorDescription()).isEqualTo(description);
  }

  /** HTTP 200 with {@code "result":null}. */
  public static void nullResult(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().has("result")).isTrue();
    assertThat(r.result().isNull()).as(r.toString()).isTrue();
  }
}
