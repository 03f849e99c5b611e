package dev.b24tasks.directory;

/** A workgroup (socialnetwork group) as task rules and task views need it. */
public record Group(long id, String name, boolean opened, boolean closed, boolean tasksEnabled, int membersCount,
    String image) {}
