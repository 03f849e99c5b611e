package dev.b24tasks.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Wire;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Drive methods a client uses to get a file id (doc pages {@code disk/storage/*}, {@code disk/folder/*},
 * {@code disk/file/*}), scope {@code disk}: storages, folders and their children, uploads (inline
 * {@code fileContent} or the two-step {@code uploadUrl}), a file's fields with its {@code DOWNLOAD_URL}, and the
 * recycle bin. Ids and numbers are strings, except in an upload's answer (the fresh object, as the portal sends it).
 */
public final class DiskMethods {
  private final DiskService service;
  private final Directory directory;

  public DiskMethods(DiskService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  public void register(MethodRegistry r) {
    // both make the storage the first time it is asked for
    r.named("disk.storage.getforapp", "disk", c -> storage(c, service.appStorage(who(c), "Application storage")));
    r.named("disk.storage.getlist", "disk", this::storages);
    r.namedRead("disk.storage.get", "disk", c -> storage(c, service.storage(who(c), id(c))));
    r.namedRead("disk.storage.getchildren", "disk", c -> children(c, service.rootOf(who(c), id(c))));
    r.named("disk.storage.uploadfile", "disk", c -> upload(c, service.rootOf(who(c), id(c))));
    r.namedRead("disk.folder.get", "disk", c -> {
      DiskObject o = service.folder(who(c), id(c));
      return object(o, service.storageOf(o), who(c), zone(c), false);
    });
    r.namedRead("disk.folder.getchildren", "disk", c -> children(c, id(c)));
    r.named("disk.folder.addsubfolder", "disk", c -> folderAdded(c, id(c)));
    r.named("disk.storage.addfolder", "disk", c -> folderAdded(c, service.rootOf(who(c), id(c))));
    r.named("disk.folder.uploadfile", "disk", c -> upload(c, id(c)));
    r.namedRead("disk.file.get", "disk", c -> {
      DiskObject o = service.file(who(c), id(c));
      return object(o, service.storageOf(o), who(c), zone(c), false);
    });
    r.named("disk.file.markdeleted", "disk", c -> shown(c, service.markDeleted(who(c), id(c), false)));
    r.namedRead("disk.attachedObject.get", "disk", this::attachedObject);
    r.named("disk.file.delete", "disk", c -> {
      service.delete(who(c), id(c), false);
      return true;
    });
    // rename, move, copy, the recycle bin (doc pages disk/file/*, disk/folder/*)
    for (boolean folder : new boolean[] {false, true}) {
      String family = folder ? "disk.folder." : "disk.file.";
      r.named(family + "rename", "disk", c -> shown(c, service.rename(who(c), id(c), folder, text(c, "newName"))));
      r.named(family + "moveto", "disk", c -> service.move(who(c), id(c), folder, targetId(c))
          .<Object>map(o -> with(shown(c, o), "PARENT_ID", o.parentId())).orElse(false));
      r.named(family + "copyto", "disk", c -> {
        DiskObject o = service.copy(who(c), id(c), folder, targetId(c));
        return object(o, service.storageOf(o), who(c), zone(c), true);
      });
      r.named(family + "restore", "disk", c -> {
        DiskObject o = service.restore(who(c), id(c), folder);
        return with(shown(c, o), "DELETED_TYPE", o.deletedType());
      });
    }
    r.named("disk.folder.markdeleted", "disk", c -> {
      DiskObject o = service.markDeleted(who(c), id(c), true);
      return with(shown(c, o), "DELETED_TYPE", o.deletedType());
    });
    r.named("disk.folder.deletetree", "disk", c -> {
      service.delete(who(c), id(c), true);
      return true;
    });
    r.named("disk.storage.rename", "disk", c -> storage(c, service.renameStorage(who(c), id(c), text(c, "newName"))));
    // the fields tables (doc pages disk/*/disk-*-get-fields): type, and whether a filter may use the field
    r.namedRead("disk.file.getfields", "disk", c -> fields("ID integer, NAME string, TYPE enum, CODE string,"
        + " STORAGE_ID integer, PARENT_ID integer, CREATE_TIME datetime, UPDATE_TIME datetime, DELETE_TIME datetime,"
        + " CREATED_BY integer-, UPDATED_BY integer-, DELETED_BY integer-, GLOBAL_CONTENT_VERSION integer-,"
        + " FILE_ID integer-, SIZE integer-, DELETED_TYPE enum"));
    r.namedRead("disk.folder.getfields", "disk", c -> fields("ID integer, NAME string, TYPE enum, CODE string,"
        + " STORAGE_ID integer, REAL_OBJECT_ID integer-, PARENT_ID integer, CREATE_TIME datetime,"
        + " UPDATE_TIME datetime, DELETE_TIME datetime, CREATED_BY integer-, UPDATED_BY integer-,"
        + " DELETED_BY integer-, DELETED_TYPE enum"));
    r.namedRead("disk.storage.getfields", "disk", c -> fields("ID integer, NAME string, CODE string,"
        + " MODULE_ID string-, ENTITY_TYPE string, ENTITY_ID string, ROOT_OBJECT_ID integer-"));
    r.namedRead("disk.storage.gettypes", "disk", c -> List.of("user", "common", "group"));
    // versions
    r.named("disk.file.uploadversion", "disk", this::uploadVersion);
    r.named("disk.file.restorefromversion", "disk", c -> {
      JsonNode v = c.params().get("versionId");
      long versionId = v == null || v.isContainerNode() ? 0 : DiskService.parse(v.asText());
      if (versionId <= 0) throw DiskService.argument(1);
      DiskObject o = service.restoreFromVersion(who(c), id(c), versionId);
      return with(shown(c, o), "GLOBAL_CONTENT_VERSION", o.version());
    });
    r.namedRead("disk.file.getversions", "disk", this::versions);
    r.namedRead("disk.version.get", "disk", c -> {
      DiskService.VersionOf v = service.version(who(c), id(c));
      return version(v.version(), v.file(), who(c), zone(c));
    });
  }

  /** A fields table from {@code "NAME type, NAME type-, …"} ({@code -}: not for filters). */
  private static Map<String, Object> fields(String spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String[] nt = entry.trim().split(" ");
      boolean filter = !nt[1].endsWith("-");
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("TYPE", filter ? nt[1] : nt[1].substring(0, nt[1].length() - 1));
      f.put("USE_IN_FILTER", filter);
      f.put("USE_IN_SHOW", true);
      out.put(nt[0], f);
    }
    return out;
  }

  /** An object's fields as the read methods show them (ids and counters as strings). */
  private Map<String, Object> shown(Call c, DiskObject o) {
    return object(o, service.storageOf(o), who(c), zone(c), false);
  }

  /** The fields with one of them replaced (a number where the portal's answer has one). */
  private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
    m.put(key, value);
    return m;
  }

  /** A text parameter, or null when absent or not a text. */
  private static String text(Call c, String name) {
    JsonNode v = c.params().get(name);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  private static long targetId(Call c) {
    JsonNode v = c.params().get("targetFolderId");
    long id = v == null || v.isContainerNode() ? 0 : DiskService.parse(v.asText());
    if (id <= 0) throw DiskService.argument(1);
    return id;
  }

  static DiskService.Who who(Call c) {
    return new DiskService.Who(c.userId(), c.caller().appId());
  }

  private ZoneId zone(Call c) {
    return directory.zoneOf(c.userId());
  }

  /** The {@code id} of a call; absent or not a positive number: the disk module's ERROR_ARGUMENT. */
  static long id(Call c) {
    JsonNode v = c.params().get("id");
    long id = v == null || v.isContainerNode() ? 0 : DiskService.parse(v.asText());
    if (id <= 0) throw DiskService.argument(0);
    return id;
  }

  private Object storages(Call c) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Storage s : service.storages(who(c))) out.add(storage(c, s));
    return Page.of(out, 0, out.size(), out.size());
  }

  private static Map<String, Object> storage(Call c, Storage s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(s.id()));
    m.put("NAME", s.name());
    m.put("CODE", null);
    m.put("MODULE_ID", "disk");
    m.put("ENTITY_TYPE", s.entityType());
    m.put("ENTITY_ID", Long.toString(s.entityId()));
    m.put("ROOT_OBJECT_ID", Long.toString(s.rootId()));
    return m;
  }

  /**
   * getchildren: the live objects of the folder that pass {@code filter}, in {@code order} (default: folders
   * first, then by name), 50 a page from {@code start}; one query for the page.
   */
  private Object children(Call c, long folderId) {
    ZoneId zone = zone(c);
    ChildQuery q = ChildQuery.children(c.params().get("filter"), c.params().get("order"), zone);
    long start = start(c);
    DiskService.Children page = service.children(who(c), folderId, q, start, Page.SIZE);
    List<Map<String, Object>> out = new ArrayList<>();
    for (DiskObject o : page.page().rows()) out.add(object(o, page.storage(), who(c), zone, false));
    return Page.of(out, start, out.size(), page.page().total());
  }

  private static long start(Call c) {
    return c.params().has("start") ? Math.max(0, Params.phpInt(c.params().get("start"))) : 0;
  }

  /** disk.file.getVersions: the file's versions, newest first, 50 a page, with {@code filter}. */
  private Object versions(Call c) {
    ZoneId zone = zone(c);
    long start = start(c);
    DiskService.Versions page = service.versions(who(c), id(c), ChildQuery.versions(c.params().get("filter"), zone),
        start, Page.SIZE);
    List<Map<String, Object>> out = new ArrayList<>();
    for (DiskStore.Version v : page.page().rows()) out.add(version(v, page.file(), who(c), zone));
    return Page.of(out, start, out.size(), page.page().total());
  }

  private Map<String, Object> version(DiskStore.Version v, DiskObject file, DiskService.Who who, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(v.id()));
    m.put("OBJECT_ID", Long.toString(v.objectId()));
    m.put("SIZE", Long.toString(v.size()));
    m.put("NAME", v.name());
    m.put("GLOBAL_CONTENT_VERSION", Integer.toString(v.version()));
    m.put("CREATE_TIME", Wire.date(v.createdAt(), zone));
    m.put("CREATED_BY", Long.toString(v.createdBy()));
    m.put("DOWNLOAD_URL", service.downloadUrl(file, v.id(), who));
    return m;
  }

  /** disk.file.uploadversion: {@code fileContent} ({@code [name, base64]} or a multipart file part) required. */
  private Object uploadVersion(Call c) {
    long id = id(c);
    JsonNode content = c.params().get("fileContent");
    if (content == null || content.isNull() || (content.isTextual() && content.asText().isEmpty())) {
      throw DiskService.argument(1);
    }
    InputStream bytes = decoded(base64Of(content), service.maxFileBytes(), service);
    DiskObject o = service.uploadVersion(who(c), id, null, bytes);
    return with(shown(c, o), "GLOBAL_CONTENT_VERSION", o.version());
  }

  /** The base64 text of a {@code fileContent}: {@code [name, base64]}, or a multipart call's file part. */
  private static String base64Of(JsonNode content) {
    if (content.isObject() && content.has("content")) return content.get("content").asText();
    List<JsonNode> parts = Params.values(content);
    if (parts.size() < 2 || parts.get(1).isContainerNode()) throw DiskService.notSaved();
    return parts.get(1).asText();
  }

  /**
   * uploadfile: with {@code fileContent} ({@code [name, base64]}, or a file part of a multipart call) the file,
   * made now; without it the two-step form, {@code {"field":"file","uploadUrl":…}} to POST the file to.
   */
  private Object upload(Call c, long folderId) {
    JsonNode data = c.params().get("data");
    JsonNode nameNode = data != null && data.isObject() ? data.get("NAME") : null;
    String name = nameNode == null || nameNode.isContainerNode() || nameNode.isNull() ? null : nameNode.asText();
    boolean unique = Params.truthy(c.params().get("generateUniqueName"));
    JsonNode content = c.params().get("fileContent");
    DiskService.Who who = who(c);
    if (content == null || content.isNull() || (content.isTextual() && content.asText().isEmpty())) {
      DiskObject folder = service.folder(who, folderId);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", "file");
      m.put("uploadUrl", service.uploadUrl(folder, who, unique, name));
      return m;
    }
    String base64 = base64Of(content);
    if (name == null && content.isObject() && content.has("content")) name = content.path("name").asText(null);
    if (name == null || name.isBlank()) throw DiskService.noName();
    InputStream bytes = decoded(base64, service.maxFileBytes(), service);
    DiskObject o = service.upload(who, folderId, name, unique, null, bytes);
    return object(o, service.storageOf(o), who, zone(c), true);
  }

  /**
   * The bytes of a base64 text, decoded as they are read (line breaks and a {@code data:…;base64,} prefix
   * allowed); any other character is ERROR_COULD_NOT_SAVE_FILE, a text longer than the limit allows 413, both
   * before anything is written.
   */
  static InputStream decoded(String text, long max, DiskService service) {
    String s = text;
    if (s.startsWith("data:")) {
      int comma = s.indexOf(',');
      if (comma < 0 || !s.substring(0, comma).endsWith(";base64")) throw DiskService.notSaved();
      s = s.substring(comma + 1);
    }
    long significant = 0;
    int padding = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+' || ch == '/') {
        if (padding > 0) throw DiskService.notSaved();
        significant++;
      } else if (ch == '=') {
        if (++padding > 2) throw DiskService.notSaved();
      } else if (ch != '\r' && ch != '\n' && ch != ' ' && ch != '\t') {
        throw DiskService.notSaved();
      }
    }
    if ((significant + padding) % 4 == 1 || (padding > 0 && (significant + padding) % 4 != 0)) {
      throw DiskService.notSaved();
    }
    if (significant * 3 / 4 > max) throw service.tooLarge();
    String body = s;
    InputStream chars = new InputStream() {
      private int i;

      @Override
      public int read() {
        while (i < body.length()) {
          char ch = body.charAt(i++);
          if (ch != '\r' && ch != '\n' && ch != ' ' && ch != '\t') return ch;
        }
        return -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
          int ch = read();
          if (ch < 0) break;
          b[off + n++] = (byte) ch;
        }
        return n == 0 && len > 0 ? -1 : n;
      }
    };
    return Base64.getDecoder().wrap(chars);
  }

  /**
   * A folder's or a file's fields. {@code fresh}: the object an upload just made, whose ids and counters the
   * portal sends as numbers.
   */
  Map<String, Object> object(DiskObject o, Storage s, DiskService.Who who, ZoneId zone, boolean fresh) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", fresh ? (Object) o.id() : Long.toString(o.id()));
    m.put("NAME", o.name());
    m.put("CODE", null);
    m.put("STORAGE_ID", Long.toString(o.storageId()));
    m.put("TYPE", o.folder() ? "folder" : "file");
    if (o.folder()) m.put("REAL_OBJECT_ID", fresh ? (Object) o.id() : Long.toString(o.id()));
    m.put("PARENT_ID", o.parentId() == null ? null : Long.toString(o.parentId()));
    m.put("DELETED_TYPE", fresh ? (Object) o.deletedType() : Integer.toString(o.deletedType()));
    if (!o.folder()) {
      m.put("GLOBAL_CONTENT_VERSION", fresh ? (Object) o.version() : Integer.toString(o.version()));
      m.put("FILE_ID", fresh ? (Object) o.contentId() : Long.toString(o.contentId()));
      m.put("SIZE", Long.toString(o.size()));
    }
    m.put("CREATE_TIME", Wire.date(o.createdAt(), zone));
    m.put("UPDATE_TIME", Wire.date(o.updatedAt(), zone));
    m.put("DELETE_TIME", o.deletedAt() == null ? null : Wire.date(o.deletedAt(), zone));
    m.put("CREATED_BY", Long.toString(o.createdBy()));
    m.put("UPDATED_BY", Long.toString(o.updatedBy()));
    m.put("DELETED_BY", o.deletedBy() == null ? (fresh ? null : "0") : Long.toString(o.deletedBy()));
    if (!o.folder()) m.put("DOWNLOAD_URL", service.downloadUrl(o, who));
    m.put("DETAIL_URL", service.detailUrl(o, s));
    return m;
  }

  /** The new folder's fields (numbers where the portal sends them for a fresh object). */
  private Object folderAdded(Call c, long parentId) {
    JsonNode data = c.params().get("data");
    JsonNode n = data != null && data.isObject() ? data.get("NAME") : null;
    String name = n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    DiskObject o = service.addFolder(who(c), parentId, name);
    return object(o, service.storageOf(o), who(c), zone(c), true);
  }

  /** An attachment: the record linking a Drive file to a task ({@code tasks_task}) or a task comment. */
  private Object attachedObject(Call c) {
    DiskService.Who who = who(c);
    DiskStore.AttachedFile f = service.attachedObject(who, id(c));
    ZoneId zone = zone(c);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(f.attachment().id()));
    m.put("OBJECT_ID", Long.toString(f.object().id()));
    m.put("MODULE_ID", f.attachment().entityType().equals("task") ? "tasks" : "forum");
    m.put("ENTITY_TYPE", f.attachment().entityType().equals("task") ? "tasks_task" : "forum_message");
    m.put("ENTITY_ID", Long.toString(f.attachment().entityId()));
    m.put("CREATE_TIME", Wire.date(f.attachment().createdAt(), zone));
    m.put("CREATED_BY", Long.toString(f.attachment().createdBy()));
    m.put("DOWNLOAD_URL", service.downloadUrl(f.object(), who));
    m.put("NAME", f.object().name());
    m.put("SIZE", Long.toString(f.object().size()));
    return m;
  }

  /** For the upload route: a fresh object's fields for {@code who}. */
  Map<String, Object> uploaded(DiskObject o, DiskService.Who who) {
    return object(o, service.storageOf(o), who, directory.zoneOf(who.userId()), true);
  }

}
