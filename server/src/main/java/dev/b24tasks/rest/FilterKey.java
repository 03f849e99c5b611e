package dev.b24tasks.rest;

import java.util.List;

/**
 * A Bitrix filter key ({@code "!>=DEADLINE"}, {@code "%TITLE"}, {@code "@ID"}) read once, the same way for every
 * family: an optional {@code !} (negation), then an operation, then the field. Operations, longest first so
 * {@code ">="} is not read as {@code ">"} + {@code "=FIELD"}: {@code >< >= <= =% %= > < @ % = ?}. Which operations
 * a family supports is its own business; the grammar is one.
 */
public record FilterKey(boolean not, String operation, String field) {
  private static final List<String> OPERATIONS = List.of("><", ">=", "<=", "=%", "%=", ">", "<", "@", "%", "=", "?");

  /** Splits a key; a key that is all operator (no field left) is a field name as it stands. */
  public static FilterKey parse(String key) {
    int i = key.startsWith("!") ? 1 : 0;
    for (String op : OPERATIONS) {
      if (key.startsWith(op, i) && key.length() > i + op.length()) {
        return new FilterKey(i == 1, op, key.substring(i + op.length()));
      }
    }
    if (i == 1 && key.length() > 1) return new FilterKey(true, "", key.substring(1));
    return new FilterKey(false, "", key);
  }

  /** The operator as written before the field: {@code "!>="}, {@code "%"}, {@code ""}. */
  public String prefix() {
    return (not ? "!" : "") + operation;
  }
}
