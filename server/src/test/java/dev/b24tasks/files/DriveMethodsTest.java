package dev.b24tasks.files;

import static dev.b24tasks.files.DiskFilesTest.fetch;
import static dev.b24tasks.files.DiskFilesTest.ok;
import static dev.b24tasks.files.DiskFilesTest.refused;
import static dev.b24tasks.files.DiskFilesTest.root;
import static dev.b24tasks.files.DiskFilesTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.People.Person;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Drive methods around a file's life over HTTP against the database: rename, move and copy of files and
 * folders (paths carried down, name conflicts, copies sharing content rows), the recycle bin for folders
 * (markdeleted, restore, deletetree), versions (uploadversion, getVersions, disk.version.get,
 * restoreFromVersion), getchildren's filter and order, and who may do which.
 */
class DriveMethodsTest extends CastTest {
  static long folder(Person p, long parent, String name) {
    return ok(p.call("disk.folder.addsubfolder", Map.of("id", parent, "data", Map.of("NAME", name)))).result()
        .get("ID").asLong();
  }

  static long file(Person p, long folder, String name, String text) {
    return upload(p, folder, name, text.getBytes(StandardCharsets.UTF_8)).get("ID").asLong();
  }

  static String download(Person p, long fileId) {
    String url = ok(p.call("disk.file.get", Map.of("id", fileId))).result().get("DOWNLOAD_URL").asText();
    return new String(fetch(url).body(), StandardCharsets.UTF_8);
  }

  static long count(String table) {
    return server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM " + table));
  }

  static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("result").forEach(o -> out.add(o.get("NAME").asText()));
    return out;
  }

  @Test
  void files_and_folders_are_renamed_and_moved_with_their_paths_and_the_portal_codes() {
    long root = root(creator);
    long docs = folder(creator, root, "Docs");
    long inner = folder(creator, docs, "Inner");
    long f = file(creator, inner, "a.txt", "alpha");
    file(creator, inner, "b.txt", "beta");

    JsonNode renamed = ok(creator.call("disk.file.rename", Map.of("id", f, "newName", "c.txt"))).result();
    assertThat(renamed.get("NAME").asText()).isEqualTo("c.txt");
    assertThat(renamed.get("ID").asText()).isEqualTo(Long.toString(f));
    assertThat(renamed.get("DETAIL_URL").asText()).endsWith("/disk/file/Docs/Inner/c.txt");
    refused(creator.call("disk.file.rename", Map.of("id", f, "newName", "B.TXT")), 400, "DISK_OBJ_22000");
    refused(creator.call("disk.file.rename", Map.of("id", f)), 400, "ERROR_ARGUMENT");
    refused(creator.call("disk.file.rename", Map.of("newName", "x.txt")), 400, "ERROR_ARGUMENT");
    refused(creator.call("disk.file.rename", Map.of("id", f, "newName", "a/b")), 400, "ERROR_ARGUMENT");
    refused(stranger.call("disk.file.rename", Map.of("id", f, "newName", "x.txt")), 400, "ERROR_NOT_FOUND");
    refused(creator.call("disk.file.rename", Map.of("id", docs, "newName", "x.txt")), 400, "ERROR_NOT_FOUND");
    assertThat(ok(creator.call("disk.file.rename", Map.of("id", f, "newName", "C.txt"))).result().get("NAME")
        .asText()).as("another case of its own name").isEqualTo("C.txt");

    // a folder's new name is carried down to everything under it
    JsonNode folderRenamed = ok(creator.call("disk.folder.rename", Map.of("id", docs, "newName", "Papers"))).result();
    assertThat(folderRenamed.get("TYPE").asText()).isEqualTo("folder");
    assertThat(folderRenamed.get("DETAIL_URL").asText()).endsWith("/disk/path/Papers");
    assertThat(ok(creator.call("disk.file.get", Map.of("id", f))).result().get("DETAIL_URL").asText())
        .endsWith("/disk/file/Papers/Inner/C.txt");
    refused(creator.call("disk.folder.rename", Map.of("id", root, "newName", "Mine")), 403, "ACCESS_DENIED");

    // moving: PARENT_ID as a number, the name must be free there, a folder never goes under itself
    JsonNode moved = ok(creator.call("disk.file.moveto", Map.of("id", f, "targetFolderId", root))).result();
    assertThat(moved.get("PARENT_ID").isNumber()).isTrue();
    assertThat(moved.get("PARENT_ID").asLong()).isEqualTo(root);
    assertThat(moved.get("DETAIL_URL").asText()).endsWith("/disk/file/C.txt");
    long clash = file(creator, inner, "C.txt", "another");
    refused(creator.call("disk.file.moveTo", Map.of("id", clash, "targetFolderId", root)), 400, "DISK_OBJ_22000");
    refused(creator.call("disk.file.moveto", Map.of("id", f)), 400, "ERROR_ARGUMENT");
    refused(creator.call("disk.file.moveto", Map.of("id", f, "targetFolderId", 99_999_999)), 400, "ERROR_NOT_FOUND");
    refused(creator.call("disk.folder.moveto", Map.of("id", docs, "targetFolderId", inner)), 400, "ERROR_ARGUMENT");
    refused(creator.call("disk.folder.moveto", Map.of("id", root, "targetFolderId", docs)), 400, "DISK_OBJ_22000");
    JsonNode folderMoved = ok(creator.call("disk.folder.moveto", Map.of("id", inner, "targetFolderId", root)))
        .result();
    assertThat(folderMoved.get("PARENT_ID").asLong()).isEqualTo(root);
    assertThat(ok(creator.call("disk.file.get", Map.of("id", clash))).result().get("DETAIL_URL").asText())
        .endsWith("/disk/file/Inner/C.txt");
    // another user's folder is no target; another storage's folder: false, as the portal answers
    long strangerRoot = root(stranger);
    refused(creator.call("disk.file.moveto", Map.of("id", f, "targetFolderId", strangerRoot)), 400,
        "ERROR_NOT_FOUND");
    Person admin = new dev.b24tasks.testing.People(server).create("Ida", true);
    assertThat(ok(admin.call("disk.file.moveto", Map.of("id", f, "targetFolderId", strangerRoot))).result()
        .asBoolean()).isFalse();
    assertThat(download(creator, f)).isEqualTo("alpha");
  }

  @Test
  void copies_share_their_content_and_outlive_the_original() {
    long root = root(responsible);
    long src = folder(responsible, root, "Src");
    long sub = folder(responsible, src, "Sub");
    long one = file(responsible, src, "one.txt", "first");
    file(responsible, sub, "two.txt", "second");
    long dst = folder(responsible, root, "Dst");
    long contents = count("disk_contents");
    long chunks = count("disk_chunks");

    JsonNode copy = ok(responsible.call("disk.file.copyto", Map.of("id", one, "targetFolderId", dst))).result();
    assertThat(copy.get("ID").isNumber()).as("the fresh copy's id is a number").isTrue();
    assertThat(copy.get("ID").asLong()).isNotEqualTo(one);
    assertThat(copy.get("PARENT_ID").asText()).isEqualTo(Long.toString(dst));
    assertThat(copy.get("GLOBAL_CONTENT_VERSION").asInt()).isEqualTo(1);
    assertThat(copy.get("DETAIL_URL").asText()).endsWith("/disk/file/Dst/one.txt");
    refused(responsible.call("disk.file.copyto", Map.of("id", one, "targetFolderId", dst)), 400, "DISK_OBJ_22000");

    JsonNode tree = ok(responsible.call("disk.folder.copyto", Map.of("id", src, "targetFolderId", dst))).result();
    long srcCopy = tree.get("ID").asLong();
    assertThat(tree.get("TYPE").asText()).isEqualTo("folder");
    assertThat(names(ok(responsible.call("disk.folder.getchildren", Map.of("id", srcCopy))).json()))
        .containsExactly("Sub", "one.txt");
    long subCopy = ok(responsible.call("disk.folder.getchildren", Map.of("id", srcCopy))).result().get(0).get("ID")
        .asLong();
    JsonNode twoCopy = ok(responsible.call("disk.folder.getchildren", Map.of("id", subCopy))).result().get(0);
    assertThat(twoCopy.get("DETAIL_URL").asText()).endsWith("/disk/file/Dst/Src/Sub/two.txt");
    assertThat(count("disk_contents")).as("no content duplicated").isEqualTo(contents);
    assertThat(count("disk_chunks")).isEqualTo(chunks);

    // the original goes for good; its copies keep the shared content
    ok(responsible.call("disk.folder.deletetree", Map.of("id", src)));
    assertThat(download(responsible, copy.get("ID").asLong())).isEqualTo("first");
    assertThat(download(responsible, twoCopy.get("ID").asLong())).isEqualTo("second");
    assertThat(count("disk_contents")).isEqualTo(contents);
    // and once nothing refers to a content, it goes too
    ok(responsible.call("disk.folder.deletetree", Map.of("id", dst)));
    assertThat(count("disk_contents")).isEqualTo(contents - 2);
    refused(responsible.call("disk.folder.get", Map.of("id", subCopy)), 400, "ERROR_NOT_FOUND");
    refused(responsible.call("disk.folder.deletetree", Map.of("id", root)), 400, "DISK_OBJ_22000");
    refused(responsible.call("disk.folder.copyto", Map.of("id", root, "targetFolderId", root)), 400,
        "DISK_OBJ_22000");

    // who may read a task may copy its attached file into her own drive (not move or rename it)
    long plan = file(creator, root(creator), "plan.txt", "the plan");
    long task = task("Copy me", Map.of("UF_TASK_WEBDAV_FILES", List.of("n" + plan)));
    assertThat(task).isPositive();
    JsonNode mine = ok(auditor.call("disk.file.copyto", Map.of("id", plan, "targetFolderId", root(auditor))))
        .result();
    assertThat(mine.get("STORAGE_ID").asText()).isNotEqualTo(ok(creator.call("disk.file.get", Map.of("id", plan)))
        .result().get("STORAGE_ID").asText());
    assertThat(download(auditor, mine.get("ID").asLong())).isEqualTo("the plan");
    refused(auditor.call("disk.file.rename", Map.of("id", plan, "newName", "mine.txt")), 403, "ACCESS_DENIED");
    refused(auditor.call("disk.file.moveto", Map.of("id", plan, "targetFolderId", root(auditor))), 403,
        "ACCESS_DENIED");
    refused(stranger.call("disk.file.copyto", Map.of("id", plan, "targetFolderId", root(stranger))), 400,
        "ERROR_NOT_FOUND");
  }

  @Test
  void folders_go_to_the_recycle_bin_with_what_is_in_them_and_come_back() {
    long root = root(auditor);
    long box = folder(auditor, root, "Box");
    long kept = file(auditor, box, "kept.txt", "k");
    long binned = file(auditor, box, "binned.txt", "b");
    ok(auditor.call("disk.file.markdeleted", Map.of("id", binned)));

    JsonNode marked = ok(auditor.call("disk.folder.markdeleted", Map.of("id", box))).result();
    assertThat(marked.get("DELETED_TYPE").asInt()).isEqualTo(3);
    assertThat(marked.get("DELETED_BY").asText()).isEqualTo(Long.toString(auditor.id()));
    assertThat(ok(auditor.call("disk.file.get", Map.of("id", kept))).result().get("DELETED_TYPE").asText())
        .as("deleted with its folder").isEqualTo("4");
    assertThat(names(ok(auditor.call("disk.folder.getchildren", Map.of("id", root))).json())).doesNotContain("Box");
    refused(auditor.call("disk.folder.markdeleted", Map.of("id", root)), 400, "DISK_OBJ_22000");
    refused(stranger.call("disk.folder.markdeleted", Map.of("id", box)), 400, "ERROR_NOT_FOUND");
    refused(auditor.call("disk.folder.rename", Map.of("id", box, "newName", "Other")), 400, "ERROR_NOT_FOUND");

    // a new "Box" meanwhile: the restored one becomes "Box (1)"; what was binned on its own stays in the bin
    folder(auditor, root, "Box");
    JsonNode restored = ok(auditor.call("disk.folder.restore", Map.of("id", box))).result();
    assertThat(restored.get("DELETED_TYPE").asInt()).isZero();
    assertThat(restored.get("NAME").asText()).isEqualTo("Box (1)");
    assertThat(ok(auditor.call("disk.file.get", Map.of("id", kept))).result().get("DETAIL_URL").asText())
        .endsWith("/disk/file/Box (1)/kept.txt");
    assertThat(names(ok(auditor.call("disk.folder.getchildren", Map.of("id", box))).json()))
        .containsExactly("kept.txt");
    assertThat(ok(auditor.call("disk.file.get", Map.of("id", binned))).result().get("DELETED_TYPE").asText())
        .isEqualTo("3");
    file(auditor, box, "binned.txt", "again");
    JsonNode back = ok(auditor.call("disk.file.restore", Map.of("id", binned))).result();
    assertThat(back.get("NAME").asText()).isEqualTo("binned (1).txt");
    assertThat(back.get("DELETED_TYPE").asInt()).isZero();
    refused(auditor.call("disk.file.restore", Map.of("id", box)), 400, "ERROR_NOT_FOUND");
    refused(auditor.call("disk.folder.restore", Map.of()), 400, "ERROR_ARGUMENT");
  }

  @Test
  void versions_are_uploaded_listed_downloaded_and_restored() {
    long root = root(creator);
    long f = file(creator, root, "report.txt", "v1");
    JsonNode v2 = ok(creator.call("disk.file.uploadversion", Map.of("id", f,
        "fileContent", List.of("ignored.txt", Base64.getEncoder().encodeToString("v2!".getBytes()))))).result();
    assertThat(v2.get("GLOBAL_CONTENT_VERSION").isNumber()).isTrue();
    assertThat(v2.get("GLOBAL_CONTENT_VERSION").asInt()).isEqualTo(2);
    assertThat(v2.get("NAME").asText()).isEqualTo("report.txt");
    assertThat(v2.get("SIZE").asText()).isEqualTo("3");
    assertThat(download(creator, f)).isEqualTo("v2!");
    refused(creator.call("disk.file.uploadversion", Map.of("id", f)), 400, "ERROR_ARGUMENT");
    refused(creator.call("disk.file.uploadversion", Map.of("id", f, "fileContent", List.of("x", "%%%"))), 400,
        "ERROR_COULD_NOT_SAVE_FILE");
    refused(stranger.call("disk.file.uploadversion", Map.of("id", f, "fileContent", List.of("x", "AAAA"))), 400,
        "ERROR_NOT_FOUND");

    JsonNode versions = ok(creator.call("disk.file.getVersions", Map.of("id", f))).json();
    assertThat(versions.get("total").asInt()).isEqualTo(2);
    JsonNode newest = versions.get("result").get(0);
    JsonNode first = versions.get("result").get(1);
    assertThat(newest.get("GLOBAL_CONTENT_VERSION").asText()).isEqualTo("2");
    assertThat(first.get("GLOBAL_CONTENT_VERSION").asText()).isEqualTo("1");
    assertThat(first.get("OBJECT_ID").asText()).isEqualTo(Long.toString(f));
    assertThat(first.get("SIZE").asText()).isEqualTo("2");
    assertThat(new String(fetch(first.get("DOWNLOAD_URL").asText()).body(), StandardCharsets.UTF_8)).isEqualTo("v1");
    assertThat(ok(creator.call("disk.file.getversions", Map.of("id", f, "filter", Map.of(">SIZE", 2)))).json()
        .get("total").asInt()).isEqualTo(1);
    long firstId = first.get("ID").asLong();
    JsonNode one = ok(creator.call("disk.version.get", Map.of("id", firstId))).result();
    assertThat(one.get("NAME").asText()).isEqualTo("report.txt");
    refused(stranger.call("disk.version.get", Map.of("id", firstId)), 400, "ERROR_NOT_FOUND");
    refused(stranger.call("disk.file.getversions", Map.of("id", f)), 400, "ERROR_NOT_FOUND");

    JsonNode v3 = ok(creator.call("disk.file.restoreFromVersion", Map.of("id", f, "versionId", firstId))).result();
    assertThat(v3.get("GLOBAL_CONTENT_VERSION").asInt()).isEqualTo(3);
    assertThat(download(creator, f)).isEqualTo("v1");
    long other = file(creator, root, "other.txt", "o");
    refused(creator.call("disk.file.restorefromversion", Map.of("id", other, "versionId", firstId)), 400,
        "DISK_FILE_22004");
    refused(creator.call("disk.file.restorefromversion", Map.of("id", other)), 400, "ERROR_ARGUMENT");
    // the file goes; its versions and their contents with it
    long contents = count("disk_contents");
    ok(creator.call("disk.file.delete", Map.of("id", f)));
    assertThat(count("disk_contents")).isEqualTo(contents - 2);
    refused(creator.call("disk.version.get", Map.of("id", firstId)), 400, "ERROR_NOT_FOUND");
  }

  @Test
  void getchildren_filters_and_orders_as_asked() {
    long root = root(stranger);
    long dir = folder(stranger, root, "Mixed");
    folder(stranger, dir, "zeta");
    file(stranger, dir, "alpha.txt", "12345");
    file(stranger, dir, "Beta.md", "1");
    file(stranger, dir, "gamma.txt", "123");
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir))).json()))
        .as("default: folders first, then by name").containsExactly("zeta", "alpha.txt", "Beta.md", "gamma.txt");
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of("TYPE", "file"), "order", Map.of("NAME", "DESC")))).json()))
        .containsExactly("gamma.txt", "Beta.md", "alpha.txt");
    JsonNode likeTxt = ok(stranger.call("disk.folder.getchildren", Map.of("id", dir, "filter", Map.of("%NAME", ".TXT"))))
        .json();
    assertThat(likeTxt.get("total").asInt()).isEqualTo(2);
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of("TYPE", "file", "!NAME", "alpha.txt")))).json())).containsExactly("Beta.md", "gamma.txt");
    // SIZE is no filter field (USE_IN_FILTER false in the fields table): ignored, as the portal drops it; it orders
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of(">=SIZE", 3, "TYPE", "file"), "order", Map.of("SIZE", "desc")))).json()))
        .containsExactly("alpha.txt", "gamma.txt", "Beta.md");
    JsonNode fields = ok(stranger.call("disk.file.getfields", Map.of())).result();
    assertThat(fields.get("SIZE").get("USE_IN_FILTER").asBoolean()).isFalse();
    assertThat(fields.get("NAME").get("TYPE").asText()).isEqualTo("string");
    assertThat(ok(stranger.call("disk.folder.getfields", Map.of())).result().has("REAL_OBJECT_ID")).isTrue();
    assertThat(ok(stranger.call("disk.storage.getfields", Map.of())).result().get("ENTITY_TYPE").get("USE_IN_FILTER")
        .asBoolean()).isTrue();
    assertThat(ok(stranger.call("disk.storage.gettypes", Map.of())).result().toString())
        .isEqualTo("[\"user\",\"common\",\"group\"]");
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of("@NAME", List.of("zeta", "beta.md")), "order", Map.of("ID", "asc")))).json()))
        .containsExactly("zeta", "Beta.md");
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of("=%NAME", "%a.txt", "UNKNOWN", 1)))).json())).containsExactly("alpha.txt", "gamma.txt");
    assertThat(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of(">CREATE_TIME", "2000-01-01T00:00:00+00:00")))).json().get("total").asInt()).isEqualTo(4);
    refused(stranger.call("disk.folder.getchildren", Map.of("id", dir, "filter", Map.of(">CREATE_TIME", "soon"))),
        400, "ERROR_ARGUMENT");
    refused(stranger.call("disk.folder.getchildren", Map.of("id", dir, "filter", Map.of("ID", "one"))), 400,
        "ERROR_ARGUMENT");
    long zeta = ok(stranger.call("disk.folder.getchildren", Map.of("id", dir))).result().get(0).get("ID").asLong();
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of("@ID", List.of(zeta, 99_999_999), "CREATE_TIME", List.of("2000-01-01T00:00:00+00:00")))))
        .json())).isEmpty();
    assertThat(names(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir,
        "filter", Map.of("@ID", List.of(zeta)), "order", List.of("junk")))).json())).containsExactly("zeta");
    assertThat(ok(stranger.call("disk.folder.getchildren", Map.of("id", dir, "filter", Map.of("%ID", zeta)))).json()
        .get("total").asInt()).isEqualTo(1);
    long storage = ok(stranger.call("disk.folder.get", Map.of("id", dir))).result().get("STORAGE_ID").asLong();
    assertThat(names(ok(stranger.call("disk.storage.getchildren", Map.of("id", storage,
        "filter", Map.of("TYPE", "folder")))).json())).containsExactly("Mixed");
    // a page past the last still counts them all
    JsonNode past = ok(stranger.call("disk.folder.getchildren", Map.of("id", dir, "start", 50))).json();
    assertThat(past.get("result").size()).isZero();
    assertThat(past.get("total").asInt()).isEqualTo(4);
    // only an application's storage is renamed
    refused(stranger.call("disk.storage.rename", Map.of("id", storage, "newName", "Mine")), 403, "ACCESS_DENIED");
  }

  @Test
  void the_task_user_fields_come_together_and_view_links_show_inline() {
    long plan = file(creator, root(creator), "look.txt", "look at me");
    long task = task("Fields together", Map.of("UF_TASK_WEBDAV_FILES", List.of("n" + plan)));
    for (String one : List.of("UF_CRM_TASK", "UF_MAIL_MESSAGE", "UF_TASK_WEBDAV_FILES")) {
      JsonNode t = ok(creator.call("tasks.task.get", Map.of("taskId", task, "select", List.of("ID", one)))).result()
          .get("task");
      assertThat(t.get("ufTaskWebdavFiles").size()).as(one).isEqualTo(1);
      assertThat(t.get("ufCrmTask").asBoolean(true)).as(one).isFalse();
      assertThat(t.has("ufMailMessage") && t.get("ufMailMessage").isNull()).as(one).isTrue();
    }
    JsonNode row = ok(responsible.call("tasks.task.list", Map.of("filter", Map.of("ID", task),
        "select", List.of("ID", "UF_CRM_TASK")))).result().get("tasks").get(0);
    assertThat(row.get("ufTaskWebdavFiles").size()).isEqualTo(1);
    JsonNode plain = ok(creator.call("tasks.task.get", Map.of("taskId", task, "select", List.of("ID", "TITLE"))))
        .result().get("task");
    assertThat(plain.has("ufCrmTask") || plain.has("ufTaskWebdavFiles")).isFalse();

    // a comment's attachment: VIEW_URL shows the file in the browser (inline, sandboxed), DOWNLOAD_URL saves it
    long comment = ok(creator.call("task.commentitem.add", List.of(task,
        Map.of("POST_MESSAGE", "see", "UF_FORUM_MESSAGE_DOC", List.of("n" + plan))))).result().asLong();
    JsonNode o = ok(auditor.call("task.commentitem.get", List.of(task, comment))).result().get("ATTACHED_OBJECTS")
        .elements().next();
    var view = fetch(o.get("VIEW_URL").asText());
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
    assertThat(view.headers().firstValue("Content-Security-Policy").orElse("")).isEqualTo("sandbox");
    assertThat(new String(view.body(), StandardCharsets.UTF_8)).isEqualTo("look at me");
    var save = fetch(o.get("DOWNLOAD_URL").asText());
    assertThat(save.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
    assertThat(save.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
  }

  static List<dev.b24tasks.testing.Response> together(List<java.util.function.Supplier<dev.b24tasks.testing.Response>> calls)
      throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<dev.b24tasks.testing.Response>> futures = new ArrayList<>();
      for (var c : calls) futures.add(pool.submit(() -> {
        start.await();
        return c.get();
      }));
      start.countDown();
      List<dev.b24tasks.testing.Response> out = new ArrayList<>();
      for (var f : futures) out.add(f.get());
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void racing_callers_never_share_a_name_or_make_a_loop() throws Exception {
    long root = root(responsible);
    long race = folder(responsible, root, "Race");
    List<java.util.function.Supplier<dev.b24tasks.testing.Response>> uploads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      uploads.add(() -> responsible.call("disk.folder.uploadfile", Map.of("id", race, "data", Map.of("NAME", "same.txt"),
          "fileContent", List.of("same.txt", "AAAA"))));
    }
    List<dev.b24tasks.testing.Response> answers = together(uploads);
    assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
    assertThat(answers.stream().filter(r -> "DISK_OBJ_22000".equals(r.error())).count()).isEqualTo(5);
    assertThat(ok(responsible.call("disk.folder.getchildren", Map.of("id", race))).json().get("total").asInt())
        .isEqualTo(1);
    for (int round = 0; round < 5; round++) {
      long a = folder(responsible, race, "A" + round);
      long b = folder(responsible, race, "B" + round);
      List<dev.b24tasks.testing.Response> moves = together(List.of(
          () -> responsible.call("disk.folder.moveto", Map.of("id", a, "targetFolderId", b)),
          () -> responsible.call("disk.folder.moveto", Map.of("id", b, "targetFolderId", a))));
      assertThat(moves.stream().filter(r -> r.status() == 200).count()).as("round " + round).isEqualTo(1);
      assertThat(moves.stream().filter(r -> r.status() == 400).count()).as("round " + round).isEqualTo(1);
    }
  }
}
