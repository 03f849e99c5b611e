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

  /** The live children of a folder, folders first, then by name. */
  List<DiskObject> children(Tx tx, long folderId) throws SQLException {
    return tx.query("SELECT " + OBJECT + " FROM disk_objects WHERE parent_id = ? AND deleted_type = 0"
        + " ORDER BY kind DESC, name, id", DiskStore::objectRow, folderId);
  }

  /** Whether a live object of that name is in the folder (compared as Drive does: ignoring case). */
  boolean nameTaken(Tx tx, long folderId, String name) throws SQLException {
    return tx.queryOne("SELECT 1 FROM disk_objects WHERE parent_id = ? AND deleted_type = 0 AND lower(name) = lower(?)",
        rs -> true, folderId, name).isPresent();
  }

  long insertObject(Tx tx, long storageId, Long parentId, boolean folder, String name, String path, long contentId,
      String contentType, long size, String secret, long userId, Instant now) throws SQLException {
    return tx.insert("INSERT INTO disk_objects (storage_id, parent_id, kind, name, path, content_id, content_type,"
        + " size, secret, created_by, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " RETURNING id", storageId, parentId, folder ? "folder" : "file", name, path,
        contentId == 0 ? null : contentId, contentType, size, secret, userId, userId, now, now);
  }

  void markDeleted(Tx tx, long id, long userId, Instant now) throws SQLException {
    tx.updateOne("UPDATE disk_objects SET deleted_type = 3, deleted_by = ?, deleted_at = ? WHERE id = ?",
        userId, now, id);
  }

  /** Removes a file for good: its attachments go with it (cascade), its content when nothing else uses it. */
  void delete(Tx tx, DiskObject o) throws SQLException {
    tx.updateOne("DELETE FROM disk_objects WHERE id = ?", o.id());
    if (o.contentId() > 0) tx.update("DELETE FROM disk_contents WHERE id = ?", o.contentId());
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

  /** One chunk of a content, or null past its end. */
  byte[] chunk(Tx tx, long contentId, int seq) throws SQLException {
    return tx.queryOne("SELECT data FROM disk_chunks WHERE content_id = ? AND seq = ?", rs -> rs.getBytes(1),
        contentId, seq).orElse(null);
  }

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
