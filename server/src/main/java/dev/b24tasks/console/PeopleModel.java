package dev.b24tasks.console;

import java.util.List;

/** The people page: the department tree (depth-first, with heads), workgroups with members, one page of users. */
public record PeopleModel(List<Dep> departments, List<GroupRow> groups, List<UserRow> users, long total, String q) {
  public record Dep(long id, String name, int depth, Desk.Person head, long members) {}

  public record Member(Desk.Person person, String role) {}

  public record GroupRow(long id, String name, boolean closed, List<Member> members) {}

  public record UserRow(Desk.Person person, String departments) {}
}
