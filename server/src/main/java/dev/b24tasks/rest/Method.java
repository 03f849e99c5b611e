package dev.b24tasks.rest;

import java.util.Objects;

/**
 * One REST method: its canonical name (as the docs spell it), the scope a credential needs for it, how it binds
 * its parameters, and its handler. {@code batchable} is false for methods a batch may not contain.
 */
public record Method(String name, String scope, Binding binding, Handler handler, boolean batchable) {
  public Method {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(handler, "handler");
  }
}
