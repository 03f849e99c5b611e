package dev.b24tasks.files;

import dev.b24tasks.comments.CommentFiles;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import dev.b24tasks.tasks.TaskFiles;
import dev.b24tasks.tasks.TaskLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Drive, the minimum a client needs to get a file id and attach it: every user's own storage (made on first use)
 * and an application's storage, folders, files whose bytes live in PostgreSQL in chunks (written and read as
 * streams, up to a size limit), signed download and upload links, and attachments to tasks and task comments.
 *
 * <p>Who: a storage belongs to its user (or to its application); its owner, and a portal administrator, may read
 * and write it. A file attached to a task (or to one of its comments) may also be read, and downloaded, by
 * everyone who may read that task. Anything else is "not found", exactly as a missing id: a hidden task's file
 * tells nothing about itself.
 */
public final class DiskService implements TaskFiles, CommentFiles {
  /** Who calls: the user, and the application of an OAuth call (0: none). */
  public record Who(long userId, long appId) {}

  private final Database db;
  private final TaskLink tasks;
  private final Directory directory;
  private final Clock clock;
  private final long maxFileBytes;
  private final Supplier<String> origin;
  private final DiskStore store = new DiskStore();

  public DiskService(Database db, TaskLink tasks, Directory directory, Clock clock, long maxFileBytes,
      Supplier<String> origin) {
    this.db = db;
    this.tasks = tasks;
    this.directory = directory;
    this.clock = clock;
    this.maxFileBytes = maxFileBytes;
    this.origin = origin;
  }

  long maxFileBytes() {
    return maxFileBytes;
  }

  // ---- errors, as the disk module words them ----

  static RestException notFound(Object id) {
    return RestException.literal("ERROR_NOT_FOUND", 400, "Could not find entity with id `" + id + "`");
  }

  static RestException argument(int index) {
    return RestException.literal("ERROR_ARGUMENT", 400, "Invalid value of parameter {Parameter #" + index + "}");
  }

  static RestException accessDenied() {
    return RestException.literal("ACCESS_DENIED", 403, "Access denied");
  }

  static RestException noName() {
    return RestException.literal("DISK_BASE_SERVICE_22001", 400, "Error: required parameter NAME (DISK_BASE_SERVICE_22001)");
  }

  static RestException notSaved() {
    return RestException.literal("ERROR_COULD_NOT_SAVE_FILE", 400, "Could not save file");
  }

  RestException tooLarge() {
    return RestException.literal("ERROR_COULD_NOT_SAVE_FILE", 413,
        "Could not save file: it is larger than " + maxFileBytes + " bytes");
  }

  static RestException nameTaken(boolean folder) {
    return RestException.literal("DISK_OBJ_22000", 400,
        folder ? "A folder with this name already exists" : "A file with this name already exists");
  }

  // ---- storages ----

  /** The caller's own storage, made with its root folder on first use. */
  Storage myStorage(long userId) {
    return db.tx(tx -> userStorage(tx, userId));
  }

  private Storage userStorage(Tx tx, long userId) throws SQLException {
    String name = directory.user(userId).map(u -> u.fullName().isBlank() ? u.email() : u.fullName())
        .orElse("User " + userId);
    return store.ensureStorage(tx, Storage.USER, userId, name, userId, clock.instant(), DiskToken.secret());
  }

  /** disk.storage.getforapp: the calling application's storage, made on first use. */
  Storage appStorage(Who who, String appName) {
    if (who.appId() <= 0) throw RestException.literal("ERROR_ARGUMENT", 400, "Application context required");
    return db.tx(tx -> store.ensureStorage(tx, Storage.APP, who.appId(), appName, who.userId(), clock.instant(),
        DiskToken.secret()));
  }

  /** disk.storage.getlist: the storages the caller may open (her own, made now if need be; her application's). */
  List<Storage> storages(Who who) {
    return db.tx(tx -> {
      List<Storage> out = new ArrayList<>();
      out.add(userStorage(tx, who.userId()));
      if (who.appId() > 0) store.storageOf(tx, Storage.APP, who.appId()).ifPresent(out::add);
      return out;
    });
  }

  Storage storage(Who who, long id) {
    return db.read(tx -> openStorage(tx, who, id));
  }

  private Storage openStorage(Tx tx, Who who, long id) throws SQLException {
    Storage s = store.storage(tx, id).orElseThrow(() -> notFound(id));
    if (!owns(who, s)) throw notFound(id);
    return s;
  }

  private boolean owns(Who who, Storage s) {
    if (Storage.USER.equals(s.entityType()) && s.entityId() == who.userId()) return true;
    if (Storage.APP.equals(s.entityType()) && who.appId() > 0 && s.entityId() == who.appId()) return true;
    return directory.isAdmin(who.userId());
  }

  // ---- objects ----

  /** A folder the caller may open. */
  DiskObject folder(Who who, long id) {
    return db.read(tx -> openFolder(tx, who, id));
  }

  private DiskObject openFolder(Tx tx, Who who, long id) throws SQLException {
    DiskObject o = store.object(tx, id).filter(x -> x.folder()).orElseThrow(() -> notFound(id));
    Storage s = store.storage(tx, o.storageId()).orElseThrow(() -> notFound(id));
    if (!owns(who, s)) throw notFound(id);
    return o;
  }

  /** A file the caller may read: in a storage she owns, or attached to a task she may read. */
  DiskObject file(Who who, long id) {
    return db.read(tx -> readableFile(tx, who, id).orElseThrow(() -> notFound(id)));
  }

  private Optional<DiskObject> readableFile(Tx tx, Who who, long id) throws SQLException {
    Optional<DiskObject> o = store.object(tx, id).filter(x -> !x.folder());
    if (o.isEmpty()) return o;
    Storage s = store.storage(tx, o.get().storageId()).orElseThrow();
    if (owns(who, s)) return o;
    for (long taskId : store.tasksOf(tx, id)) {
      if (tasks.readable(who.userId(), taskId).isPresent()) return o;
    }
    return Optional.empty();
  }

  /** A page of the live children of a folder the caller may open, and the storage they are in. */
  record Children(DiskStore.Paged<DiskObject> page, Storage storage) {}

  Children children(Who who, long folderId, ChildQuery q, long start, int size) {
    return db.read(tx -> {
      DiskObject folder = openFolder(tx, who, folderId);
      return new Children(store.children(tx, folder.id(), q, start, size),
          store.storage(tx, folder.storageId()).orElseThrow());
    });
  }

  /** The storage's root folder, for the storage methods. */
  long rootOf(Who who, long storageId) {
    return storage(who, storageId).rootId();
  }

  /**
   * disk.file.markdeleted / disk.folder.markdeleted: to the recycle bin (kept, DELETED_TYPE 3; what is under a
   * folder 4, deleted with it); by one who owns the storage. A storage's root folder stays.
   */
  DiskObject markDeleted(Who who, long id, boolean folder) {
    return db.tx(tx -> {
      DiskObject o = owned(tx, who, id, folder);
      if (o.parentId() == null) throw rootRefused("Could not delete root folder");
      if (!o.deleted()) store.markDeleted(tx, o, who.userId(), clock.instant());
      return store.object(tx, id).orElseThrow();
    });
  }

  /** disk.file.delete / disk.folder.deletetree: gone for good, with what is under it, attachments, contents. */
  void delete(Who who, long id, boolean folder) {
    db.tx(tx -> {
      DiskObject o = owned(tx, who, id, folder);
      if (o.parentId() == null) throw rootRefused("Could not delete root folder");
      store.delete(tx, o);
      return null;
    });
  }

  static RestException rootRefused(String what) {
    return RestException.literal("DISK_OBJ_22000", 400, what);
  }

  /** A file ({@code folder} false) or folder of a storage the caller owns, deleted or not. */
  private DiskObject owned(Tx tx, Who who, long id, boolean folder) throws SQLException {
    DiskObject o = store.object(tx, id).filter(x -> x.folder() == folder).orElseThrow(() -> notFound(id));
    Storage s = store.storage(tx, o.storageId()).orElseThrow(() -> notFound(id));
    if (!owns(who, s)) {
      // one who may only read it (through a task) is refused; to anyone else it does not exist
      if (!folder && readableFile(tx, who, id).isPresent()) throw accessDenied();
      throw notFound(id);
    }
    return o;
  }

  /** The same, not in the recycle bin (the bin's objects answer only restore). */
  private DiskObject ownedLive(Tx tx, Who who, long id, boolean folder) throws SQLException {
    DiskObject o = owned(tx, who, id, folder);
    if (o.deleted()) throw notFound(id);
    return o;
  }

  /** A live folder of a storage the caller owns: where a move or a copy may put something. */
  private DiskObject target(Tx tx, Who who, long id) throws SQLException {
    DiskObject t = store.object(tx, id).filter(x -> x.folder() && !x.deleted()).orElseThrow(() -> notFound(id));
    Storage s = store.storage(tx, t.storageId()).orElseThrow(() -> notFound(id));
    if (!owns(who, s)) throw notFound(id);
    return t;
  }

  // ---- rename, move, copy, restore ----

  /** disk.file.rename / disk.folder.rename: a new name, unique in its folder (ignoring case). */
  DiskObject rename(Who who, long id, boolean folder, String newName) {
    if (newName == null || newName.isBlank()) throw argument(1);
    String clean = checkName(newName);
    return db.tx(tx -> {
      DiskObject o = ownedLive(tx, who, id, folder);
      if (o.parentId() == null) throw accessDenied(); // a root folder is named after its storage
      if (!clean.equals(o.name())) {
        store.lockNames(tx, o.parentId());
        if (store.nameTaken(tx, o.parentId(), clean, o.id())) throw nameTaken(folder);
        store.rename(tx, o, clean, who.userId(), clock.instant());
      }
      return store.object(tx, id).orElseThrow();
    });
  }

  /**
   * disk.file.moveto / disk.folder.moveto: into another folder of the same storage (another storage: empty, the
   * method answers {@code false}); a name taken there is refused, a folder never goes under itself.
   */
  Optional<DiskObject> move(Who who, long id, boolean folder, long targetId) {
    return db.tx(tx -> {
      DiskObject o = ownedLive(tx, who, id, folder);
      if (folder) {
        // crossing folder moves wait for each other, then read the paths the other one wrote
        store.lockMoves(tx, o.storageId());
        o = ownedLive(tx, who, id, true);
      }
      if (o.parentId() == null) throw rootRefused("Could not move root folder");
      DiskObject t = target(tx, who, targetId);
      if (t.storageId() != o.storageId()) return Optional.<DiskObject>empty();
      if (t.id() == o.parentId()) return Optional.of(o);
      if (folder && DiskStore.within(t, o)) {
        throw RestException.literal("ERROR_ARGUMENT", 400, "Could not move a folder into itself");
      }
      store.lockNames(tx, t.id());
      if (store.nameTaken(tx, t.id(), o.name())) throw nameTaken(folder);
      store.move(tx, o, t, who.userId(), clock.instant());
      return store.object(tx, id);
    });
  }

  /**
   * disk.file.copyto / disk.folder.copyto: a copy in a folder the caller owns, of a file she may read (her own,
   * or one attached to a task she may read) or of a folder of hers with what is live in it. The copy shares the
   * original's content: no byte is duplicated, and neither copy can change the other's (a content never changes).
   */
  DiskObject copy(Who who, long id, boolean folder, long targetId) {
    return db.tx(tx -> {
      DiskObject o = folder ? ownedLive(tx, who, id, true)
          : readableFile(tx, who, id).filter(x -> !x.deleted()).orElseThrow(() -> notFound(id));
      if (o.parentId() == null) throw rootRefused("Could not copy root folder");
      DiskObject t = target(tx, who, targetId);
      store.lockNames(tx, t.id());
      if (store.nameTaken(tx, t.id(), o.name())) throw nameTaken(folder);
      return store.object(tx, store.copy(tx, o, t, o.name(), who.userId(), clock.instant())).orElseThrow();
    });
  }

  /**
   * disk.file.restore / disk.folder.restore: out of the recycle bin, with what was deleted with it; a name taken
   * in the folder meanwhile becomes {@code name (1).ext}.
   */
  DiskObject restore(Who who, long id, boolean folder) {
    return db.tx(tx -> {
      DiskObject o = owned(tx, who, id, folder);
      if (!o.deleted()) return o;
      String name = o.name();
      if (o.parentId() != null) store.lockNames(tx, o.parentId());
      if (o.parentId() != null && store.nameTaken(tx, o.parentId(), name)) name = uniqueName(tx, o.parentId(), name);
      store.restore(tx, o, name, who.userId(), clock.instant());
      return store.object(tx, id).orElseThrow();
    });
  }

  /** disk.storage.rename: an application's storage only, by the application (or an administrator). */
  Storage renameStorage(Who who, long id, String newName) {
    if (newName == null || newName.isBlank()) throw argument(1);
    String clean = checkName(newName);
    return db.tx(tx -> {
      Storage s = openStorage(tx, who, id);
      if (!Storage.APP.equals(s.entityType())) {
        throw RestException.literal("ACCESS_DENIED", 403, "Access denied (invalid type of storage)");
      }
      tx.updateOne("UPDATE disk_storages SET name = ? WHERE id = ?", clean, id);
      return store.storage(tx, id).orElseThrow();
    });
  }

  // ---- versions ----

  /**
   * disk.file.uploadversion: new content for a file the caller owns, read as it comes (the limit as for an
   * upload); the old content stays as a version.
   */
  DiskObject uploadVersion(Who who, long id, String contentType, InputStream content) {
    boolean[] read = {false};
    try {
      return db.tx(tx -> {
        if (read[0]) throw notSaved();
        DiskObject o = ownedLive(tx, who, id, false);
        read[0] = true;
        long[] written = write(tx, content);
        store.setContent(tx, o, written[0], written[1], contentType, who.userId(), clock.instant());
        return store.object(tx, id).orElseThrow();
      });
    } catch (DiskStore.TooLarge e) {
      throw tooLarge();
    } catch (UncheckedIOException e) {
      throw notSaved();
    }
  }

  /** A page of a file's versions, newest first, for one who may read the file; with the file. */
  record Versions(DiskStore.Paged<DiskStore.Version> page, DiskObject file) {}

  Versions versions(Who who, long fileId, ChildQuery q, long start, int size) {
    return db.read(tx -> {
      DiskObject f = readableFile(tx, who, fileId).orElseThrow(() -> notFound(fileId));
      return new Versions(store.versions(tx, fileId, q, start, size), f);
    });
  }

  /** disk.version.get: a version of a file the caller may read, with that file. */
  record VersionOf(DiskStore.Version version, DiskObject file) {}

  VersionOf version(Who who, long versionId) {
    return db.read(tx -> {
      DiskStore.Version v = store.version(tx, versionId).orElseThrow(() -> notFound(versionId));
      DiskObject f = readableFile(tx, who, v.objectId()).orElseThrow(() -> notFound(versionId));
      return new VersionOf(v, f);
    });
  }

  /** disk.file.restoreFromVersion: a version's content as the file's newest (shared, not copied). */
  DiskObject restoreFromVersion(Who who, long id, long versionId) {
    return db.tx(tx -> {
      DiskObject o = ownedLive(tx, who, id, false);
      DiskStore.Version v = store.version(tx, versionId).orElseThrow(() -> notFound(versionId));
      if (v.objectId() != o.id()) {
        throw RestException.literal("DISK_FILE_22004", 400, "Cannot restore version from another file");
      }
      store.setContent(tx, o, v.contentId(), v.size(), null, who.userId(), clock.instant());
      return store.object(tx, id).orElseThrow();
    });
  }

  // ---- uploading ----

  /**
   * A new file {@code name} in folder {@code folderId} with the bytes of {@code content}, read as they come; more
   * than the limit is refused (413) as soon as it is passed, and nothing of it is kept. A name taken in the
   * folder becomes {@code name (1).ext} with {@code unique}, else is refused.
   */
  DiskObject upload(Who who, long folderId, String name, boolean unique, String contentType, InputStream content) {
    String clean = checkName(name);
    boolean[] read = {false};
    try {
      return db.tx(tx -> {
        // a retried transaction cannot read the stream twice
        if (read[0]) throw notSaved();
        DiskObject folder = openFolder(tx, who, folderId);
        String finalName = clean;
        store.lockNames(tx, folder.id());
        if (store.nameTaken(tx, folder.id(), clean)) {
          if (!unique) throw nameTaken(false);
          finalName = uniqueName(tx, folder.id(), clean);
        }
        read[0] = true;
        long[] written = write(tx, content);
        Instant now = clock.instant();
        String path = folder.path().isEmpty() ? finalName : folder.path() + "/" + finalName;
        String type = contentType == null || contentType.isBlank() || contentType.startsWith("application/octet-stream")
            ? ContentTypes.of(finalName) : contentType;
        long id = store.insertObject(tx, folder.storageId(), folder.id(), false, finalName, path, written[0], type,
            written[1], DiskToken.secret(), who.userId(), now);
        store.addVersion(tx, id, written[0], finalName, written[1], 1, who.userId(), now);
        return store.object(tx, id).orElseThrow();
      });
    } catch (DiskStore.TooLarge e) {
      throw tooLarge();
    } catch (UncheckedIOException e) {
      // bad base64, a malformed multipart body, a client gone half-way: nothing was kept
      throw notSaved();
    }
  }

  /** Writes a stream's content as it comes, under the size limit; a failed read surfaces as UncheckedIOException. */
  private long[] write(Tx tx, InputStream content) throws SQLException {
    try {
      return store.writeContent(tx, content, maxFileBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String checkName(String name) {
    if (name == null || name.isBlank()) throw noName();
    String n = name.trim();
    if (n.length() > 255 || n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..")
        || n.chars().anyMatch(ch -> ch < 32)) {
      throw RestException.literal("ERROR_ARGUMENT", 400, "Invalid file name: " + n.replaceAll("\\p{Cntrl}", "?"));
    }
    return n;
  }

  private String uniqueName(Tx tx, long folderId, String name) throws SQLException {
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; i < 10_000; i++) {
      String candidate = base + " (" + i + ")" + ext;
      if (!store.nameTaken(tx, folderId, candidate)) return candidate;
    }
    throw nameTaken(false);
  }

  /** disk.folder.addsubfolder / disk.storage.addfolder: a new folder {@code name} in a folder the caller owns. */
  DiskObject addFolder(Who who, long parentId, String name) {
    if (name == null || name.isBlank()) throw argument(1);
    String clean = checkName(name);
    return db.tx(tx -> {
      DiskObject parent = openFolder(tx, who, parentId);
      store.lockNames(tx, parent.id());
      if (store.nameTaken(tx, parent.id(), clean)) throw nameTaken(true);
      String path = parent.path().isEmpty() ? clean : parent.path() + "/" + clean;
      long id = store.insertObject(tx, parent.storageId(), parent.id(), true, clean, path, 0, null, 0,
          DiskToken.secret(), who.userId(), clock.instant());
      return store.object(tx, id).orElseThrow();
    });
  }

  /** Checks an upload link and finds its folder: the folder id, user, application, unique flag, name. */
  record UploadTicket(long folderId, Who who, boolean unique, String name) {}

  UploadTicket uploadTicket(String token) {
    Map<String, String> f = DiskToken.read(token);
    long id = f == null ? 0 : parse(f.get("id"));
    if (id <= 0) throw RestException.literal("ERROR_ARGUMENT", 400, "Invalid upload token");
    Who who = new Who(parse(f.get("u")), parse(f.get("a")));
    DiskObject folder = db.read(tx -> store.object(tx, id).filter(DiskObject::folder)).orElseThrow(() -> notFound(id));
    if (!DiskToken.valid("upload", token, folder.secret())) {
      throw RestException.literal("ERROR_ARGUMENT", 400, "Invalid upload token");
    }
    return new UploadTicket(id, who, "1".equals(f.get("g")), f.getOrDefault("n", ""));
  }

  // ---- downloading ----

  /**
   * A download link's content, checked: signed for this file and user, who may still read the file; a version's
   * link ({@code v}) gives that version's bytes and name.
   */
  record Download(DiskObject file, Who who, long contentId, long size, String name, String contentType) {
    /** A strong validator: a content never changes once written, so its id names its bytes. */
    String etag() {
      return "\"" + file.id() + "-" + contentId + "\"";
    }
  }

  Download download(String token) {
    Map<String, String> f = DiskToken.read(token);
    long id = f == null ? 0 : parse(f.get("id"));
    if (id <= 0) throw RestException.literal("ERROR_ARGUMENT", 400, "Invalid download token");
    Who who = new Who(parse(f.get("u")), parse(f.get("a")));
    long versionId = f.containsKey("v") ? parse(f.get("v")) : 0;
    return db.read(tx -> {
      Optional<DiskObject> found = store.object(tx, id).filter(x -> !x.folder());
      if (found.isEmpty() || !DiskToken.valid("download", token, found.get().secret())) throw notFound(id);
      DiskObject o = readableFile(tx, who, id).orElseThrow(() -> notFound(id));
      if (versionId <= 0) return new Download(o, who, o.contentId(), o.size(), o.name(), o.contentType());
      DiskStore.Version v = store.version(tx, versionId).filter(x -> x.objectId() == id)
          .orElseThrow(() -> notFound(id));
      return new Download(o, who, v.contentId(), v.size(), v.name(), o.contentType());
    });
  }

  /**
   * Writes bytes {@code from}..{@code to} (inclusive) of a download's content to {@code out}: only the chunks the
   * range touches are read, {@link DiskStore#BATCH} of them (1 MiB) a query, each query a short read of its own
   * (a content never changes once written), so a slow reader holds no connection and no more than a batch.
   */
  void copyContent(Download d, long from, long to, OutputStream out) throws IOException {
    if (d.contentId() <= 0 || to < from) return;
    long span = (long) DiskStore.CHUNK * DiskStore.BATCH;
    for (long at = from; at <= to; ) {
      long start = at;
      long end = Math.min(to, (start / DiskStore.CHUNK) * DiskStore.CHUNK + span - 1);
      List<byte[]> parts = db.read(tx -> store.slice(tx, d.contentId(), start, end));
      if (parts.isEmpty()) return;
      for (byte[] p : parts) out.write(p);
      at = end + 1;
    }
  }

  // ---- links ----

  /** The portal's {@code /rest/download.json?token=…} for {@code who}. */
  String downloadUrl(DiskObject o, Who who) {
    return downloadUrl(o, 0, who);
  }

  /** The same for version {@code versionId} of the file (0: its current content). */
  String downloadUrl(DiskObject o, long versionId, Who who) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", Long.toString(o.id()));
    fields.put("u", Long.toString(who.userId()));
    if (who.appId() > 0) fields.put("a", Long.toString(who.appId()));
    if (versionId > 0) fields.put("v", Long.toString(versionId));
    return origin.get() + "/rest/download.json?token="
        + URLEncoder.encode(DiskToken.sign("download", fields, o.secret()), StandardCharsets.UTF_8);
  }

  /** The link that shows the file in the browser (the portal's {@code action=show}): the download link, inline. */
  String viewUrl(DiskObject o, Who who) {
    return downloadUrl(o, who) + "&action=show";
  }

  /** The portal's {@code /rest/upload.json?token=…} for a file in {@code folder}. */
  String uploadUrl(DiskObject folder, Who who, boolean unique, String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", Long.toString(folder.id()));
    fields.put("u", Long.toString(who.userId()));
    if (who.appId() > 0) fields.put("a", Long.toString(who.appId()));
    fields.put("g", unique ? "1" : "0");
    if (name != null && !name.isBlank()) fields.put("n", name);
    return origin.get() + "/rest/upload.json?token="
        + URLEncoder.encode(DiskToken.sign("upload", fields, folder.secret()), StandardCharsets.UTF_8);
  }

  /** The storage an object is in (one read; a list of children shares one). */
  Storage storageOf(DiskObject o) {
    return db.read(tx -> store.storage(tx, o.storageId()).orElseThrow());
  }

  /** The page of the object on the portal (the storage owner's drive, then its path). */
  String detailUrl(DiskObject o, Storage s) {
    String base = Storage.APP.equals(s.entityType()) ? "/docs/path/" : "/company/personal/user/" + s.entityId()
        + "/disk/" + (o.folder() ? "path/" : "file/");
    return origin.get() + base + o.path();
  }

  // ---- attachments: tasks (UF_TASK_WEBDAV_FILES) and comments (UF_FORUM_MESSAGE_DOC) ----

  @Override
  public void replace(long userId, long taskId, List<String> values) {
    db.tx(tx -> {
      replaceAttachments(tx, userId, "task", taskId, taskId, values, v -> new TaskFiles.FileRefused(v));
      return null;
    });
  }

  @Override
  public void replace(long userId, long taskId, long commentId, List<String> values) {
    db.tx(tx -> {
      replaceAttachments(tx, userId, "comment", commentId, taskId, values, v -> new CommentFiles.FileRefused(v));
      return null;
    });
  }

  private void replaceAttachments(Tx tx, long userId, String entityType, long entityId, long taskId,
      List<String> values, java.util.function.Function<String, RuntimeException> refused) throws SQLException {
    List<DiskStore.Attachment> existing = store.attachments(tx, entityType, entityId);
    Map<Long, DiskStore.Attachment> byId = new LinkedHashMap<>();
    Map<Long, DiskStore.Attachment> byObject = new LinkedHashMap<>();
    for (DiskStore.Attachment a : existing) {
      byId.put(a.id(), a);
      byObject.putIfAbsent(a.objectId(), a);
    }
    java.util.Set<Long> keep = new java.util.HashSet<>();
    List<Long> toAttach = new ArrayList<>();
    Who who = new Who(userId, 0);
    for (String v : values) {
      String s = v.trim();
      boolean drive = s.length() > 1 && (s.charAt(0) == 'n' || s.charAt(0) == 'N');
      long n = parse(drive ? s.substring(1) : s);
      if (n <= 0) throw refused.apply(v);
      if (!drive) {
        if (!byId.containsKey(n)) throw refused.apply(v);
        keep.add(n);
        continue;
      }
      DiskObject o = readableFile(tx, who, n).filter(x -> !x.deleted()).orElseThrow(() -> refused.apply(v));
      DiskStore.Attachment already = byObject.get(o.id());
      if (already != null) keep.add(already.id());
      else if (!toAttach.contains(o.id())) toAttach.add(o.id());
    }
    for (DiskStore.Attachment a : existing) if (!keep.contains(a.id())) store.detach(tx, a.id());
    Instant now = clock.instant();
    for (long objectId : toAttach) store.attach(tx, objectId, entityType, entityId, taskId, userId, now);
  }

  @Override
  public long attach(long userId, long taskId, long fileId) {
    return db.tx(tx -> {
      DiskObject o = readableFile(tx, new Who(userId, 0), fileId).filter(x -> !x.deleted())
          .orElseThrow(() -> new TaskFiles.FileRefused(Long.toString(fileId)));
      for (DiskStore.Attachment a : store.attachments(tx, "task", taskId)) {
        if (a.objectId() == o.id()) return a.id();
      }
      return store.attach(tx, o.id(), "task", taskId, taskId, userId, clock.instant());
    });
  }

  @Override
  public long upload(long userId, long taskId, String name, String base64) {
    if (name == null || name.isBlank()) throw noName();
    if (base64 == null || base64.isEmpty()) throw notSaved();
    Who who = new Who(userId, 0);
    return db.tx(tx -> {
      long root = userStorage(tx, userId).rootId();
      DiskObject o = upload(who, root, name, true, null, DiskMethods.decoded(base64, maxFileBytes, this));
      return store.attach(tx, o.id(), "task", taskId, taskId, userId, clock.instant());
    });
  }

  @Override
  public boolean detach(long taskId, long attachmentId) {
    return db.tx(tx -> {
      for (DiskStore.Attachment a : store.attachments(tx, "task", taskId)) {
        if (a.id() == attachmentId) {
          store.detach(tx, attachmentId);
          return true;
        }
      }
      return false;
    });
  }

  /**
   * disk.attachedObject.get: an attachment of a task (or of a comment of one) the caller may read; any other id is
   * "not found", a hidden task's attachment as a missing one.
   */
  DiskStore.AttachedFile attachedObject(Who who, long id) {
    return db.read(tx -> store.attachedFile(tx, id)
        .filter(f -> tasks.readable(who.userId(), f.attachment().taskId()).isPresent())
        .orElseThrow(() -> notFound(id)));
  }

  @Override
  public Map<Long, List<Long>> attachmentIds(Collection<Long> taskIds) {
    return db.read(tx -> {
      Map<Long, List<Long>> out = new LinkedHashMap<>();
      store.attachedFiles(tx, "task", taskIds).forEach((task, files) ->
          out.put(task, files.stream().map(f -> f.attachment().id()).toList()));
      return out;
    });
  }

  /** The attached files of tasks with their objects (the console's task page), one query. */
  public record Attached(long attachmentId, long fileId, String name, long size, String contentType,
      String downloadUrl, String viewUrl) {}

  public Map<Long, List<Attached>> attachedToTasks(long viewerId, Collection<Long> taskIds) {
    return attached(viewerId, "task", taskIds);
  }

  private Map<Long, List<Attached>> attached(long viewerId, String entityType, Collection<Long> ids) {
    return db.read(tx -> {
      Map<Long, List<Attached>> out = new LinkedHashMap<>();
      Who who = new Who(viewerId, 0);
      store.attachedFiles(tx, entityType, ids).forEach((entity, files) -> out.put(entity, files.stream()
          .map(f -> new Attached(f.attachment().id(), f.object().id(), f.object().name(), f.object().size(),
              f.object().contentType(), downloadUrl(f.object(), who), viewUrl(f.object(), who))).toList()));
      return out;
    });
  }

  @Override
  public Map<Long, Map<String, Object>> attachedObjects(long viewerId, Collection<Long> commentIds) {
    Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
    attached(viewerId, "comment", commentIds).forEach((comment, files) -> {
      Map<String, Object> objects = new LinkedHashMap<>();
      for (Attached a : files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ATTACHMENT_ID", Long.toString(a.attachmentId()));
        m.put("NAME", a.name());
        m.put("SIZE", Long.toString(a.size()));
        m.put("FILE_ID", Long.toString(a.fileId()));
        m.put("DOWNLOAD_URL", a.downloadUrl());
        m.put("VIEW_URL", a.viewUrl());
        objects.put(Long.toString(a.attachmentId()), m);
      }
      out.put(comment, objects);
    });
    return out;
  }

  static long parse(String s) {
    if (s == null || !s.trim().matches("\\d{1,18}")) return 0;
    return Long.parseLong(s.trim());
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
