package dev.b24tasks.console;

/** The task page. */
public record TaskModel(Desk.Detail d) {}
