package dev.b24tasks.files;

import static dev.b24tasks.files.DiskFilesTest.ok;
import static dev.b24tasks.files.DiskFilesTest.refused;
import static dev.b24tasks.testing.LegacyAssert.nullResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.People.Person;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** task.item.addfile / deletefile over HTTP: the file lands in the caller's Drive and on the task, and comes off. */
class LegacyTaskFilesTest {
  static final int LIMIT = 1024;
  @RegisterExtension static TestServer server = new TestServer(s -> s.maxFileBytes = LIMIT);
  static Person creator;
  static Person responsible;
  static Person auditor;
  static Person stranger;

  @BeforeAll
  static void people() {
    People p = new People(server);
    creator = p.create("Anna");
    responsible = p.create("Boris");
    auditor = p.create("Vera");
    stranger = p.create("Gleb");
  }

  static long task() {
    return creator.addTask(Map.of("TITLE", "With files", "RESPONSIBLE_ID", responsible.id(),
        "AUDITORS", List.of(auditor.id())));
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static long files() {
    return server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM disk_objects WHERE kind = 'file'"));
  }

  @Test
  void addfile_uploads_to_the_callers_drive_attaches_and_deletefile_detaches() {
    long task = task();
    Response r = creator.call("task.item.addfile", List.of(task, Map.of("NAME", "desc.txt", "CONTENT", b64("hello"))));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().isIntegralNumber()).as(r.toString()).isTrue();
    long first = r.result().asLong();
    // the doc example's named form, with the id as a string
    long second = ok(creator.call("task.item.addfile", "{\"TASK_ID\":\"" + task
        + "\",\"FILE\":{\"NAME\":\"desc.txt\",\"CONTENT\":\"" + b64("again") + "\"}}")).result().asLong();
    assertThat(ok(responsible.call("task.item.getfiles", List.of(task))).result().toString())
        .isEqualTo("[" + first + "," + second + "]");
    JsonNode ao = ok(responsible.call("disk.attachedObject.get", Map.of("id", first))).result();
    assertThat(ao.get("NAME").asText()).isEqualTo("desc.txt");
    assertThat(ao.get("SIZE").asText()).isEqualTo("5");
    // the file is the caller's own, in her storage's root (a taken name made unique)
    long root = DiskFilesTest.root(creator);
    JsonNode children = ok(creator.call("disk.folder.getchildren", Map.of("id", root))).result();
    assertThat(children.findValuesAsText("NAME")).contains("desc.txt", "desc (1).txt");

    nullResult(creator.call("task.item.deletefile",
        "{\"TASK_ID\":" + task + ",\"ATTACHMENT_ID\":" + first + "}"));
    assertThat(ok(creator.call("task.item.getfiles", List.of(task))).result().toString()).isEqualTo("[" + second + "]");
    Response again = creator.call("task.item.deletefile", List.of(task, first));
    assertThat(again.status()).as(again.toString()).isEqualTo(400);
    assertThat(ok(creator.call("task.item.getfiles", List.of(task))).result().toString()).isEqualTo("[" + second + "]");
  }

  @Test
  void bad_input_readers_without_edit_and_hidden_tasks_are_refused_and_nothing_is_kept() {
    long task = task();
    long before = files();
    refused(creator.call("task.item.addfile", List.of(task, Map.of("NAME", "x.txt", "CONTENT", "###"))), 400,
        "ERROR_COULD_NOT_SAVE_FILE");
    refused(creator.call("task.item.addfile", List.of(task, Map.of("CONTENT", b64("x")))), 400,
        creator.call("disk.folder.uploadfile", Map.of("id", DiskFilesTest.root(creator),
            "fileContent", List.of("", b64("x")))).error());
    refused(creator.call("task.item.addfile", List.of(task, Map.of("NAME", "x.txt"))), 400,
        "ERROR_COULD_NOT_SAVE_FILE");
    Response big = creator.call("task.item.addfile", List.of(task,
        Map.of("NAME", "big.bin", "CONTENT", Base64.getEncoder().encodeToString(new byte[LIMIT + 1]))));
    refused(big, 413, "ERROR_COULD_NOT_SAVE_FILE");
    dev.b24tasks.testing.LegacyAssert.refused(creator.call("task.item.addfile", List.of(task)),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arFile) expected by method ctaskitem::addfile(), but not given.; "
            + "256/TE/WRONG_ARGUMENTS<br>");
    dev.b24tasks.testing.LegacyAssert.refused(creator.call("task.item.deletefile", List.of(task, "x")),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (attachmentId) for method ctaskitem::deletefile() expected to be of "
            + "type \"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
    // the auditor reads but may not edit; the stranger may not see it: refused as a missing task is
    Map<String, String> file = Map.of("NAME", "a.txt", "CONTENT", b64("a"));
    Response reader = auditor.call("task.item.addfile", List.of(task, file));
    assertThat(reader.status()).as(reader.toString()).isEqualTo(400);
    Response hidden = stranger.call("task.item.addfile", List.of(task, file));
    Response missing = stranger.call("task.item.addfile", List.of(999_999, file));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.toString()).isEqualTo(missing.toString());
    assertThat(files()).isEqualTo(before);

    long attachment = ok(creator.call("task.item.addfile", List.of(task, file))).result().asLong();
    assertThat(auditor.call("task.item.deletefile", List.of(task, attachment)).status()).isEqualTo(400);
    assertThat(stranger.call("task.item.deletefile", List.of(task, attachment)).toString())
        .isEqualTo(stranger.call("task.item.deletefile", List.of(999_999, attachment)).toString());
    assertThat(ok(creator.call("task.item.getfiles", List.of(task))).result().toString())
        .isEqualTo("[" + attachment + "]");
  }
}
