package dev.b24tasks.rest;

/**
 * The result of a list method: the rows (already shaped, e.g. {@code {"tasks":[…]}} or a plain list) plus
 * {@code total} and {@code next} for the envelope. {@code next} is null when there is no further page.
 */
public record Page(Object result, long total, Long next) {
  /** Page size of every Bitrix24 list method. */
  public static final int SIZE = 50;

  /**
   * Builds the page from {@code start}, the rows of this page and the total, with Bitrix's arithmetic:
   * {@code next = start + rows} only while that is below {@code total}; {@code start = -1} means "do not
   * count": total 0 and no next.
   */
  public static Page of(Object result, long start, int rowsOnPage, long total) {
    if (start < 0) return new Page(result, 0, null);
    long next = start + rowsOnPage;
    return new Page(result, total, next < total ? next : null);
  }
}
