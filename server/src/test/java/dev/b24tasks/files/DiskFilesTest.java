package dev.b24tasks.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.People.Person;
import dev.b24tasks.testing.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Drive over HTTP against the database: uploads both ways the portal takes them (fileContent in the call, and the
 * uploadUrl with a multipart POST of a few megabytes), the file's fields and its download link, attachments to a
 * task (UF_TASK_WEBDAV_FILES, tasks.task.files.attach, task.item.getfiles) and to a comment (UF_FORUM_MESSAGE_DOC,
 * ATTACHED_OBJECTS), who may read and download what, and a file uploaded on one node downloaded from another.
 */
public class DiskFilesTest extends CastTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static Response ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  static void refused(Response r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.error()).as(r.toString()).isEqualTo(code);
  }

  static long root(Person p) {
    JsonNode list = ok(p.call("disk.storage.getlist", Map.of())).result();
    assertThat(list.size()).isEqualTo(1);
    JsonNode s = list.get(0);
    assertThat(s.get("ENTITY_TYPE").asText()).isEqualTo("user");
    assertThat(s.get("ENTITY_ID").asText()).isEqualTo(Long.toString(p.id()));
    assertThat(s.get("MODULE_ID").asText()).isEqualTo("disk");
    return s.get("ROOT_OBJECT_ID").asLong();
  }

  static JsonNode upload(Person p, long folder, String name, byte[] content) {
    return ok(p.call("disk.folder.uploadfile", Map.of("id", folder, "data", Map.of("NAME", name),
        "fileContent", List.of(name, Base64.getEncoder().encodeToString(content)), "generateUniqueName", true)))
        .result();
  }

  public static HttpResponse<byte[]> fetch(String url, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
      for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<byte[]> post(String url, String contentType, byte[] body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data body with one file part in field {@code field}, as PHP's curl sends it. */
  static byte[] multipart(String boundary, String field, String filename, String type, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnot the file\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + type + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static String sha(byte[] b) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void a_file_uploaded_in_the_call_has_the_portal_fields_and_downloads_with_its_link() {
    long root = root(creator);
    assertThat(root(creator)).as("one storage, made once").isEqualTo(root);
    JsonNode f = upload(creator, root, "notes.txt", "hello, drive".getBytes(StandardCharsets.UTF_8));
    assertThat(f.get("ID").isNumber()).as("the fresh object's id is a number").isTrue();
    assertThat(f.get("NAME").asText()).isEqualTo("notes.txt");
    assertThat(f.get("TYPE").asText()).isEqualTo("file");
    assertThat(f.get("SIZE").asText()).isEqualTo("12");
    assertThat(f.get("PARENT_ID").asText()).isEqualTo(Long.toString(root));
    assertThat(f.get("DELETED_TYPE").asInt()).isZero();
    assertThat(f.get("DELETED_BY").isNull()).isTrue();
    assertThat(f.get("DETAIL_URL").asText()).endsWith("/company/personal/user/" + creator.id() + "/disk/file/notes.txt");
    long id = f.get("ID").asLong();

    JsonNode got = ok(creator.call("disk.file.get", Map.of("id", id))).result();
    assertThat(got.get("ID").asText()).isEqualTo(Long.toString(id));
    assertThat(got.get("DELETED_TYPE").asText()).isEqualTo("0");
    assertThat(got.get("DELETED_BY").asText()).isEqualTo("0");
    assertThat(got.get("GLOBAL_CONTENT_VERSION").asText()).isEqualTo("1");
    assertThat(got.get("CREATE_TIME").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    String url = got.get("DOWNLOAD_URL").asText();
    assertThat(url).startsWith(server.baseUrl() + "/rest/download.json?token=disk%7C");

    HttpResponse<byte[]> d = fetch(url);
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo("hello, drive");
    assertThat(d.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(d.headers().firstValue("Content-Disposition").orElse("")).contains("notes.txt");
    // with the owner's credential along (the webhook path) it works too; with another user's, it does not
    String path = url.substring(url.indexOf("/rest/") + "/rest/".length());
    assertThat(fetch(creator.client().base() + creator.client().webhookPath() + path).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> other = fetch(stranger.client().base() + stranger.client().webhookPath() + path);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(new String(other.body(), StandardCharsets.UTF_8)).contains("ACCESS_DENIED");
    // a tampered token is no link at all
    HttpResponse<byte[]> forged = fetch(url.substring(0, url.length() - 4) + "AAAA");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(new String(forged.body(), StandardCharsets.UTF_8)).contains("ERROR_NOT_FOUND");

    // the same name again: generateUniqueName makes "notes (1).txt"
    JsonNode again = upload(creator, root, "notes.txt", new byte[] {1, 2, 3});
    assertThat(again.get("NAME").asText()).isEqualTo("notes (1).txt");
    refused(creator.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "notes.txt"),
        "fileContent", List.of("notes.txt", "AAAA"))), 400, "DISK_OBJ_22000");

    // the storage's own upload puts the file in its root folder
    JsonNode inRoot = ok(creator.call("disk.storage.uploadfile", Map.of("id", got.get("STORAGE_ID").asLong(),
        "data", Map.of("NAME", "root.txt"), "fileContent", List.of("root.txt", "cm9vdA==")))).result();
    assertThat(inRoot.get("PARENT_ID").asText()).isEqualTo(Long.toString(root));
    ok(creator.call("disk.file.delete", Map.of("id", inRoot.get("ID").asLong())));

    JsonNode children = ok(creator.call("disk.folder.getchildren", Map.of("id", root))).json();
    assertThat(children.get("total").asInt()).isEqualTo(2);
    assertThat(children.get("result").get(0).get("NAME").asText()).isEqualTo("notes (1).txt");
    assertThat(ok(creator.call("disk.storage.getchildren", Map.of("id", got.get("STORAGE_ID").asLong())))
        .json().get("total").asInt()).isEqualTo(2);
    JsonNode folder = ok(creator.call("disk.folder.get", Map.of("id", root))).result();
    assertThat(folder.get("TYPE").asText()).isEqualTo("folder");
    assertThat(folder.get("REAL_OBJECT_ID").asText()).isEqualTo(Long.toString(root));

    // another user's file and folder are as missing as a missing one
    Response foreign = stranger.call("disk.file.get", Map.of("id", id));
    refused(foreign, 400, "ERROR_NOT_FOUND");
    assertThat(foreign.errorDescription()).isEqualTo("Could not find entity with id `" + id + "`");
    refused(stranger.call("disk.file.get", Map.of("id", 99_999_999)), 400, "ERROR_NOT_FOUND");
    refused(stranger.call("disk.folder.getchildren", Map.of("id", root)), 400, "ERROR_NOT_FOUND");
    refused(stranger.call("disk.folder.uploadfile", Map.of("id", root, "data", Map.of("NAME", "x.txt"),
        "fileContent", List.of("x.txt", "AAAA"))), 400, "ERROR_NOT_FOUND");

    // the recycle bin, then gone
    long bin = again.get("ID").asLong();
    JsonNode marked = ok(creator.call("disk.file.markdeleted", Map.of("id", bin))).result();
    assertThat(marked.get("DELETED_TYPE").asText()).isEqualTo("3");
    assertThat(marked.get("DELETED_BY").asText()).isEqualTo(Long.toString(creator.id()));
    assertThat(ok(creator.call("disk.folder.getchildren", Map.of("id", root))).json().get("total").asInt()).isEqualTo(1);
    assertThat(ok(creator.call("disk.file.delete", Map.of("id", bin))).result().asBoolean()).isTrue();
    refused(creator.call("disk.file.get", Map.of("id", bin)), 400, "ERROR_NOT_FOUND");
  }

  @Test
  void the_two_step_upload_streams_a_few_megabytes_in_and_out() throws Exception {
    long root = root(responsible);
    JsonNode step1 = ok(responsible.call("disk.folder.uploadfile", Map.of("id", root))).result();
    assertThat(step1.get("field").asText()).isEqualTo("file");
    String uploadUrl = step1.get("uploadUrl").asText();
    assertThat(uploadUrl).startsWith(server.baseUrl() + "/rest/upload.json?token=disk%7C");

    byte[] content = new byte[3 * 1024 * 1024 + 12_345]; // several chunks and a partial one
    new Random(7).nextBytes(content);
    String boundary = "----b24" + System.nanoTime();
    HttpResponse<byte[]> up = post(uploadUrl, "multipart/form-data; boundary=" + boundary,
        multipart(boundary, "file", "big.bin", "application/x-test", content));
    assertThat(up.statusCode()).as(new String(up.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    JsonNode f = dev.b24tasks.rest.Json.MAPPER.readTree(up.body()).get("result");
    assertThat(f.get("NAME").asText()).isEqualTo("big.bin");
    assertThat(f.get("SIZE").asText()).isEqualTo(Long.toString(content.length));

    HttpResponse<byte[]> d = fetch(f.get("DOWNLOAD_URL").asText());
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(d.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/x-test");
    assertThat(d.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(content.length);
    assertThat(sha(d.body())).isEqualTo(sha(content));

    // the same link, used again: the name is taken and generateUniqueName was not asked for
    HttpResponse<byte[]> twice = post(uploadUrl, "multipart/form-data; boundary=" + boundary,
        multipart(boundary, "file", "big.bin", "application/x-test", new byte[10]));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(new String(twice.body(), StandardCharsets.UTF_8)).contains("DISK_OBJ_22000");

    // a file uploaded on this node downloads from another node of the same database
    try (App second = server.secondNode()) {
      String there = f.get("DOWNLOAD_URL").asText().replace(":" + server.app().port() + "/", ":" + second.port() + "/");
      HttpResponse<byte[]> d2 = fetch(there);
      assertThat(d2.statusCode()).isEqualTo(200);
      assertThat(sha(d2.body())).isEqualTo(sha(content));
    }
  }

  @Test
  void files_attach_to_tasks_and_comments_and_who_may_read_the_task_may_download_them() {
    long root = root(auditor);
    long fileId = upload(auditor, root, "plan.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).get("ID").asLong();
    long other = upload(auditor, root, "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}).get("ID").asLong();

    // the auditor attaches her file to a task she creates for the responsible
    long task = auditor.addTask(Map.of("TITLE", "With files", "RESPONSIBLE_ID", responsible.id(),
        "UF_TASK_WEBDAV_FILES", List.of("n" + fileId)));
    JsonNode t = ok(auditor.call("tasks.task.get", Map.of("taskId", task,
        "select", List.of("ID", "UF_TASK_WEBDAV_FILES")))).result().get("task");
    assertThat(t.get("ufTaskWebdavFiles").isArray()).isTrue();
    long attachment = t.get("ufTaskWebdavFiles").get(0).asLong();
    assertThat(ok(auditor.call("task.item.getfiles", List.of(task))).result().get(0).asLong()).isEqualTo(attachment);

    // attach: a second file, then the first again (it keeps its attachment)
    JsonNode attached = ok(auditor.call("tasks.task.files.attach", Map.of("taskId", task, "fileId", other))).result();
    long second = attached.get("attachmentId").asLong();
    assertThat(ok(auditor.call("tasks.task.files.attach", Map.of("taskId", task, "fileId", fileId))).result()
        .get("attachmentId").asLong()).isEqualTo(attachment);
    JsonNode listed = ok(responsible.call("tasks.task.list", Map.of("filter", Map.of("ID", task),
        "select", List.of("ID", "UF_TASK_WEBDAV_FILES")))).result().get("tasks").get(0);
    assertThat(listed.get("ufTaskWebdavFiles").toString()).isEqualTo("[" + attachment + "," + second + "]");
    // an attachment id resolves to its file for whoever may read the task (disk.attachedObject.get)
    JsonNode ao = ok(responsible.call("disk.attachedObject.get", Map.of("id", attachment))).result();
    assertThat(ao.get("OBJECT_ID").asText()).isEqualTo(Long.toString(fileId));
    assertThat(ao.get("ENTITY_TYPE").asText()).isEqualTo("tasks_task");
    assertThat(ao.get("ENTITY_ID").asText()).isEqualTo(Long.toString(task));
    assertThat(ao.get("NAME").asText()).isEqualTo("plan.pdf");
    assertThat(fetch(ao.get("DOWNLOAD_URL").asText()).statusCode()).isEqualTo(200);
    refused(stranger.call("disk.attachedObject.get", Map.of("id", attachment)), 400, "ERROR_NOT_FOUND");
    refused(stranger.call("disk.attachedObject.get", Map.of("id", 99_999_999)), 400, "ERROR_NOT_FOUND");

    // the responsible may read the task: she reads and downloads the auditor's file; a stranger may not
    JsonNode seen = ok(responsible.call("disk.file.get", Map.of("id", fileId))).result();
    HttpResponse<byte[]> d = fetch(seen.get("DOWNLOAD_URL").asText());
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(d.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    refused(responsible.call("disk.file.delete", Map.of("id", fileId)), 403, "ACCESS_DENIED");
    refused(stranger.call("disk.file.get", Map.of("id", fileId)), 400, "ERROR_NOT_FOUND");
    refused(stranger.call("tasks.task.files.attach", Map.of("taskId", task, "fileId", fileId)), 400, "0");
    refused(stranger.call("task.item.getfiles", List.of(task)), 400, "ERROR_CORE");

    // update: keep the second attachment by id, drop the first
    ok(auditor.call("tasks.task.update", Map.of("taskId", task,
        "fields", Map.of("UF_TASK_WEBDAV_FILES", List.of(Long.toString(second))))));
    assertThat(ok(auditor.call("task.item.getfiles", List.of(task))).result().toString()).isEqualTo("[" + second + "]");
    refused(auditor.call("tasks.task.update", Map.of("taskId", task,
        "fields", Map.of("UF_TASK_WEBDAV_FILES", List.of("n99999999")))), 400, "ERROR_CORE");

    // the plan is no longer on the task: the responsible may not read it now
    refused(responsible.call("disk.file.get", Map.of("id", fileId)), 400, "ERROR_NOT_FOUND");

    // a comment with the photo (still on the task): ATTACHED_OBJECTS, downloadable by whoever reads the task
    long comment = ok(responsible.call("task.commentitem.add", List.of(task,
        Map.of("POST_MESSAGE", "see the photo", "UF_FORUM_MESSAGE_DOC", List.of("n" + other))))).result().asLong();
    JsonNode c = ok(auditor.call("task.commentitem.get", List.of(task, comment))).result();
    JsonNode objects = c.get("ATTACHED_OBJECTS");
    assertThat(objects.size()).isEqualTo(1);
    JsonNode o = objects.elements().next();
    assertThat(o.get("NAME").asText()).isEqualTo("photo.png");
    assertThat(o.get("SIZE").asText()).isEqualTo("4");
    assertThat(o.get("FILE_ID").asText()).isNotEmpty();
    assertThat(objects.fieldNames().next()).isEqualTo(o.get("ATTACHMENT_ID").asText());
    assertThat(fetch(o.get("DOWNLOAD_URL").asText()).statusCode()).isEqualTo(200);
    JsonNode list = ok(auditor.call("task.commentitem.getlist", List.of(task))).result();
    assertThat(list.get(0).get("ATTACHED_OBJECTS").size()).isEqualTo(1);
    // update replaces the list; an empty one clears it
    ok(responsible.call("task.commentitem.update", List.of(task, comment,
        Map.of("POST_MESSAGE", "no plan", "UF_FORUM_MESSAGE_DOC", List.of()))));
    assertThat(ok(auditor.call("task.commentitem.get", List.of(task, comment))).result().get("ATTACHED_OBJECTS")
        .size()).isZero();
    // a file the writer may not read is "File not found"
    Response bad = stranger.call("task.commentitem.add", List.of(task,
        Map.of("POST_MESSAGE", "x", "UF_FORUM_MESSAGE_DOC", List.of("n" + fileId))));
    assertThat(bad.status()).isEqualTo(400);
    Response hidden = responsible.call("task.commentitem.add", List.of(task,
        Map.of("POST_MESSAGE", "x", "UF_FORUM_MESSAGE_DOC", List.of("n99999999"))));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.errorDescription()).contains("File not found");
  }

  @Test
  void rest_3_attaches_files_all_or_none() {
    long root = root(stranger);
    long a = upload(stranger, root, "v3-a.txt", new byte[] {1}).get("ID").asLong();
    long b = upload(stranger, root, "v3-b.txt", new byte[] {2}).get("ID").asLong();
    long task = stranger.addTask(Map.of("TITLE", "v3 files", "RESPONSIBLE_ID", stranger.id()));
    Response ok = stranger.client().v3("tasks.task.file.attach", Map.of("taskId", task, "fileIds", List.of(a, b)));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.result().get("result").asBoolean()).isTrue();
    assertThat(ok(stranger.call("task.item.getfiles", List.of(task))).result().size()).isEqualTo(2);
    // one file she may not read: nothing of the call stays
    long other = upload(responsible, root(responsible), "v3-c.txt", new byte[] {3}).get("ID").asLong();
    long c = upload(stranger, root, "v3-d.txt", new byte[] {4}).get("ID").asLong();
    Response bad = stranger.client().v3("tasks.task.file.attach", Map.of("taskId", task, "fileIds", List.of(c, other)));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.error()).isNotNull();
    assertThat(ok(stranger.call("task.item.getfiles", List.of(task))).result().size()).isEqualTo(2);
    // a hidden task is not found, like a missing one; a bad fileIds is a validation error
    long hidden = creator.addTask(Map.of("TITLE", "not for Gleb", "RESPONSIBLE_ID", creator.id()));
    Response notFound = stranger.client().v3("tasks.task.file.attach", Map.of("taskId", hidden, "fileIds", List.of(a)));
    Response missing = stranger.client().v3("tasks.task.file.attach", Map.of("taskId", 99_999_999, "fileIds", List.of(a)));
    assertThat(notFound.status()).isEqualTo(missing.status()).isEqualTo(400);
    assertThat(notFound.json().get("error").get("code").asText()).isEqualTo(missing.json().get("error").get("code").asText());
    assertThat(stranger.client().v3("tasks.task.file.attach", Map.of("taskId", task, "fileIds", "x")).status())
        .isEqualTo(400);
    assertThat(stranger.client().v3("tasks.task.file.attach", Map.of("taskId", task)).status()).isEqualTo(400);
  }

  @Test
  void subfolders_hold_files_and_their_paths() {
    long root = root(responsible);
    JsonNode docs = ok(responsible.call("disk.folder.addsubfolder", Map.of("id", root, "data", Map.of("NAME", "Docs"))))
        .result();
    assertThat(docs.get("ID").isNumber()).isTrue();
    assertThat(docs.get("TYPE").asText()).isEqualTo("folder");
    assertThat(docs.get("PARENT_ID").asText()).isEqualTo(Long.toString(root));
    assertThat(docs.get("DETAIL_URL").asText()).endsWith("/disk/path/Docs");
    Response twice = responsible.call("disk.folder.addsubfolder", Map.of("id", root, "data", Map.of("NAME", "docs")));
    refused(twice, 400, "DISK_OBJ_22000");
    assertThat(twice.errorDescription()).isEqualTo("A folder with this name already exists");
    refused(responsible.call("disk.folder.addsubfolder", Map.of("id", root)), 400, "ERROR_ARGUMENT");
    refused(stranger.call("disk.folder.addsubfolder", Map.of("id", root, "data", Map.of("NAME", "Mine"))), 400,
        "ERROR_NOT_FOUND");
    long folder = docs.get("ID").asLong();
    JsonNode f = upload(responsible, folder, "deep.txt", new byte[] {42});
    assertThat(f.get("DETAIL_URL").asText()).endsWith("/disk/file/Docs/deep.txt");
    JsonNode children = ok(responsible.call("disk.folder.getchildren", Map.of("id", folder))).json();
    assertThat(children.get("total").asInt()).isEqualTo(1);
    long storage = f.get("STORAGE_ID").asLong();
    JsonNode top = ok(responsible.call("disk.storage.addfolder", Map.of("id", storage, "data", Map.of("NAME", "Top"))))
        .result();
    assertThat(top.get("PARENT_ID").asText()).isEqualTo(Long.toString(root));
  }
}
