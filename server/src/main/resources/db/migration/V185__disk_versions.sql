-- Drive versions (disk.file.uploadversion, getVersions, disk.version.get, restoreFromVersion): every content a
-- file has had, newest last. A content is never changed once written, so copies and versions share its rows
-- (disk_contents / disk_chunks) instead of duplicating them; a content goes when nothing refers to it any more.
CREATE TABLE disk_versions (
  id bigserial PRIMARY KEY,
  object_id bigint NOT NULL REFERENCES disk_objects (id) ON DELETE CASCADE,
  content_id bigint REFERENCES disk_contents (id),
  name text NOT NULL,                   -- the file's name when the version was made
  size bigint NOT NULL DEFAULT 0,
  version integer NOT NULL,             -- the file's GLOBAL_CONTENT_VERSION this version made
  created_by bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX disk_versions_object ON disk_versions (object_id, id);
CREATE INDEX disk_versions_content ON disk_versions (content_id);
CREATE INDEX disk_objects_content ON disk_objects (content_id);

-- the files made before versions were kept: their current content is their first version
INSERT INTO disk_versions (object_id, content_id, name, size, version, created_by, created_at)
SELECT id, content_id, name, size, version, created_by, created_at FROM disk_objects WHERE kind = 'file' ORDER BY id;
