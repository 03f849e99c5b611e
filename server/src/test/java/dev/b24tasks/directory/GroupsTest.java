package dev.b24tasks.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workgroups over HTTP: roles, the tasks feature's default permissions, archived groups, the wire shapes. */
class GroupsTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static Directory dir;
  static long owner, moderator, member, stranger, group;

  @BeforeAll
  static void build() {
    org = new Org(server);
    dir = server.app().directory;
    owner = org.user("Oscar", "Owner");
    moderator = org.user("Mona", "Moderator");
    member = org.user("Max", "Member");
    stranger = org.user("Stan", "Stranger");
    group = org.group("Launch", owner, moderator, member);
    org.moderators(group, moderator);
  }

  /** Which of view, view_all, create_tasks, edit_tasks, delete_tasks, sort a user has, as a string of 0/1. */
  static String perms(long g, long user) {
    StringBuilder s = new StringBuilder();
    for (GroupPermission p : GroupPermission.values()) s.append(dir.groupAllows(g, user, p) ? '1' : '0');
    return s.toString();
  }

  @Test
  void a_closed_groups_defaults_members_view_and_create_moderators_and_owner_also_edit_and_delete() {
    assertThat(perms(group, owner)).isEqualTo("111111");
    assertThat(perms(group, moderator)).isEqualTo("111111");
    assertThat(perms(group, member)).isEqualTo("111001");
    assertThat(perms(group, stranger)).isEqualTo("000000");
    assertThat(perms(group, 1)).isEqualTo("111111"); // a portal administrator
    assertThat(perms(999_999, owner)).isEqualTo("000000"); // no such group
  }

  @Test
  void in_an_open_group_every_employee_views_its_tasks_but_only_members_create() {
    long open = org.group("Open house", true, owner, member);
    assertThat(perms(open, stranger)).isEqualTo("110000");
    assertThat(perms(open, member)).isEqualTo("111001");
  }

  @Test
  void an_archived_group_allows_viewing_only_and_a_group_without_the_tasks_feature_allows_nothing() {
    long archived = org.group("Archive", owner, member);
    assertThat(org.admin().call("sonet_group.update", Map.of("GROUP_ID", archived, "CLOSED", "Y")).status())
        .isEqualTo(200);
    assertThat(perms(archived, owner)).isEqualTo("110000");
    assertThat(perms(archived, member)).isEqualTo("110000");
    assertThat(dir.group(archived).orElseThrow().closed()).isTrue();

    long noTasks = org.group("No tasks", owner, member);
    org.tasksFeature(noTasks, false);
    assertThat(perms(noTasks, owner)).isEqualTo("000000");
    assertThat(perms(noTasks, 1)).isEqualTo("000000");
    assertThat(dir.group(noTasks).orElseThrow().tasksEnabled()).isFalse();
  }

  @Test
  void permissions_follow_membership_changes_and_overrides() {
    long g = org.group("Changing", owner);
    assertThat(perms(g, stranger)).isEqualTo("000000");
    org.admin().call("sonet_group.user.add", Map.of("GROUP_ID", g, "USER_ID", stranger));
    assertThat(perms(g, stranger)).isEqualTo("111001");
    Response set = org.admin().call("b24tasks.group.tasks.set",
        Map.of("GROUP_ID", g, "PERMS", Map.of("edit_tasks", "K", "create_tasks", "A")));
    assertThat(set.status()).isEqualTo(200);
    assertThat(perms(g, stranger)).isEqualTo("110101");
    Response removed = org.admin().call("sonet_group.user.delete", Map.of("GROUP_ID", g, "USER_ID", List.of(stranger, owner)));
    assertThat(removed.result()).hasSize(1); // the owner cannot be removed
    assertThat(removed.result().get(0).asText()).isEqualTo(Long.toString(stranger));
    assertThat(perms(g, stranger)).isEqualTo("000000");
  }

  @Test
  void sonet_group_feature_access_answers_for_the_caller() {
    Response r = org.as(member).call("sonet_group.feature.access",
        Map.of("GROUP_ID", group, "FEATURE", "tasks", "OPERATION", "edit_tasks"));
    assertThat(r.result().asBoolean()).isFalse();
    r = org.as(moderator).call("sonet_group.feature.access",
        Map.of("GROUP_ID", group, "FEATURE", "tasks", "OPERATION", "edit_tasks"));
    assertThat(r.result().asBoolean()).isTrue();
  }

  @Test
  void the_group_record_and_its_brief_shape() {
    Group g = dir.group(group).orElseThrow();
    assertThat(g.name()).isEqualTo("Launch");
    assertThat(g.membersCount()).isEqualTo(3);
    assertThat(g.opened()).isFalse();
    Map<String, Object> brief = DirectoryViews.groupBrief(g);
    assertThat(brief.keySet()).containsExactly("id", "name", "opened", "membersCount", "image", "additionalData");
    assertThat(brief.get("id")).isEqualTo(Long.toString(group));
    assertThat(brief.get("image")).isEqualTo("/bitrix/images/socialnetwork/workgroup/folder.png");
  }

  @Test
  void sonet_group_get_shows_the_documented_fields_and_hides_invisible_groups_from_outsiders() {
    Response r = org.admin().call("sonet_group.get", Map.of("FILTER", Map.of("ID", group)));
    assertThat(r.status()).isEqualTo(200);
    JsonNode row = r.result().get(0);
    List<String> keys = new ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ID", "SITE_ID", "NAME", "DESCRIPTION", "DATE_CREATE", "DATE_UPDATE", "ACTIVE",
        "VISIBLE", "OPENED", "CLOSED", "SUBJECT_ID", "OWNER_ID", "KEYWORDS", "NUMBER_OF_MEMBERS", "DATE_ACTIVITY",
        "SUBJECT_NAME", "PROJECT", "IS_EXTRANET");
    assertThat(row.get("ID").asText()).isEqualTo(Long.toString(group));
    assertThat(row.get("OWNER_ID").asText()).isEqualTo(Long.toString(owner));
    assertThat(row.get("NUMBER_OF_MEMBERS").asText()).isEqualTo("3");
    assertThat(r.json().get("total").asInt()).isEqualTo(1);

    long hidden = org.group("Secret", owner, member);
    org.admin().call("sonet_group.update", Map.of("GROUP_ID", hidden, "VISIBLE", "N"));
    assertThat(org.as(stranger).call("sonet_group.get", Map.of("GROUP_ID", hidden)).result()).isEmpty();
    assertThat(org.as(member).call("sonet_group.get", Map.of("GROUP_ID", hidden)).result()).hasSize(1);
    Response members = org.as(stranger).call("sonet_group.user.get", Map.of("ID", hidden));
    assertThat(members.status()).isEqualTo(400);
    assertThat(members.errorDescription()).isEqualTo("Socialnetwork group not found");
  }

  @Test
  void sonet_group_user_get_lists_roles() {
    Response r = org.as(member).call("sonet_group.user.get", Map.of("ID", group));
    assertThat(r.result().toString()).isEqualTo("[{\"USER_ID\":\"" + owner + "\",\"ROLE\":\"A\"},{\"USER_ID\":\""
        + moderator + "\",\"ROLE\":\"E\"},{\"USER_ID\":\"" + member + "\",\"ROLE\":\"K\"}]");
  }

  @Test
  void any_employee_creates_a_group_and_owns_it_only_owner_or_admin_change_or_delete_it() {
    RestClient maxClient = org.as(member);
    Response created = maxClient.call("sonet_group.create", Map.of("NAME", "Max's club", "OWNER_ID", owner));
    assertThat(created.status()).isEqualTo(200);
    long g = created.result().asLong();
    assertThat(dir.groupRole(g, member)).contains("A"); // OWNER_ID is for administrators only
    Response denied = org.as(stranger).call("sonet_group.update", Map.of("GROUP_ID", g, "NAME", "Mine"));
    assertThat(denied.status()).isEqualTo(400);
    assertThat(denied.error()).isEmpty();
    assertThat(denied.errorDescription()).isEqualTo("User has no permissions to update group");
    Response renamed = maxClient.call("sonet_group.update", Map.of("GROUP_ID", g, "NAME", "Club"));
    assertThat(renamed.result().asLong()).isEqualTo(g);
    assertThat(dir.group(g).orElseThrow().name()).isEqualTo("Club");
    Response notDeleted = org.as(stranger).call("sonet_group.delete", Map.of("GROUP_ID", g));
    assertThat(notDeleted.errorDescription()).isEqualTo("User has no permissions to delete group");
    assertThat(maxClient.call("sonet_group.delete", Map.of("GROUP_ID", g)).result().asBoolean()).isTrue();
    assertThat(dir.group(g)).isEmpty();
  }

  @Test
  void refusals_have_the_documented_texts() {
    RestClient admin = org.admin();
    Response r = admin.call("sonet_group.user.add", Map.of("GROUP_ID", "abc", "USER_ID", member));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorDescription()).isEqualTo("Wrong group ID");
    r = admin.call("sonet_group.user.add", Map.of("GROUP_ID", 999_999, "USER_ID", member));
    assertThat(r.errorDescription()).isEqualTo("Socialnetwork group not found");
    r = admin.call("sonet_group.user.add", Map.of("GROUP_ID", group, "USER_ID", List.of("x")));
    assertThat(r.errorDescription()).isEqualTo("Wrong user IDs");
    r = org.as(owner).call("sonet_group.user.add", Map.of("GROUP_ID", group, "USER_ID", stranger));
    assertThat(r.errorDescription()).isEqualTo("No permissions to add users");
    r = admin.call("sonet_group.create", Map.of("DESCRIPTION", "no name"));
    assertThat(r.errorDescription()).isEqualTo("Incorrect input data");
    r = admin.call("sonet_group.create", Map.of("NAME", "x", "OPENED", "maybe"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorDescription()).contains("OPENED");
    r = admin.call("sonet_group.user.get", Map.of("ID", "zz"));
    assertThat(r.errorDescription()).isEqualTo("Wrong socialnetwork group ID");
    r = org.as(member, List.of("task")).call("sonet_group.get", Map.of());
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("insufficient_scope");
  }
}
