package dev.b24tasks.tasks;

import static dev.b24tasks.tasks.TaskFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.tasks.TaskRules.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TaskRules.Transition}: the field changes of each action (§3.1) and the bookkeeping of every update (§3.2). */
class TaskRulesTransitionTest {
  static final Instant NOW = Instant.parse("2026-01-11T10:00:00Z");

  @Test
  void each_status_action_has_its_target() {
    Task pending = TaskFixtures.standard(Status.PENDING);
    assertThat(Transition.start(pending, 20, NOW).get(TaskField.STATUS)).isEqualTo(Status.IN_PROGRESS);
    assertThat(Transition.pause(TaskFixtures.standard(Status.IN_PROGRESS), 20, NOW).get(TaskField.STATUS))
        .isEqualTo(Status.PENDING);
    assertThat(Transition.defer(pending, 20, NOW).get(TaskField.STATUS)).isEqualTo(Status.DEFERRED);
    assertThat(Transition.renew(TaskFixtures.standard(Status.COMPLETED), 10, NOW).get(TaskField.STATUS))
        .isEqualTo(Status.PENDING);
    Task awaiting = TaskFixtures.standard(Status.SUPPOSEDLY_COMPLETED);
    assertThat(Transition.approve(awaiting, 10, NOW).get(TaskField.STATUS)).isEqualTo(Status.COMPLETED);
    assertThat(Transition.disapprove(awaiting, 10, NOW).get(TaskField.STATUS)).isEqualTo(Status.PENDING);
  }

  record CompleteCase(boolean control, long creator, long responsible, Status from, Actor actor, Status expected) {}

  @Test
  void complete_gives_5_or_4_as_the_status_resolver_decides() {
    Actor admin = new Actor(1, true, Set.of(), Set.of(), false, false);
    Actor creatorsBoss = new Actor(50, false, Set.of(10L), Set.of(), false, false);
    List<CompleteCase> cases = List.of(
        new CompleteCase(false, 10, 20, Status.IN_PROGRESS, TaskFixtures.user(20), Status.COMPLETED),
        new CompleteCase(true, 10, 20, Status.IN_PROGRESS, TaskFixtures.user(20), Status.SUPPOSEDLY_COMPLETED),
        new CompleteCase(true, 10, 20, Status.IN_PROGRESS, TaskFixtures.user(30), Status.SUPPOSEDLY_COMPLETED),
        new CompleteCase(true, 10, 10, Status.IN_PROGRESS, TaskFixtures.user(10), Status.COMPLETED),
        new CompleteCase(true, 10, 20, Status.IN_PROGRESS, TaskFixtures.user(10), Status.COMPLETED),
        new CompleteCase(true, 10, 20, Status.SUPPOSEDLY_COMPLETED, TaskFixtures.user(10), Status.COMPLETED),
        new CompleteCase(true, 10, 20, Status.SUPPOSEDLY_COMPLETED, admin, Status.COMPLETED),
        new CompleteCase(true, 10, 20, Status.SUPPOSEDLY_COMPLETED, creatorsBoss, Status.COMPLETED),
        new CompleteCase(true, 10, 20, Status.IN_PROGRESS, admin, Status.SUPPOSEDLY_COMPLETED));
    for (CompleteCase c : cases) {
      Task t = TaskFixtures.task(c.from(), c.control(), c.creator(), c.responsible(), List.of(30L), List.of());
      assertThat(Transition.complete(t, c.actor(), NOW).get(TaskField.STATUS)).as(c.toString()).isEqualTo(c.expected());
    }
  }

  @Test
  void a_status_change_stamps_who_and_when_and_closes_or_reopens() {
    TaskChange closing = Transition.complete(TaskFixtures.standard(Status.IN_PROGRESS), TaskFixtures.user(20), NOW);
    assertThat(closing.get(TaskField.CHANGED_BY)).isEqualTo(20L);
    assertThat(closing.get(TaskField.CHANGED_DATE)).isEqualTo(NOW);
    assertThat(closing.get(TaskField.STATUS_CHANGED_BY)).isEqualTo(20L);
    assertThat(closing.get(TaskField.STATUS_CHANGED_DATE)).isEqualTo(NOW);
    assertThat(closing.get(TaskField.CLOSED_BY)).isEqualTo(20L);
    assertThat(closing.get(TaskField.CLOSED_DATE)).isEqualTo(NOW);
    assertThat(closing.has(TaskField.DATE_START)).isFalse();

    TaskChange starting = Transition.start(TaskFixtures.standard(Status.PENDING), 30, NOW);
    assertThat(starting.get(TaskField.DATE_START)).isEqualTo(NOW);
    assertThat(starting.get(TaskField.CLOSED_BY)).isEqualTo(0L);
    assertThat(starting.has(TaskField.CLOSED_DATE)).isTrue();
    assertThat(starting.get(TaskField.CLOSED_DATE)).isNull();
  }

  @Test
  void an_unchanged_status_only_moves_the_status_date() {
    TaskChange same = Transition.pause(TaskFixtures.standard(Status.PENDING), 20, NOW);
    assertThat(same.get(TaskField.STATUS_CHANGED_DATE)).isEqualTo(NOW);
    assertThat(same.has(TaskField.STATUS_CHANGED_BY)).isFalse();
    assertThat(same.has(TaskField.CLOSED_BY)).isFalse();
    assertThat(same.changes(TaskFixtures.standard(Status.PENDING))).isFalse();
  }

  @Test
  void delegate_sets_the_new_responsible_status_2_and_makes_the_old_one_an_auditor() {
    TaskChange c = Transition.delegate(TaskFixtures.standard(Status.IN_PROGRESS), 20, 99, true, NOW);
    assertThat(c.get(TaskField.STATUS)).isEqualTo(Status.PENDING);
    assertThat(c.get(TaskField.RESPONSIBLE_ID)).isEqualTo(99L);
    assertThat(c.get(TaskField.AUDITORS)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE)
        .containsExactly(40L, 20L);
  }

  @Test
  void delegate_appends_a_creator_or_accomplice_who_was_responsible_but_not_an_auditor_twice() {
    Task ownTask = TaskFixtures.task(Status.PENDING, false, 10, 10, List.of(), List.of(40L));
    assertThat(Transition.delegate(ownTask, 10, 99, true, NOW).get(TaskField.AUDITORS))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE).containsExactly(40L, 10L);
    Task alsoAuditor = TaskFixtures.task(Status.PENDING, false, 10, 20, List.of(), List.of(20L));
    assertThat(Transition.delegate(alsoAuditor, 10, 99, true, NOW).has(TaskField.AUDITORS)).isFalse();
    Task alsoAccomplice = TaskFixtures.task(Status.PENDING, false, 10, 20, List.of(20L), List.of());
    assertThat(Transition.delegate(alsoAccomplice, 10, 99, true, NOW).get(TaskField.AUDITORS))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE).containsExactly(20L);
    assertThat(T0).isBefore(NOW);
  }

  @Test
  void delegate_to_an_auditor_takes_her_out_of_the_auditors() {
    Task t = TaskFixtures.task(Status.PENDING, false, 10, 10, List.of(), List.of(40L, 99L));
    assertThat(Transition.delegate(t, 10, 99, true, NOW).get(TaskField.AUDITORS))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE).containsExactly(40L, 10L);
  }
}
