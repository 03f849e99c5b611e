package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.directory.GroupPermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every action x status (1..7) x role against a table written from the decision table of
 * reference/bitrix-task-semantics.md §2.3 (defaults: task control on, time tracking on, deadline changes off, the
 * task in workgroup 5). One string per role, one character per status 1..7: Y allowed, - refused.
 */
class TaskRulesTest {
  static final List<String> ROLES =
      List.of("admin", "creator", "responsible", "accomplice", "auditor", "manager", "groupEditor", "stranger");

  static Actor actor(String role) {
    return switch (role) {
      case "admin" -> new Actor(1, true, Set.of(), Set.of(), false, false);
      case "creator" -> TaskFixtures.user(10);
      case "responsible" -> TaskFixtures.user(20);
      case "accomplice" -> TaskFixtures.user(30);
      case "auditor" -> TaskFixtures.user(40);
      // the responsible's department head: a manager of an active member, not of the creator
      case "manager" -> new Actor(50, false, Set.of(20L), Set.of(), false, false);
      case "groupEditor" -> new Actor(60, false, Set.of(),
          Set.of(GroupPermission.VIEW_ALL, GroupPermission.EDIT_TASKS), false, false);
      case "stranger" -> TaskFixtures.user(70);
      default -> throw new IllegalArgumentException(role);
    };
  }

  static final String NONE = "-------";
  static final String ALL = "YYYYYYY";

  static final Map<TaskAction, String[]> TABLE = new LinkedHashMap<>();

  static {
    //                                    admin      creator    resp       accompl.   auditor    manager    groupEd.   stranger
    TABLE.put(TaskAction.ACCEPT, row(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.DECLINE, row(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.COMPLETE, row("YYYY-YY", "YYYY-YY", "YYY--YY", "YYY--YY", NONE, "YYYY-YY", "YYY--YY", NONE));
    TABLE.put(TaskAction.APPROVE, row("---Y---", "---Y---", NONE, NONE, NONE, NONE, "---Y---", NONE));
    TABLE.put(TaskAction.DISAPPROVE, row("---Y---", "---Y---", NONE, NONE, NONE, NONE, "---Y---", NONE));
    TABLE.put(TaskAction.START, row("YY-----", "YY-----", "YY-----", "YY-----", NONE, "YY-----", "YY-----", NONE));
    TABLE.put(TaskAction.PAUSE, row("--Y----", "--Y----", "--Y----", "--Y----", NONE, "--Y----", "--Y----", NONE));
    TABLE.put(TaskAction.DELEGATE, row("YYYY-YY", "YYYY-YY", "YYYY-YY", NONE, NONE, "YYYY-YY", "YYYY-YY", NONE));
    TABLE.put(TaskAction.REMOVE, row(ALL, ALL, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.EDIT, row(ALL, ALL, NONE, NONE, NONE, NONE, ALL, NONE));
    TABLE.put(TaskAction.DEFER, row("YY-----", "YY-----", "YY-----", "YY-----", NONE, NONE, "YY-----", NONE));
    TABLE.put(TaskAction.RENEW, row("----YY-", "----YY-", "---YYY-", "---YYY-", NONE, NONE, "----YY-", NONE));
    TABLE.put(TaskAction.CREATE, row(ALL, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.CHANGE_DEADLINE, row(ALL, ALL, NONE, NONE, NONE, NONE, ALL, NONE));
    TABLE.put(TaskAction.CHECKLIST_ADD_ITEMS, row(ALL, ALL, ALL, ALL, NONE, NONE, ALL, NONE));
    TABLE.put(TaskAction.ADD_FAVORITE, row(ALL, ALL, ALL, ALL, ALL, ALL, ALL, NONE));
    TABLE.put(TaskAction.DELETE_FAVORITE, row(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.RATE, row(ALL, ALL, NONE, NONE, NONE, NONE, ALL, NONE));
    TABLE.put(TaskAction.TAKE, row(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.EDIT_ORIGINATOR, row(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
    TABLE.put(TaskAction.CHECKLIST_REORDER, row(ALL, ALL, NONE, NONE, NONE, NONE, ALL, NONE));
    TABLE.put(TaskAction.ELAPSEDTIME_ADD, row(ALL, ALL, ALL, ALL, NONE, ALL, ALL, NONE));
    TABLE.put(TaskAction.DAYPLAN_TIMER_TOGGLE,
        row("YYY--YY", NONE, "YYY--YY", "YYY--YY", NONE, "YYY--YY", "YYY--YY", NONE));
    TABLE.put(TaskAction.EDIT_PLAN, TABLE.get(TaskAction.CHANGE_DEADLINE));
    TABLE.put(TaskAction.CHECKLIST_ADD, TABLE.get(TaskAction.CHECKLIST_ADD_ITEMS));
    TABLE.put(TaskAction.FAVORITE_ADD, TABLE.get(TaskAction.ADD_FAVORITE));
    TABLE.put(TaskAction.FAVORITE_DELETE, TABLE.get(TaskAction.DELETE_FAVORITE));
    TABLE.put(TaskAction.READ, row(ALL, ALL, ALL, ALL, ALL, ALL, ALL, NONE));
  }

  static String[] row(String... perRole) {
    return perRole;
  }

  @Test
  void every_action_status_and_role_matches_the_decision_table() {
    assertThat(TABLE.keySet()).containsExactlyInAnyOrder(TaskAction.values());
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<TaskAction, String[]> e : TABLE.entrySet()) {
      for (int r = 0; r < ROLES.size(); r++) {
        for (Status s : Status.values()) {
          boolean expected = e.getValue()[r].charAt(s.code - 1) == 'Y';
          boolean actual = TaskRules.allows(e.getKey(), actor(ROLES.get(r)), TaskFixtures.standard(s));
          if (expected != actual) {
            mismatches.add(e.getKey() + " status " + s.code + " " + ROLES.get(r) + ": expected " + expected);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void the_action_keys_come_in_getaccess_order() {
    assertThat(java.util.Arrays.stream(TaskAction.values()).filter(TaskAction::exported).map(a -> a.accessKey))
        .containsExactly("ACCEPT", "DECLINE", "COMPLETE", "APPROVE", "DISAPPROVE", "START", "PAUSE", "DELEGATE",
            "REMOVE", "EDIT", "DEFER", "RENEW", "CREATE", "CHANGE_DEADLINE", "CHECKLIST_ADD_ITEMS", "ADD_FAVORITE",
            "DELETE_FAVORITE", "RATE", "TAKE", "EDIT.ORIGINATOR", "CHECKLIST.REORDER", "ELAPSEDTIME.ADD",
            "DAYPLAN.TIMER.TOGGLE", "EDIT.PLAN", "CHECKLIST.ADD", "FAVORITE.ADD", "FAVORITE.DELETE");
  }

  @Test
  void a_favorite_can_be_removed_but_not_added_again() {
    Actor fan = new Actor(20, false, Set.of(), Set.of(), true, false);
    Task t = TaskFixtures.standard(Status.PENDING);
    assertThat(TaskRules.allows(TaskAction.ADD_FAVORITE, fan, t)).isFalse();
    assertThat(TaskRules.allows(TaskAction.DELETE_FAVORITE, fan, t)).isTrue();
  }

  @Test
  void the_responsible_may_change_the_deadline_only_when_the_task_allows_it() {
    Task allowing = new Task(1, null, "t", "", null, 1, Status.PENDING, false, false, 0, 0, 10, TaskFixtures.T0, 20,
        Set.of(), Set.of(), 10, TaskFixtures.T0, null, null, null, null, TaskFixtures.T0, null, null, null, null,
        "{g}", null, null, null, true, false, false, false, 0, null, false, "s1", 1, null, null, null, "days",
        Task.ViewerFlags.none(0));
    assertThat(TaskRules.allows(TaskAction.CHANGE_DEADLINE, TaskFixtures.user(20), allowing)).isTrue();
    assertThat(TaskRules.allows(TaskAction.CHANGE_DEADLINE, TaskFixtures.user(20), TaskFixtures.standard(Status.PENDING)))
        .isFalse();
  }
}
