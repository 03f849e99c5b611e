package dev.b24tasks.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.Departments;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Users;
import dev.b24tasks.directory.Workgroups;
import dev.b24tasks.rest.Json;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskInput;
import dev.b24tasks.tasks.TaskService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo company ({@code b24-tasks seed demo}, the console's portal page): departments with heads, a dozen
 * people, two workgroups and tasks in every status, made through the directory's and the task service's own
 * operations, in one transaction (a failure half-way leaves no half a company behind).
 */
public final class DemoCompany {
  /** The e-mail domain of every demo person: a portal that has one is already seeded. */
  public static final String DOMAIN = "@demo.b24-tasks.local";

  private final Database db;
  private final Directory directory;
  private final Users users;
  private final Departments departments;
  private final Workgroups groups;
  private final TaskService tasks;
  private final Clock clock;
  private final ZoneId timeZone;
  private final Map<String, Long> people = new LinkedHashMap<>();

  public DemoCompany(Database db, Directory directory, Users users, Departments departments, Workgroups groups,
      TaskService tasks, Clock clock, ZoneId timeZone) {
    this.db = db;
    this.directory = directory;
    this.users = users;
    this.departments = departments;
    this.groups = groups;
    this.tasks = tasks;
    this.clock = clock;
    this.timeZone = timeZone;
  }

  /** True when the demo people are there already. */
  public boolean present() {
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM users WHERE email LIKE ?", "%" + DOMAIN)) > 0;
  }

  /**
   * Seeds the company: the people made (key to user id; "admin" is 1 when the portal had nobody and got its
   * administrator first), or empty when it is there already.
   */
  public synchronized Optional<Map<String, Long>> seed() {
    return db.tx(tx -> {
      if (present()) return Optional.<Map<String, Long>>empty();
      people.clear();
      // like a first start, a portal without people gets its administrator (user 1) first
      if (directory.countUsers() == 0) {
        directory.createUser("admin@b24-tasks.local", "Admin", "", true);
        people.put("admin", 1L);
      }
      company();
      return Optional.<Map<String, Long>>of(new LinkedHashMap<>(people));
    });
  }

  private void company() {
    long management = dept("Management", 1);
    long sales = dept("Sales", 1);
    long east = dept("Sales East", sales);
    long engineering = dept("Engineering", 1);
    long qa = dept("Quality Assurance", engineering);
    person("helen", "Helen", "Carter", "Chief Executive Officer", "Europe/London", management);
    person("olga", "Olga", "Smirnova", "Head of Sales", "Europe/Berlin", sales);
    person("ivan", "Ivan", "Petrov", "Regional Sales Lead", "Europe/Moscow", east);
    person("maria", "Maria", "Johnson", "Sales Manager", "America/New_York", sales);
    person("tom", "Tom", "Becker", "Account Executive", "Europe/Berlin", east);
    person("anna", "Anna", "Novak", "Sales Representative", "Europe/Prague", east);
    person("daniel", "Daniel", "Kim", "Chief Technology Officer", "Asia/Seoul", engineering);
    person("liam", "Liam", "O'Brien", "Backend Developer", "Europe/Dublin", engineering);
    person("sofia", "Sofia", "Rossi", "Frontend Developer", "Europe/Rome", engineering);
    person("lucas", "Lucas", "Martin", "Product Designer", "Europe/Paris", engineering);
    person("priya", "Priya", "Patel", "QA Lead", "Asia/Kolkata", qa);
    person("chen", "Chen", "Wei", "QA Engineer", "Asia/Shanghai", qa);
    head(management, "helen");
    head(sales, "olga");
    head(east, "ivan");
    head(engineering, "daniel");
    head(qa, "priya");

    long site = groups.create(new Workgroups.Change("Website relaunch", "The new public website", "web,design", true,
        false, false, true, "K", id("daniel"), null));
    groups.addMembers(site, List.of(id("liam"), id("sofia"), id("lucas"), id("priya"), id("maria")));
    groups.setRole(site, List.of(id("sofia")), "E");
    long accounts = groups.create(new Workgroups.Change("Key accounts", "Our largest customers", "sales", true, true,
        false, false, "E", id("olga"), null));
    groups.addMembers(accounts, List.of(id("maria"), id("ivan"), id("tom"), id("anna")));

    LocalDate today = LocalDate.now(clock.withZone(timeZone));
    long t1 = task("Prepare the Q3 sales plan", "olga", "maria", accounts, today.plusDays(7), List.of("tom"), List.of("helen"), false);
    task("Call the three largest customers", "ivan", "tom", accounts, today.plusDays(2), List.of(), List.of("olga"), false);
    long t3 = task("Design the new landing page", "daniel", "lucas", site, today.plusDays(10), List.of("sofia"), List.of(), false);
    tasks.start(id("lucas"), t3);
    long t4 = task("Build the contact form API", "daniel", "liam", site, today.plusDays(5), List.of(), List.of("priya"), true);
    tasks.start(id("liam"), t4);
    tasks.complete(id("liam"), t4); // with control: awaits Daniel's approval (status 4)
    long t5 = task("Write the regression test plan", "priya", "chen", site, today.minusDays(1), List.of(), List.of(), false);
    tasks.complete(id("chen"), t5);
    long t6 = task("Migrate the old blog", "daniel", "sofia", site, today.plusDays(30), List.of(), List.of(), false);
    tasks.defer(id("sofia"), t6);
    task("Renew the office lease", "helen", "helen", 0, today.plusDays(20), List.of(), List.of(), false);
    long t8 = task("Quarterly report for the board", "helen", "olga", 0, today.minusDays(3), List.of(), List.of("daniel"), false);
    tasks.start(id("olga"), t8);
    tasks.pause(id("olga"), t8);
    tasks.start(id("maria"), t1);
  }

  private long dept(String name, long parent) {
    return departments.add(new Departments.Change(name, 500, parent, null, false));
  }

  private void head(long department, String who) {
    departments.update(department, new Departments.Change(null, null, null, id(who), false), false);
  }

  private void person(String key, String name, String last, String position, String zone, long department) {
    people.put(key, users.add(new Users.Profile(key + "." + last.toLowerCase().replace("'", "") + DOMAIN, name, last,
        "", position, null, "", zone, null, List.of(department)), null));
  }

  private long task(String title, String creator, String responsible, long group, LocalDate deadline,
      List<String> accomplices, List<String> auditors, boolean control) {
    ObjectNode f = Json.object();
    f.put("TITLE", title);
    f.put("CREATED_BY", id(creator));
    f.put("RESPONSIBLE_ID", id(responsible));
    if (group > 0) f.put("GROUP_ID", group);
    f.put("DEADLINE", deadline + "T18:00:00");
    f.put("TASK_CONTROL", control ? "Y" : "N");
    var acc = f.putArray("ACCOMPLICES");
    accomplices.forEach(a -> acc.add(id(a)));
    var aud = f.putArray("AUDITORS");
    auditors.forEach(a -> aud.add(id(a)));
    return tasks.add(id(creator), TaskInput.read(f, timeZone)).id();
  }

  private long id(String key) {
    return people.get(key);
  }

}
