package dev.b24tasks.files;

import java.time.Instant;

/** One Drive object: a folder or a file (with its content's id, size and type). */
record DiskObject(long id, long storageId, Long parentId, boolean folder, String name, String path, long contentId,
    String contentType, long size, int version, String secret, long createdBy, long updatedBy, Long deletedBy,
    int deletedType, Instant createdAt, Instant updatedAt, Instant deletedAt) {
  boolean deleted() {
    return deletedType != 0;
  }
}
