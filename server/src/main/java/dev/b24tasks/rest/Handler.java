package dev.b24tasks.rest;

/** The code behind one REST method. Returns the {@code result} value, or a {@link Page} for list methods. */
@FunctionalInterface
public interface Handler {
  Object handle(Call call);
}
