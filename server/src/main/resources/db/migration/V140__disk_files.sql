-- Drive (disk.*): storages, their folders and files, file content in chunks, and attachments of files to tasks
-- and task comments. Content lives here, in PostgreSQL, so every node serves it and backup, restore, reset and
-- portal snapshots carry it like any other row.
CREATE TABLE disk_storages (
  id bigserial PRIMARY KEY,
  entity_type text NOT NULL,            -- 'user' (a user's own drive) or 'restapp' (an application's storage)
  entity_id bigint NOT NULL,            -- the user id or the application id
  name text NOT NULL,
  code text,
  root_id bigint,                       -- the root folder (disk_objects), set right after it is made
  UNIQUE (entity_type, entity_id)
);

CREATE TABLE disk_contents (
  id bigserial PRIMARY KEY,
  size bigint NOT NULL DEFAULT 0,
  chunks integer NOT NULL DEFAULT 0
);

-- The bytes of a content, in order; each row at most 256 KiB, so neither writer nor reader holds a whole file.
CREATE TABLE disk_chunks (
  content_id bigint NOT NULL REFERENCES disk_contents (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (content_id, seq)
);

CREATE TABLE disk_objects (
  id bigserial PRIMARY KEY,
  storage_id bigint NOT NULL REFERENCES disk_storages (id) ON DELETE CASCADE,
  parent_id bigint REFERENCES disk_objects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('folder', 'file')),
  name text NOT NULL,
  path text NOT NULL,                   -- the names from the storage's root down, for DETAIL_URL
  code text,
  content_id bigint REFERENCES disk_contents (id),
  content_type text,
  size bigint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  secret text NOT NULL,                 -- signs this object's download and upload links
  created_by bigint NOT NULL,
  updated_by bigint NOT NULL,
  deleted_by bigint,
  deleted_type smallint NOT NULL DEFAULT 0, -- 0 live, 3 in the recycle bin
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX disk_objects_parent ON disk_objects (parent_id, kind, name);

-- A file attached to a task (UF_TASK_WEBDAV_FILES) or to a task comment (UF_FORUM_MESSAGE_DOC).
CREATE TABLE disk_attachments (
  id bigserial PRIMARY KEY,
  object_id bigint NOT NULL REFERENCES disk_objects (id) ON DELETE CASCADE,
  entity_type text NOT NULL CHECK (entity_type IN ('task', 'comment')),
  entity_id bigint NOT NULL,
  task_id bigint NOT NULL,              -- the task (of the comment): who may read it may download the file
  created_by bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX disk_attachments_entity ON disk_attachments (entity_type, entity_id, id);
CREATE INDEX disk_attachments_object ON disk_attachments (object_id);
