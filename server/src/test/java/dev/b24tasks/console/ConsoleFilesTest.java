package dev.b24tasks.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.files.DiskFilesTest;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's task page lists the task's Drive files, names escaped, each with a link that downloads it. */
class ConsoleFilesTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void the_task_page_lists_attached_files_with_download_links() {
    Org org = new Org(server);
    long anna = org.user("Anna", "Files");
    server.app().console.passwords().set(anna, "correct horse 1");
    String email = server.admin().call("user.get", Map.of("ID", anna)).result().get(0).get("EMAIL").asText();
    RestClient as = org.as(anna);
    long root = as.call("disk.storage.getlist", Map.of()).result().get(0).get("ROOT_OBJECT_ID").asLong();
    String evil = "<b>plan<i>.txt";
    long file = as.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", evil), "fileContent",
        List.of(evil, Base64.getEncoder().encodeToString("the plan".getBytes(StandardCharsets.UTF_8)))))
        .result().get("ID").asLong();
    long task = as.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Files on the page",
        "RESPONSIBLE_ID", anna, "UF_TASK_WEBDAV_FILES", List.of("n" + file)))).result().get("task").get("id").asLong();

    ConsoleClient b = new ConsoleClient(server.baseUrl());
    assertThat(b.signIn(email, "correct horse 1").statusCode()).isEqualTo(303);
    String html = b.get("/console/tasks/" + task).body();
    assertThat(html).contains("&lt;b&gt;plan&lt;i&gt;.txt").doesNotContain("<b>plan");
    Matcher link = Pattern.compile("href=\"([^\"]*/rest/download\\.json\\?token=[^\"]+)\"").matcher(html);
    assertThat(link.find()).as(html).isTrue();
    var d = DiskFilesTest.fetch(link.group(1).replace("&amp;", "&"));
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo("the plan");
  }
}
