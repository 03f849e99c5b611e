package dev.b24tasks.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** user.add, user.update, user.get, user.current over HTTP: shapes, filters, paging and every refusal. */
class UsersTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.timeZone = ZoneId.of("UTC"));

  static Org org;
  static long dept, maria, ivan;

  @BeforeAll
  static void build() {
    org = new Org(server);
    dept = org.department("Support", Org.ROOT);
    maria = org.user("Maria", "Johnson", "Administrator", dept);
    ivan = org.user("Ivan", "Petrov", "Engineer", dept, Org.ROOT);
  }

  static Map<String, Object> fields(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  @Test
  void user_add_returns_the_new_id_and_user_get_shows_it_with_the_documented_types_and_order() {
    Response added = org.admin().call("user.add", fields("EMAIL", "anna@example.com", "NAME", "Anna",
        "LAST_NAME", "Smith", "SECOND_NAME", "K", "WORK_POSITION", "Lawyer", "UF_DEPARTMENT", List.of(dept),
        "PERSONAL_GENDER", "F", "TIME_ZONE", "Europe/Berlin", "PERSONAL_PHOTO", "https://img.example/anna.png"));
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.result().isIntegralNumber()).isTrue();
    long id = added.result().asLong();
    JsonNode row = org.admin().call("user.get", fields("ID", id)).result().get(0);
    List<String> keys = new ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ID", "ACTIVE", "NAME", "LAST_NAME", "SECOND_NAME", "EMAIL", "LAST_LOGIN",
        "DATE_REGISTER", "TIME_ZONE", "IS_ONLINE", "PERSONAL_GENDER", "PERSONAL_PHOTO", "PERSONAL_BIRTHDAY",
        "WORK_POSITION", "UF_EMPLOYMENT_DATE", "UF_DEPARTMENT", "USER_TYPE");
    assertThat(row.get("ID").isTextual()).isTrue();
    assertThat(row.get("ID").asText()).isEqualTo(Long.toString(id));
    assertThat(row.get("ACTIVE").isBoolean()).isTrue();
    assertThat(row.get("UF_DEPARTMENT").toString()).isEqualTo("[" + dept + "]");
    assertThat(row.get("TIME_ZONE").asText()).isEqualTo("Europe/Berlin");
    assertThat(row.get("USER_TYPE").asText()).isEqualTo("employee");
    assertThat(server.app().directory.zoneOf(id)).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(server.app().directory.zoneOf(maria)).isEqualTo(ZoneId.of("UTC")); // the portal's
  }

  @Test
  void only_an_administrator_may_invite_and_the_refusal_is_the_documented_one() {
    Response r = org.as(maria).call("user.add", fields("EMAIL", "x@example.com", "UF_DEPARTMENT", List.of(1)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("ERROR_CORE");
    assertThat(r.errorDescription()).isEqualTo("access_denied");
    assertThat(org.admin().call("user.get", fields("EMAIL", "x@example.com")).result()).isEmpty();
  }

  @Test
  void bad_input_to_user_add_gets_a_400_bitrix_envelope_and_writes_nothing() {
    RestClient admin = org.admin();
    long before = admin.call("user.get", Map.of()).json().get("total").asLong();
    expect(admin.call("user.add", fields("NAME", "No mail", "UF_DEPARTMENT", List.of(1))), "ERROR_ARGUMENT", "wrong_email");
    expect(admin.call("user.add", fields("EMAIL", "not-an-email", "UF_DEPARTMENT", List.of(1))), "ERROR_ARGUMENT",
        "wrong_email");
    expect(admin.call("user.add", fields("EMAIL", "nodept@example.com")), "ERROR_ARGUMENT", "no_extranet_field");
    Response badDept = admin.call("user.add", fields("EMAIL", "d@example.com", "UF_DEPARTMENT", List.of("sales")));
    assertThat(badDept.status()).isEqualTo(400);
    assertThat(badDept.error()).isEqualTo("ERROR_ARGUMENT");
    assertThat(badDept.errorDescription()).contains("UF_DEPARTMENT");
    Response nested = admin.call("user.add", "{\"EMAIL\":\"n@example.com\",\"UF_DEPARTMENT\":[[1]]}");
    assertThat(nested.status()).isEqualTo(400);
    Response unknown = admin.call("user.add", fields("EMAIL", "u@example.com", "UF_DEPARTMENT", List.of(424242)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorDescription()).contains("424242");
    Response zone = admin.call("user.add", fields("EMAIL", "z@example.com", "UF_DEPARTMENT", List.of(1),
        "TIME_ZONE", "Mars/Olympus"));
    assertThat(zone.status()).isEqualTo(400);
    Response photo = admin.call("user.add", fields("EMAIL", "p@example.com", "UF_DEPARTMENT", List.of(1),
        "PERSONAL_PHOTO", List.of("a.png", "AAAA")));
    assertThat(photo.status()).isEqualTo(400);
    assertThat(admin.call("user.get", Map.of()).json().get("total").asLong()).isEqualTo(before);
  }

  @Test
  void an_e_mail_is_taken_once_whatever_its_case() {
    RestClient admin = org.admin();
    assertThat(admin.call("user.add", fields("EMAIL", "Dup@Example.com", "UF_DEPARTMENT", 1)).status()).isEqualTo(200);
    expect(admin.call("user.add", fields("EMAIL", "dup@example.com", "UF_DEPARTMENT", 1)), "ERROR_ARGUMENT",
        "User with this email already exists");
  }

  @Test
  void form_encoded_user_add_as_php_crest_sends_it() {
    Response r = org.admin().form("user.add", "EMAIL=crest%40example.com&NAME=Crest&UF_DEPARTMENT%5B0%5D=" + dept);
    assertThat(r.status()).isEqualTo(200);
    JsonNode row = org.admin().get("user.get?FILTER%5BEMAIL%5D=crest%40example.com").result().get(0);
    assertThat(row.get("UF_DEPARTMENT").toString()).isEqualTo("[" + dept + "]");
  }

  @Test
  void user_update_by_an_administrator_or_by_the_user_on_her_own_profile() {
    long tom = org.user("Tom", "Temp", dept);
    assertThat(org.as(tom).call("user.update", fields("ID", tom, "WORK_POSITION", "Lead", "TIME_ZONE",
        "Asia/Tokyo")).result().asBoolean()).isTrue();
    JsonNode row = org.admin().call("user.get", fields("ID", tom)).result().get(0);
    assertThat(row.get("WORK_POSITION").asText()).isEqualTo("Lead");
    assertThat(server.app().directory.zoneOf(tom)).isEqualTo(ZoneId.of("Asia/Tokyo"));

    expect(org.as(tom).call("user.update", fields("ID", maria, "NAME", "Hacked")), "ERROR_CORE", "access_denied");
    expect(org.as(tom).call("user.update", fields("ID", tom, "UF_DEPARTMENT", List.of(1))), "ERROR_CORE",
        "access_denied");
    expect(org.as(tom).call("user.update", fields("ID", tom, "ACTIVE", "N")), "ERROR_CORE", "access_denied");
    expect(org.admin().call("user.update", fields("ID", 987654, "NAME", "Nobody")), "ERROR_CORE", "access_denied");
    Response bad = org.admin().call("user.update", fields("ID", tom, "UF_DEPARTMENT", "x"));
    assertThat(bad.status()).isEqualTo(400);

    assertThat(org.admin().call("user.update", fields("ID", tom, "ACTIVE", false)).status()).isEqualTo(200);
    assertThat(server.app().directory.exists(tom)).isFalse();
    assertThat(org.as(tom).call("user.current", null).status()).isEqualTo(401); // a dismissed user cannot call
  }

  @Test
  void user_get_filters_with_prefixes_and_the_extra_keys() {
    RestClient c = org.as(ivan);
    assertThat(ids(c.call("user.get", fields("FILTER", fields("UF_DEPARTMENT", dept))))).contains(maria, ivan);
    assertThat(ids(c.call("user.get", fields("UF_DEPARTMENT", dept)))).contains(maria, ivan);
    assertThat(ids(c.call("user.get", fields("filter", fields("NAME", "Mar%"))))).containsExactly(maria);
    assertThat(ids(c.call("user.get", fields("filter", fields("%LAST_NAME", "ohns"))))).containsExactly(maria);
    assertThat(ids(c.call("user.get", fields("filter", fields("!%LAST_NAME", "o", "UF_DEPARTMENT", dept)))))
        .doesNotContain(maria, ivan);
    assertThat(ids(c.call("user.get", fields("filter", fields("@ID", List.of(maria, ivan)))))).containsExactly(maria,
        ivan);
    assertThat(ids(c.call("user.get", fields("filter", fields("!@ID", List.of(maria), "UF_DEPARTMENT", dept)))))
        .contains(ivan).doesNotContain(maria);
    assertThat(ids(c.call("user.get", fields("filter", fields(">=ID", ivan, "<=ID", ivan))))).containsExactly(ivan);
    assertThat(ids(c.call("user.get", fields("filter", fields(">ID", maria, "<ID", ivan))))).isEmpty();
    assertThat(ids(c.call("user.get", fields("filter", fields("NAME_SEARCH", "ivan petr"))))).containsExactly(ivan);
    assertThat(ids(c.call("user.get", fields("filter", fields("=%EMAIL", "maria.%"))))).containsExactly(maria);
    assertThat(ids(c.call("user.get", fields("filter", fields("!=ID", maria, "UF_DEPARTMENT", dept))))).doesNotContain(maria);
    assertThat(ids(c.call("user.get", fields("filter", fields("!ID", maria, "UF_DEPARTMENT", dept))))).doesNotContain(maria);
    assertThat(ids(c.call("user.get", fields("filter", fields("USER_TYPE", "extranet"))))).isEmpty();
    assertThat(ids(c.call("user.get", fields("id", ivan)))).containsExactly(ivan);
    Response bad = c.call("user.get", fields("filter", fields("ID", "abc")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorDescription()).contains("ID");
  }

  @Test
  void user_get_sorts_and_pages_by_50_with_total_and_next() {
    long team = org.department("Crowd", Org.ROOT);
    for (int i = 0; i < 55; i++) org.user("P" + (100 + i), "Crowd", team);
    Response first = org.admin().call("user.get", fields("FILTER", fields("UF_DEPARTMENT", team), "sort", "NAME",
        "order", "DESC"));
    assertThat(first.result()).hasSize(50);
    assertThat(first.json().get("total").asInt()).isEqualTo(55);
    assertThat(first.json().get("next").asInt()).isEqualTo(50);
    assertThat(first.result().get(0).get("NAME").asText()).isEqualTo("P154");
    Response second = org.admin().call("user.get", fields("FILTER", fields("UF_DEPARTMENT", team), "sort", "NAME",
        "order", "DESC", "start", 50));
    assertThat(second.result()).hasSize(5);
    assertThat(second.json().has("next")).isFalse();
    assertThat(second.result().get(4).get("NAME").asText()).isEqualTo("P100");
  }

  @Test
  void user_current_and_user_search() {
    JsonNode me = org.as(maria).call("user.current", null).result();
    assertThat(me.get("ID").asText()).isEqualTo(Long.toString(maria));
    assertThat(me.get("UF_DEPARTMENT").toString()).isEqualTo("[" + dept + "]");
    assertThat(ids(org.as(maria).call("user.search", fields("FILTER", fields("FIND", "Petrov"))))).containsExactly(ivan);
    assertThat(ids(org.as(maria).call("user.search", fields("UF_DEPARTMENT_NAME", "Suppo", "NAME", "Ivan"))))
        .containsExactly(ivan);
  }

  @Test
  void the_user_brief_embedded_in_tasks() {
    User u = server.app().directory.user(maria).orElseThrow();
    assertThat(DirectoryViews.userBrief(u).toString()).isEqualTo("{id=" + maria
        + ", name=Maria Johnson, link=/company/personal/user/" + maria
        + "/, icon=/bitrix/images/tasks/default_avatar.png, workPosition=Administrator}");
  }

  static List<Long> ids(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.result().forEach(n -> out.add(n.get("ID").asLong()));
    return out;
  }

  static void expect(Response r, String code, String description) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.errorDescription()).isEqualTo(description);
  }
}
