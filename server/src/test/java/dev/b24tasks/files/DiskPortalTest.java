package dev.b24tasks.files;

import static dev.b24tasks.files.DiskFilesTest.fetch;
import static dev.b24tasks.files.DiskFilesTest.ok;
import static dev.b24tasks.files.DiskFilesTest.root;
import static dev.b24tasks.files.DiskFilesTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.People;
import dev.b24tasks.testing.People.Person;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** File content is portal state like any other: a snapshot brings a deleted file back, a reset removes them all. */
class DiskPortalTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void snapshots_and_the_reset_cover_files_and_their_content() {
    Person anna = new People(server).create("Anna");
    long id = upload(anna, root(anna), "kept.txt", "keep me".getBytes(StandardCharsets.UTF_8)).get("ID").asLong();
    String url = ok(anna.call("disk.file.get", Map.of("id", id))).result().get("DOWNLOAD_URL").asText();
    ok(server.admin().call("b24tasks.snapshot.save", Map.of("NAME", "with-file")));
    ok(anna.call("disk.file.delete", Map.of("id", id)));
    assertThat(fetch(url).statusCode()).isEqualTo(400);

    ok(server.admin().call("b24tasks.snapshot.restore", Map.of("NAME", "with-file")));
    var back = fetch(url);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(new String(back.body(), StandardCharsets.UTF_8)).isEqualTo("keep me");

    ok(server.admin().call("b24tasks.reset", Map.of()));
    assertThat(fetch(url).statusCode()).isEqualTo(400);
    long left = server.app().db.read(tx -> tx.queryLong(
        "SELECT (SELECT count(*) FROM disk_objects) + (SELECT count(*) FROM disk_chunks)"));
    assertThat(left).isZero();
  }
}
