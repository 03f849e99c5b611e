package dev.b24tasks.files;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Drive tables: {@code disk_storages}, {@code disk_objects}, {@code disk_contents}, {@code disk_chunks}, {@code disk_attachments}. */
final class DiskStore {
  /** The largest piece of content one row holds: neither an upload nor a download keeps more in memory. */
  static final int CHUNK = 256 * 1024;

  private static final String OBJECT = "id, storage_id, parent_id, kind, name, path, content_id, content_type, size,"
      + " version, secret, created_by, updated_by, deleted_by, deleted_type, created_at, updated_at, deleted_at";
  private static final String STORAGE = "id, entity_type, entity_id, name, root_id";

  /** The content was larger than the limit; nothing of it stays once the transaction rolls back. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("too large", null, false, false);
    }
  }

  // ---- storages ----

  Optional<Storage> storage(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + STORAGE + " FROM disk_storages WHERE id = ?", DiskStore::storageRow, id);
  }

  Optional<Storage> storageOf(Tx tx, String entityType, long entityId) throws SQLException {
    return tx.queryOne("SELECT " + STORAGE + " FROM disk_storages WHERE entity_type = ? AND entity_id = ?",
        DiskStore::storageRow, entityType, entityId);
  }

  /** The storage of an entity, made with its root folder when it has none (racing makers see one row). */
  Storage ensureStorage(Tx tx, String entityType, long entityId, String name, long userId, Instant now,
      String secret) throws SQLException {
    Optional<Storage> s = storageOf(tx, entityType, entityId);
    if (s.isPresent()) return s.get();
    tx.update("INSERT INTO disk_storages (entity_type, entity_id, name) VALUES (?, ?, ?)"
        + " ON CONFLICT (entity_type, entity_id) DO NOTHING", entityType, entityId, name);
    Storage made = storageOf(tx, entityType, entityId).orElseThrow();
    if (made.rootId() > 0) return made;
    // the first maker holds the row lock from here on; a second one waits and then sees the root
    Storage locked = tx.queryOne("SELECT " + STORAGE + " FROM disk_storages WHERE id = ? FOR UPDATE",
        DiskStore::storageRow, made.id()).orElseThrow();
    if (locked.rootId() > 0) return locked;
    long root = insertObject(tx, locked.id(), null, true, name, "", 0, null, 0, secret, userId, now);
    tx.updateOne("UPDATE disk_storages SET root_id = ? WHERE id = ?", root, locked.id());
    return new Storage(locked.id(), entityType, entityId, name, root);
  }

  // ---- objects ----

  Optional<DiskObject> object(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + OBJECT + " FROM disk_objects WHERE id = ?", DiskStore::objectRow, id);
  }

  /** A page of rows and the count of all rows that passed the filter. */
  record Paged<T>(List<T> rows, long total) {}

  /**
   * A page of the live children of a folder that pass {@code q}'s filter, in its order (default: folders first,
   * then by name): one query (a second one only past the last page).
   */
  Paged<DiskObject> children(Tx tx, long folderId, ChildQuery q, long start, int size) throws SQLException {
    return paged(tx, OBJECT, " FROM disk_objects WHERE parent_id = ? AND deleted_type = 0", folderId, q, start, size,
        DiskStore::objectRow);
  }

  private static <T> Paged<T> paged(Tx tx, String columns, String from, long parentId, ChildQuery q, long start,
      int size, Tx.RowMapper<T> mapper) throws SQLException {
    String where = from + q.where;
    List<Object> args = new ArrayList<>();
    args.add(parentId);
    args.addAll(q.args);
    List<Object> page = new ArrayList<>(args);
    page.add(size);
    page.add(start);
    long[] total = {0};
    List<T> rows = tx.query("SELECT " + columns + ", count(*) OVER () AS total" + where + " ORDER BY " + q.orderBy()
        + " LIMIT ? OFFSET ?", rs -> {
          total[0] = rs.getLong("total");
          return mapper.map(rs);
        }, page.toArray());
    if (rows.isEmpty() && start > 0) total[0] = tx.queryLong("SELECT count(*)" + where, args.toArray());
    return new Paged<>(rows, total[0]);
  }

  /** Whether a live object of that name is in the folder (compared as Drive does: ignoring case). */
  boolean nameTaken(Tx tx, long folderId, String name) throws SQLException {
    return nameTaken(tx, folderId, name, 0);
  }

  /**
   * Serialises the name checks and writes of one folder across transactions and nodes (a transaction-wide advisory
   * lock), so two callers cannot both find a name free and both take it.
   */
  void lockNames(Tx tx, long folderId) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(140, ?)", rs -> true, (int) (folderId % Integer.MAX_VALUE));
  }

  /** Serialises folder moves of one storage, so two crossing moves cannot make a loop. */
  void lockMoves(Tx tx, long storageId) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(141, ?)", rs -> true, (int) (storageId % Integer.MAX_VALUE));
  }

  /** The same, not counting object {@code exceptId} (a rename to another case of its own name). */
  boolean nameTaken(Tx tx, long folderId, String name, long exceptId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM disk_objects WHERE parent_id = ? AND deleted_type = 0 AND lower(name) = lower(?)"
        + " AND id <> ?", rs -> true, folderId, name, exceptId).isPresent();
  }

  long insertObject(Tx tx, long storageId, Long parentId, boolean folder, String name, String path, long contentId,
      String contentType, long size, String secret, long userId, Instant now) throws SQLException {
    return tx.insert("INSERT INTO disk_objects (storage_id, parent_id, kind, name, path, content_id, content_type,"
        + " size, secret, created_by, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " RETURNING id", storageId, parentId, folder ? "folder" : "file", name, path,
        contentId == 0 ? null : contentId, contentType, size, secret, userId, userId, now, now);
  }

  /**
   * Removes an object for good, a folder with everything under it: attachments and versions go with them
   * (cascade), then the contents nothing refers to any more (copies and versions share contents). Three
   * statements whatever the size of the tree.
   */
  void delete(Tx tx, DiskObject o) throws SQLException {
    List<Long> contents = tx.query("WITH RECURSIVE tree AS (SELECT id FROM disk_objects WHERE id = ?"
        + " UNION ALL SELECT c.id FROM disk_objects c JOIN tree t ON c.parent_id = t.id)"
        + " SELECT content_id FROM disk_objects WHERE id IN (SELECT id FROM tree) AND content_id IS NOT NULL"
        + " UNION SELECT content_id FROM disk_versions WHERE object_id IN (SELECT id FROM tree) AND content_id IS NOT NULL",
        rs -> rs.getLong(1), o.id());
    tx.updateOne("DELETE FROM disk_objects WHERE id = ?", o.id());
    if (contents.isEmpty()) return;
    tx.update("DELETE FROM disk_contents c WHERE c.id = ANY (?)"
        + " AND NOT EXISTS (SELECT 1 FROM disk_objects o WHERE o.content_id = c.id)"
        + " AND NOT EXISTS (SELECT 1 FROM disk_versions v WHERE v.content_id = c.id)", contents);
  }

  /** A new name for an object; a folder's new path carried down to everything under it (one statement). */
  void rename(Tx tx, DiskObject o, String name, long userId, Instant now) throws SQLException {
    String path = parentPath(o.path()) + name;
    tx.updateOne("UPDATE disk_objects SET name = ?, path = ?, updated_by = ?, updated_at = ? WHERE id = ?",
        name, path, userId, now, o.id());
    if (o.folder()) repath(tx, o, path);
  }

  /** An object under another folder of the same storage, its path (and its subtree's) following. */
  void move(Tx tx, DiskObject o, DiskObject target, long userId, Instant now) throws SQLException {
    String path = childPath(target, o.name());
    tx.updateOne("UPDATE disk_objects SET parent_id = ?, path = ?, updated_by = ?, updated_at = ? WHERE id = ?",
        target.id(), path, userId, now, o.id());
    if (o.folder()) repath(tx, o, path);
  }

  private static void repath(Tx tx, DiskObject folder, String path) throws SQLException {
    String old = folder.path() + "/";
    tx.update("UPDATE disk_objects SET path = ? || substr(path, ?) WHERE storage_id = ? AND left(path, ?) = ?",
        path + "/", old.length() + 1, folder.storageId(), old.length(), old);
  }

  private static String parentPath(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  static String childPath(DiskObject folder, String name) {
    return folder.path().isEmpty() ? name : folder.path() + "/" + name;
  }

  /** Whether {@code folder} is {@code ancestor} or lies under it. */
  static boolean within(DiskObject folder, DiskObject ancestor) {
    return folder.id() == ancestor.id() || (folder.storageId() == ancestor.storageId()
        && folder.path().startsWith(ancestor.path() + "/"));
  }

  /**
   * Copies an object (a folder with its live subtree) into {@code target} as {@code name}, in one statement: the
   * copies share the originals' contents (nothing of the bytes is duplicated), each copied file gets its first
   * version. Returns the copy's id.
   */
  long copy(Tx tx, DiskObject o, DiskObject target, String name, long userId, Instant now) throws SQLException {
    String path = childPath(target, name);
    return tx.queryLong("WITH RECURSIVE tree AS (SELECT id, parent_id FROM disk_objects WHERE id = ?"
        + " UNION ALL SELECT c.id, c.parent_id FROM disk_objects c JOIN tree t ON c.parent_id = t.id"
        + " WHERE c.deleted_type = 0),"
        + " m AS (SELECT id AS old_id, nextval(pg_get_serial_sequence('disk_objects', 'id')) AS new_id FROM tree),"
        + " made AS (INSERT INTO disk_objects (id, storage_id, parent_id, kind, name, path, content_id, content_type,"
        + " size, version, secret, created_by, updated_by, created_at, updated_at)"
        + " SELECT m.new_id, ?, CASE WHEN o.id = ? THEN ? ELSE pm.new_id END, o.kind,"
        + " CASE WHEN o.id = ? THEN ? ELSE o.name END,"
        + " CASE WHEN o.id = ? THEN ? ELSE ? || substr(o.path, ?) END, o.content_id, o.content_type, o.size, 1,"
        + " replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), ?, ?, ?, ?"
        + " FROM disk_objects o JOIN m ON m.old_id = o.id LEFT JOIN m pm ON pm.old_id = o.parent_id"
        + " RETURNING id, kind, content_id, name, size),"
        + " versions AS (INSERT INTO disk_versions (object_id, content_id, name, size, version, created_by, created_at)"
        + " SELECT id, content_id, name, size, 1, ?, ? FROM made WHERE kind = 'file')"
        + " SELECT new_id FROM m WHERE old_id = ?",
        o.id(), target.storageId(), o.id(), target.id(), o.id(), name, o.id(), path, path + "/",
        o.path().length() + 2, userId, userId, now, now, userId, now, o.id());
  }

  /**
   * To the recycle bin: the object itself {@code 3}, everything live under a folder {@code 4} (deleted with its
   * parent), one statement.
   */
  void markDeleted(Tx tx, DiskObject o, long userId, Instant now) throws SQLException {
    tx.update("WITH RECURSIVE tree AS (SELECT id FROM disk_objects WHERE id = ?"
        + " UNION ALL SELECT c.id FROM disk_objects c JOIN tree t ON c.parent_id = t.id WHERE c.deleted_type = 0)"
        + " UPDATE disk_objects SET deleted_type = CASE WHEN id = ? THEN 3 ELSE 4 END, deleted_by = ?, deleted_at = ?"
        + " WHERE id IN (SELECT id FROM tree)", o.id(), o.id(), userId, now);
  }

  /**
   * Out of the recycle bin, under {@code name}: the object and what was deleted with it (not what was put in the
   * bin on its own before), one statement.
   */
  void restore(Tx tx, DiskObject o, String name, long userId, Instant now) throws SQLException {
    tx.update("WITH RECURSIVE tree AS (SELECT id FROM disk_objects WHERE id = ?"
        + " UNION ALL SELECT c.id FROM disk_objects c JOIN tree t ON c.parent_id = t.id WHERE c.deleted_type = 4)"
        + " UPDATE disk_objects SET deleted_type = 0, updated_by = CASE WHEN id = ? THEN ? ELSE updated_by END,"
        + " updated_at = CASE WHEN id = ? THEN ? ELSE updated_at END WHERE id IN (SELECT id FROM tree)",
        o.id(), o.id(), userId, o.id(), now);
    if (!name.equals(o.name())) rename(tx, o, name, userId, now);
  }

  // ---- versions ----

  record Version(long id, long objectId, long contentId, String name, long size, int version, long createdBy,
      Instant createdAt) {}

  private static final String VERSION = "id, object_id, content_id, name, size, version, created_by, created_at";

  long addVersion(Tx tx, long objectId, long contentId, String name, long size, int version, long userId,
      Instant now) throws SQLException {
    return tx.insert("INSERT INTO disk_versions (object_id, content_id, name, size, version, created_by, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", objectId, contentId == 0 ? null : contentId, name, size,
        version, userId, now);
  }

  /** A file's content replaced by {@code contentId}: a new version of it, counted on. */
  void setContent(Tx tx, DiskObject o, long contentId, long size, String contentType, long userId, Instant now)
      throws SQLException {
    int version = o.version() + 1;
    tx.updateOne("UPDATE disk_objects SET content_id = ?, size = ?, content_type = coalesce(?, content_type),"
        + " version = ?, updated_by = ?, updated_at = ? WHERE id = ?", contentId, size, contentType, version, userId,
        now, o.id());
    addVersion(tx, o.id(), contentId, o.name(), size, version, userId, now);
  }

  Optional<Version> version(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + VERSION + " FROM disk_versions WHERE id = ?", DiskStore::versionRow, id);
  }

  /** A page of a file's versions that pass {@code q}, newest first. */
  Paged<Version> versions(Tx tx, long objectId, ChildQuery q, long start, int size) throws SQLException {
    return paged(tx, VERSION, " FROM disk_versions WHERE object_id = ?", objectId, q, start, size,
        DiskStore::versionRow);
  }

  private static Version versionRow(ResultSet rs) throws SQLException {
    return new Version(rs.getLong("id"), rs.getLong("object_id"), rs.getLong("content_id"), rs.getString("name"),
        rs.getLong("size"), rs.getInt("version"), rs.getLong("created_by"), Sql.instant(rs, "created_at"));
  }

  // ---- content ----

  /**
   * Writes {@code in} as a new content, one row per {@link #CHUNK} bytes, and returns its id and size. More than
   * {@code max} bytes throw {@link TooLarge} as soon as the limit is passed (the caller's rollback removes the
   * rows already written).
   */
  long[] writeContent(Tx tx, InputStream in, long max) throws SQLException, IOException {
    long id = tx.insert("INSERT INTO disk_contents (size, chunks) VALUES (0, 0) RETURNING id");
    byte[] buf = new byte[CHUNK];
    long size = 0;
    int seq = 0;
    while (true) {
      int n = in.readNBytes(buf, 0, CHUNK);
      if (n <= 0) break;
      size += n;
      if (size > max) throw new TooLarge();
      byte[] data = n == CHUNK ? buf : java.util.Arrays.copyOf(buf, n);
      tx.update("INSERT INTO disk_chunks (content_id, seq, data) VALUES (?, ?, ?)", id, seq++, data);
      if (n < CHUNK) break;
    }
    tx.updateOne("UPDATE disk_contents SET size = ?, chunks = ? WHERE id = ?", size, seq, id);
    return new long[] {id, size};
  }

  /**
   * The bytes {@code from}..{@code to} (inclusive, {@code to - from < BATCH * CHUNK}) of a content, cut out by the
   * database: only the chunks the range touches are read, and of the first and the last only the part inside it.
   */
  List<byte[]> slice(Tx tx, long contentId, long from, long to) throws SQLException {
    return tx.query("SELECT substring(data FROM (greatest(? - seq::bigint * ?, 0) + 1)::int"
        + " FOR (least(? - seq::bigint * ?, ?) - greatest(? - seq::bigint * ?, 0))::int)"
        + " FROM disk_chunks WHERE content_id = ? AND seq BETWEEN ? AND ? ORDER BY seq", rs -> rs.getBytes(1),
        from, CHUNK, to + 1, CHUNK, CHUNK, from, CHUNK, contentId, (int) (from / CHUNK), (int) (to / CHUNK));
  }

  /** How many chunks one read of a download takes at most (1 MiB): a slow client holds no connection longer. */
  static final int BATCH = 4;

  // ---- attachments ----

  record Attachment(long id, long objectId, String entityType, long entityId, long taskId, long createdBy,
      Instant createdAt) {}

  record AttachedFile(Attachment attachment, DiskObject object) {}

  long attach(Tx tx, long objectId, String entityType, long entityId, long taskId, long userId, Instant now)
      throws SQLException {
    return tx.insert("INSERT INTO disk_attachments (object_id, entity_type, entity_id, task_id, created_by, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", objectId, entityType, entityId, taskId, userId, now);
  }

  List<Attachment> attachments(Tx tx, String entityType, long entityId) throws SQLException {
    return tx.query("SELECT id, object_id, entity_type, entity_id, task_id, created_by, created_at FROM disk_attachments"
        + " WHERE entity_type = ? AND entity_id = ? ORDER BY id", DiskStore::attachmentRow, entityType, entityId);
  }

  void detach(Tx tx, long attachmentId) throws SQLException {
    tx.updateOne("DELETE FROM disk_attachments WHERE id = ?", attachmentId);
  }

  /** The attachments of many entities with their files, in one query: entity id -> attachments, oldest first. */
  Map<Long, List<AttachedFile>> attachedFiles(Tx tx, String entityType, Collection<Long> entityIds)
      throws SQLException {
    Map<Long, List<AttachedFile>> out = new LinkedHashMap<>();
    if (entityIds.isEmpty()) return out;
    List<Long> ids = List.copyOf(entityIds);
    List<AttachedFile> rows = tx.query("SELECT a.id AS a_id, a.object_id, a.entity_type, a.entity_id, a.task_id,"
        + " a.created_by AS a_created_by, a.created_at AS a_created_at, o.* FROM disk_attachments a"
        + " JOIN disk_objects o ON o.id = a.object_id WHERE a.entity_type = ? AND a.entity_id = ANY (?) ORDER BY a.id",
        DiskStore::attachedRow, entityType, ids);
    for (AttachedFile f : rows) out.computeIfAbsent(f.attachment().entityId(), k -> new ArrayList<>()).add(f);
    return out;
  }

  /** One attachment with its file. */
  Optional<AttachedFile> attachedFile(Tx tx, long attachmentId) throws SQLException {
    return tx.queryOne("SELECT a.id AS a_id, a.object_id, a.entity_type, a.entity_id, a.task_id,"
        + " a.created_by AS a_created_by, a.created_at AS a_created_at, o.* FROM disk_attachments a"
        + " JOIN disk_objects o ON o.id = a.object_id WHERE a.id = ?", DiskStore::attachedRow, attachmentId);
  }

  private static AttachedFile attachedRow(ResultSet rs) throws SQLException {
    return new AttachedFile(new Attachment(rs.getLong("a_id"), rs.getLong("object_id"), rs.getString("entity_type"),
        rs.getLong("entity_id"), rs.getLong("task_id"), rs.getLong("a_created_by"), Sql.instant(rs, "a_created_at")),
        objectRow(rs));
  }

  /** The tasks a file is attached to (directly or through a comment). */
  List<Long> tasksOf(Tx tx, long objectId) throws SQLException {
    return tx.query("SELECT DISTINCT task_id FROM disk_attachments WHERE object_id = ? ORDER BY task_id",
        rs -> rs.getLong(1), objectId);
  }

  private static Storage storageRow(ResultSet rs) throws SQLException {
    return new Storage(rs.getLong("id"), rs.getString("entity_type"), rs.getLong("entity_id"), rs.getString("name"),
        rs.getLong("root_id"));
  }

  private static Attachment attachmentRow(ResultSet rs) throws SQLException {
    return new Attachment(rs.getLong("id"), rs.getLong("object_id"), rs.getString("entity_type"),
        rs.getLong("entity_id"), rs.getLong("task_id"), rs.getLong("created_by"), Sql.instant(rs, "created_at"));
  }

  static DiskObject objectRow(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long deletedBy = rs.getLong("deleted_by");
    Long deleter = rs.wasNull() ? null : deletedBy;
    return new DiskObject(rs.getLong("id"), rs.getLong("storage_id"), parentId, "folder".equals(rs.getString("kind")),
        rs.getString("name"), rs.getString("path"), rs.getLong("content_id"), rs.getString("content_type"),
        rs.getLong("size"), rs.getInt("version"), rs.getString("secret"), rs.getLong("created_by"),
        rs.getLong("updated_by"), deleter, rs.getShort("deleted_type"), Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"), Sql.instant(rs, "deleted_at"));
  }
}
