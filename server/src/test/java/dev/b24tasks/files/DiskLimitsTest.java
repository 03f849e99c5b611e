package dev.b24tasks.files;

import static dev.b24tasks.files.DiskFilesTest.fetch;
import static dev.b24tasks.files.DiskFilesTest.multipart;
import static dev.b24tasks.files.DiskFilesTest.ok;
import static dev.b24tasks.files.DiskFilesTest.post;
import static dev.b24tasks.files.DiskFilesTest.refused;
import static dev.b24tasks.files.DiskFilesTest.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.People.Person;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The size limit (here 1 MiB) and bad input: every refusal a 4xx with the disk module's envelope, nothing kept.
 */
class DiskLimitsTest {
  static final int LIMIT = 1 << 20;
  @RegisterExtension static TestServer server = new TestServer(s -> s.maxFileBytes = LIMIT);
  static Person anna;
  static Person gleb;

  @BeforeAll
  static void people() {
    People p = new People(server);
    anna = p.create("Anna");
    gleb = p.create("Gleb");
  }

  static String uploadUrl(Person p) {
    return ok(p.call("disk.folder.uploadfile", Map.of("id", root(p)))).result().get("uploadUrl").asText();
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void files_over_the_limit_are_refused_with_413_in_the_call_and_on_the_upload_link() throws Exception {
    long root = root(anna);
    byte[] big = new byte[LIMIT + 1];
    Response inline = anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "big.bin"),
        "fileContent", List.of("big.bin", Base64.getEncoder().encodeToString(big))));
    refused(inline, 413, "ERROR_COULD_NOT_SAVE_FILE");
    assertThat(inline.errorDescription()).contains(Integer.toString(LIMIT));
    // exactly the limit is fine
    ok(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "max.bin"),
        "fileContent", List.of("max.bin", Base64.getEncoder().encodeToString(new byte[LIMIT])))));

    // a declared length beyond the limit: refused before the body is read
    String boundary = "b" + System.nanoTime();
    byte[] body = multipart(boundary, "file", "big.bin", "application/octet-stream", new byte[2 * LIMIT]);
    HttpResponse<byte[]> declared = post(uploadUrl(anna), "multipart/form-data; boundary=" + boundary, body);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(text(declared)).contains("ERROR_COULD_NOT_SAVE_FILE");
    // no length (chunked): refused as soon as the limit is passed
    HttpResponse<byte[]> chunked = DiskFilesTest.HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl(anna)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(chunked.statusCode()).isEqualTo(413);
    // nothing of the refused files stayed
    assertThat(ok(anna.call("disk.folder.getchildren", Map.of("id", root))).json().get("total").asInt()).isEqualTo(1);
    long chunks = server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM disk_chunks"));
    assertThat(chunks).isEqualTo(LIMIT / DiskStore.CHUNK);
  }

  @Test
  void bad_input_is_a_4xx_with_the_disk_modules_codes() {
    long root = root(anna);
    refused(anna.call("disk.file.get", Map.of()), 400, "ERROR_ARGUMENT");
    refused(anna.call("disk.folder.get", Map.of("id", "abc")), 400, "ERROR_ARGUMENT");
    refused(anna.call("disk.storage.get", Map.of("id", 99_999)), 400, "ERROR_NOT_FOUND");
    refused(anna.call("disk.storage.getforapp", Map.of()), 400, "ERROR_ARGUMENT");
    refused(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "a.txt"),
        "fileContent", List.of("a.txt", "@@not base64@@"))), 400, "ERROR_COULD_NOT_SAVE_FILE");
    refused(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "a.txt"),
        "fileContent", List.of("a.txt", "QUJD="))), 400, "ERROR_COULD_NOT_SAVE_FILE");
    refused(anna.call("disk.folder.uploadfile", Map.of("id", root, "fileContent", List.of("a.txt", "QUJD"))),
        400, "DISK_BASE_SERVICE_22001");
    refused(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "../a.txt"),
        "fileContent", List.of("a.txt", "QUJD"))), 400, "ERROR_ARGUMENT");
    refused(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "a.txt"),
        "fileContent", "just text")), 400, "ERROR_COULD_NOT_SAVE_FILE");
    // line breaks in the base64 (MIME style) are fine
    assertThat(ok(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "abc.txt"),
        "fileContent", List.of("abc.txt", "QUJD\r\nREVG")))).result().get("SIZE").asText()).isEqualTo("6");

    // the links: no token, a made-up token, a GET to the upload link, a body that is not multipart
    String base = server.baseUrl();
    assertThat(fetch(base + "/rest/download.json").statusCode()).isEqualTo(400);
    assertThat(fetch(base + "/rest/download.json?token=disk%7Cxx%7Cyy").statusCode()).isEqualTo(400);
    assertThat(fetch(base + "/rest/download.json?token=disk%7C" + "a".repeat(2500) + "%7Cb").statusCode()).isEqualTo(400);
    assertThat(fetch(base + "/rest/download.json?token=" + "a".repeat(9000)).statusCode()).isBetween(400, 499);
    String up = uploadUrl(anna);
    assertThat(fetch(up).statusCode()).isEqualTo(400);
    assertThat(post(up, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    HttpResponse<byte[]> torn = post(up, "multipart/form-data; boundary=zz",
        "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.txt\"\r\n\r\nno end".getBytes(
            StandardCharsets.UTF_8));
    assertThat(torn.statusCode()).isEqualTo(400);
    assertThat(text(torn)).contains("ERROR_COULD_NOT_SAVE_FILE");
    HttpResponse<byte[]> empty = post(up, "multipart/form-data; boundary=zz",
        "--zz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(empty.statusCode()).isEqualTo(400);
    // someone else's credential with Anna's link
    String path = up.substring(up.indexOf("/rest/") + 6);
    assertThat(post(base + gleb.client().webhookPath() + path, "multipart/form-data; boundary=zz",
        DiskFilesTest.multipart("zz", "file", "g.txt", "text/plain", new byte[3])).statusCode()).isEqualTo(403);
    // a wrong credential is the gateway's 401
    assertThat(post(base + "/rest/1/wrongcode/" + path, "multipart/form-data; boundary=zz",
        DiskFilesTest.multipart("zz", "file", "g.txt", "text/plain", new byte[3])).statusCode()).isEqualTo(401);

    // tasks.task.files.attach: the controller's own errors
    long file = ok(anna.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "f.txt"),
        "fileContent", List.of("f.txt", "QUJD")))).result().get("ID").asLong();
    long annas = anna.addTask(Map.of("TITLE", "Anna's", "RESPONSIBLE_ID", anna.id()));
    long glebs = gleb.addTask(Map.of("TITLE", "Gleb's", "RESPONSIBLE_ID", gleb.id()));
    Response noFile = anna.call("tasks.task.files.attach", Map.of("taskId", annas));
    refused(noFile, 400, "100");
    assertThat(noFile.errorDescription()).isEqualTo("Could not find value for parameter {fileId}");
    Response notInt = anna.call("tasks.task.files.attach", Map.of("taskId", annas, "fileId", "abc"));
    refused(notInt, 400, "100");
    assertThat(notInt.errorDescription()).isEqualTo(
        "Invalid value abc to match with parameter {fileId}. Should be value of type int.");
    refused(anna.call("tasks.task.files.attach", Map.of("fileId", file)), 400, "100");
    Response missing = anna.call("tasks.task.files.attach", Map.of("taskId", annas, "fileId", 99_999_999));
    refused(missing, 400, "ERROR_CORE");
    assertThat(missing.errorDescription()).isEqualTo("Insufficient permissions.<br>");
    refused(gleb.call("tasks.task.files.attach", Map.of("taskId", glebs, "fileId", file)), 400, "ERROR_CORE");
    refused(anna.call("tasks.task.files.attach", Map.of("taskId", glebs, "fileId", file)), 400, "0");
    refused(anna.call("tasks.task.files.attach", Map.of("taskId", 99_999_999, "fileId", file)), 400, "0");
    // UF_TASK_WEBDAV_FILES naming another's file or a made-up attachment id
    refused(gleb.call("tasks.task.update", Map.of("taskId", glebs,
        "fields", Map.of("UF_TASK_WEBDAV_FILES", List.of("n" + file)))), 400, "ERROR_CORE");
    refused(anna.call("tasks.task.update", Map.of("taskId", annas,
        "fields", Map.of("UF_TASK_WEBDAV_FILES", List.of("12345")))), 400, "ERROR_CORE");
    // a multipart call with the file as a part named fileContent
    String b = "mp" + System.nanoTime();
    String form = "--" + b + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + root + "\r\n--" + b
        + "\r\nContent-Disposition: form-data; name=\"data[NAME]\"\r\n\r\nform.txt\r\n--" + b
        + "\r\nContent-Disposition: form-data; name=\"fileContent\"; filename=\"form.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nfrom a form\r\n--" + b + "--\r\n";
    Response viaForm = anna.client().raw("POST", anna.client().webhookPath() + "disk.folder.uploadfile",
        "multipart/form-data; boundary=" + b, form.getBytes(StandardCharsets.UTF_8));
    assertThat(viaForm.status()).as(viaForm.toString()).isEqualTo(200);
    assertThat(viaForm.result().get("SIZE").asText()).isEqualTo("11");
    assertThat(Json.MAPPER.valueToTree(viaForm.result()).get("NAME").asText()).isEqualTo("form.txt");
  }
}
