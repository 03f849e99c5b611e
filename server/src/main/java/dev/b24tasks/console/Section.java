package dev.b24tasks.console;

/**
 * A menu entry of the console. Other features add theirs through {@link Console#addSection} together with their
 * routes (the request journal, event deliveries, apps…); {@code adminOnly} sections are shown to administrators.
 */
public record Section(String key, String path, String titleKey, boolean adminOnly) {}
