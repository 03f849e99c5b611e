package dev.b24tasks.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who manages whom: departments and their heads built over HTTP, then the directory's answers checked against
 * sets written out by hand.
 *
 * <pre>
 * department (head)                    members
 * Company (1, no head)                 admin, ivan, lea
 *   Sales (Olga)                       olga, sam        a head who is also a member
 *     East (Ivan)                      eve              Ivan heads East without being in it
 *       East-1 (no head)               ed
 *     West (no head)                   wes, eve         Eve is in two departments
 *   Marketing (Olga)                   mia              Olga heads two departments
 *   Legal (Lea)                        len
 * </pre>
 */
class HierarchyTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static Directory dir;
  static long sales, east, east1, west, marketing, legal;
  static long olga, sam, ivan, eve, ed, wes, mia, lea, len;

  @BeforeAll
  static void build() {
    org = new Org(server);
    dir = server.app().directory;
    sales = org.department("Sales", Org.ROOT);
    east = org.department("East", sales);
    east1 = org.department("East-1", east);
    west = org.department("West", sales);
    marketing = org.department("Marketing", Org.ROOT);
    legal = org.department("Legal", Org.ROOT);
    olga = org.user("Olga", "Head", sales);
    sam = org.user("Sam", "Seller", sales);
    ivan = org.user("Ivan", "East", Org.ROOT); // heads East without being one of its members
    eve = org.user("Eve", "Both", east, west);
    ed = org.user("Ed", "Deep", east1);
    wes = org.user("Wes", "West", west);
    mia = org.user("Mia", "Market", marketing);
    lea = org.user("Lea", "Legal", Org.ROOT);
    len = org.user("Len", "Lawyer", legal);
    org.head(sales, olga).head(east, ivan).head(marketing, olga).head(legal, lea);
  }

  @Test
  void a_head_of_several_departments_manages_everyone_below_all_of_them_but_not_herself() {
    assertThat(dir.subordinates(olga)).containsExactlyInAnyOrder(sam, ivan, eve, ed, wes, mia);
  }

  @Test
  void a_head_of_a_sub_department_manages_its_members_and_the_departments_below_it() {
    assertThat(dir.subordinates(ivan)).containsExactlyInAnyOrder(eve, ed);
    assertThat(dir.subordinates(lea)).containsExactly(len);
  }

  @Test
  void people_who_head_nothing_have_no_subordinates() {
    assertThat(dir.subordinates(sam)).isEmpty();
    assertThat(dir.subordinates(ed)).isEmpty();
    assertThat(dir.subordinates(1)).isEmpty(); // the root department has no head
  }

  @Test
  void managers_are_the_heads_of_her_departments_and_of_every_department_above_them() {
    assertThat(dir.managers(ed)).containsExactlyInAnyOrder(ivan, olga);
    assertThat(dir.managers(eve)).containsExactlyInAnyOrder(ivan, olga);
    assertThat(dir.managers(wes)).containsExactly(olga);
    assertThat(dir.managers(ivan)).containsExactly(olga); // a sub-department's head is below the head above
    assertThat(dir.managers(olga)).isEmpty(); // a head is not her own manager
    assertThat(dir.managers(lea)).isEmpty();
  }

  @Test
  void isManagerOf_agrees_with_subordinates() {
    for (long m : new long[] {1, olga, sam, ivan, eve, ed, wes, mia, lea, len}) {
      for (long u : new long[] {1, olga, sam, ivan, eve, ed, wes, mia, lea, len}) {
        assertThat(dir.isManagerOf(m, u)).as("%d manages %d", m, u).isEqualTo(dir.subordinates(m).contains(u));
        assertThat(dir.managers(u).contains(m)).as("%d among managers of %d", m, u)
            .isEqualTo(dir.subordinates(m).contains(u));
      }
    }
  }

  @Test
  void moving_a_department_and_changing_a_head_take_effect_at_once() {
    long team = org.department("Temp team", Org.ROOT);
    long boss = org.user("Tom", "Boss", Org.ROOT);
    long worker = org.user("Wanda", "Worker", team);
    org.head(team, boss);
    assertThat(dir.subordinates(boss)).containsExactly(worker);
    assertThat(dir.isManagerOf(lea, worker)).isFalse();

    Response moved = org.admin().call("department.update", Map.of("ID", team, "PARENT", legal));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(dir.isManagerOf(lea, worker)).isTrue();
    assertThat(dir.isManagerOf(lea, boss)).isTrue();

    org.admin().call("department.update", Map.of("ID", team, "UF_HEAD", 0));
    assertThat(dir.subordinates(boss)).isEmpty();
    assertThat(dir.isManagerOf(lea, boss)).isFalse();

    org.admin().call("user.update", Map.of("ID", worker, "UF_DEPARTMENT", java.util.List.of(Org.ROOT)));
    assertThat(dir.isManagerOf(lea, worker)).isFalse();
  }

  @Test
  void a_department_cannot_be_moved_under_itself_or_below_it() {
    Response r = org.admin().call("department.update", Map.of("ID", sales, "PARENT", east1));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("ERROR_CORE");
    assertThat(dir.subordinates(olga)).contains(ed);
  }

  @Test
  void deleting_a_department_moves_its_sub_departments_up_and_keeps_everybody() {
    long a = org.department("A", Org.ROOT);
    long b = org.department("B", a);
    long headA = org.user("Ann", "A", a);
    long inB = org.user("Bob", "B", b);
    org.head(a, headA);
    assertThat(dir.subordinates(headA)).containsExactly(inB);
    Response r = org.admin().call("department.delete", Map.of("ID", a));
    assertThat(r.status()).isEqualTo(200);
    assertThat(dir.subordinates(headA)).isEmpty();
    Response listed = org.admin().call("department.get", Map.of("ID", b));
    assertThat(listed.result().get(0).get("PARENT").asText()).isEqualTo("1");
    assertThat(dir.departmentsOf(inB)).containsExactly(b);
    assertThat(dir.departmentsOf(headA)).isEmpty();
  }
}
