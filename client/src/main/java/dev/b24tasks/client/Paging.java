package dev.b24tasks.client;

/**
 * How {@link Bitrix24#stream(String, Object, Paging)} walks the pages of a list method.
 *
 * <ul>
 *   <li>{@link Mode#KEYSET}: the portal's fast way for large lists (and the JS SDK's {@code fetchList}): order by
 *       the id ascending, {@code filter[">ID"]} = the last id seen, {@code start=-1} (no count). Its cost does not
 *       grow with the page number.
 *   <li>{@link Mode#OFFSET}: {@code start} = 0, 50, 100… following {@code next}, keeping the caller's order.
 *   <li>{@link Mode#AUTO} (the default): keyset when the caller orders by nothing or by the id only, offset
 *       otherwise.
 * </ul>
 *
 * @param mode the walk
 * @param idKey the id's name in the answer's rows ({@code id} for {@code tasks.task.list}, {@code ID} for most
 *     others); null to find {@code ID} or {@code id} in the rows
 * @param cursorIdKey the id's name in {@code order} and {@code filter} ({@code ID})
 * @param resultKey where the rows are in {@code result} ({@code tasks} for {@code tasks.task.list}); null when
 *     the result is the list itself or holds exactly one list
 */
public record Paging(Mode mode, String idKey, String cursorIdKey, String resultKey) {
  /** Keyset or offset as the order allows, ids and rows found in the answer. */
  public static final Paging AUTO = new Paging(Mode.AUTO, null, "ID", null);

  /** The walks. */
  public enum Mode {
    /** Keyset when the order allows it, else offset. */
    AUTO,
    /** {@code >ID} cursor, {@code start=-1}. */
    KEYSET,
    /** {@code start}/{@code next}. */
    OFFSET
  }

  /** Checks the mode and cursor key. */
  public Paging {
    if (mode == null) mode = Mode.AUTO;
    if (cursorIdKey == null) cursorIdKey = "ID";
  }

  /** Keyset paging with the given names. */
  public static Paging keyset(String idKey, String cursorIdKey, String resultKey) {
    return new Paging(Mode.KEYSET, idKey, cursorIdKey, resultKey);
  }

  /** Offset paging ({@code start}/{@code next}); rows under {@code resultKey} (null: found in the answer). */
  public static Paging offset(String resultKey) {
    return new Paging(Mode.OFFSET, null, "ID", resultKey);
  }
}
