package dev.b24tasks.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskAction;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The item-level checklist rows of the decision table (bitrix-task-semantics.md §2.3), role by role. The task-level
 * verdicts ("checklistAddItems", "checklist.reorder") are given as the task rules give them for each role.
 */
class ChecklistRulesTest {
  static final long ME = 10;
  static final long TASK = 5;

  static TaskFacts facts(String role) {
    // What TaskRules answers for each role: admin, creator, manager of the creator and the workgroup may edit;
    // assignees may add; auditors and a manager of an item's owner only read.
    Set<TaskAction> allowed = EnumSet.noneOf(TaskAction.class);
    if (Set.of("admin", "creator", "managerOfCreator", "groupEdit").contains(role)) {
      allowed.add(TaskAction.CHECKLIST_REORDER);
      allowed.add(TaskAction.CHECKLIST_ADD_ITEMS);
    }
    if (Set.of("responsible", "accomplice").contains(role)) allowed.add(TaskAction.CHECKLIST_ADD_ITEMS);
    long creator = role.equals("creator") ? ME : 1;
    long responsible = role.equals("responsible") ? ME : 2;
    Set<Long> accomplices = role.equals("accomplice") ? Set.of(ME) : Set.of();
    Set<Long> subordinates = role.equals("managerOfItemOwner") ? Set.of(77L) : Set.of();
    return new TaskFacts(TASK, creator, responsible, accomplices, ME, role.equals("admin"), subordinates, allowed);
  }

  static ChecklistItem itemBy(long owner, long task) {
    return new ChecklistItem(1, task, 0, owner, "x", 0, false, false, null, null, Map.of());
  }

  @ParameterizedTest(name = "{0}: add={1} editOthers={2} editOwn={3} toggle={4}")
  @CsvSource({
      // role,              add,   edit another's item, edit own item, toggle another's item
      "admin,               true,  true,  true,  true",
      "creator,             true,  true,  true,  true",
      "managerOfCreator,    true,  true,  true,  true",
      "responsible,         true,  false, true,  true",
      "accomplice,          true,  false, true,  true",
      "groupEdit,           true,  true,  true,  true",
      "auditor,             false, false, true,  false",
      "managerOfItemOwner,  false, true,  true,  true",
  })
  void each_role_gets_what_the_table_says(String role, boolean add, boolean editOthers, boolean editOwn,
      boolean toggle) {
    TaskFacts t = facts(role);
    assertThat(ChecklistRules.add(t)).as("add").isEqualTo(add);
    assertThat(ChecklistRules.edit(t, itemBy(77, TASK))).as("edit another's item").isEqualTo(editOthers);
    assertThat(ChecklistRules.edit(t, itemBy(ME, TASK))).as("edit own item").isEqualTo(editOwn);
    assertThat(ChecklistRules.toggle(t, itemBy(77, TASK))).as("toggle").isEqualTo(toggle);
  }

  @ParameterizedTest(name = "{0} may not toggle an item of another task")
  @CsvSource({"creator", "responsible", "accomplice", "groupEdit"})
  void an_item_of_another_task_is_never_toggled_through_this_one(String role) {
    assertThat(ChecklistRules.toggle(facts(role), itemBy(77, TASK + 1))).isFalse();
  }
}
