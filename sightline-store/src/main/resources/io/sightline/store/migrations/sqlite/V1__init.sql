-- Times are epoch milliseconds (INTEGER); JSON documents are TEXT.
create table orgs (
  id          text primary key,
  name        text not null unique,
  created_at  integer not null
);

create table users (
  id          text primary key,
  name        text not null,
  org_id      text not null references orgs(id),
  role        text not null,
  created_at  integer not null
);

create table api_keys (
  key_hash    text primary key,
  user_id     text not null references users(id) on delete cascade,
  created_at  integer not null
);

create table folders (
  id          text primary key,
  name        text not null,
  scope       text not null,
  owner_id    text not null,
  created_by  text not null references users(id),
  created_at  integer not null,
  unique (scope, owner_id, name)
);

create table videos (
  id              text primary key,
  name            text not null,
  folder_id       text not null references folders(id),
  owner_id        text not null references users(id),
  org_id          text not null references orgs(id),
  status          text not null,
  size_bytes      integer not null,
  content_type    text,
  source_url      text,
  media_json      text,
  metadata_json   text,
  storyboard_json text,
  duration        real,
  created_at      integer not null,
  updated_at      integer not null
);
create index videos_by_folder on videos(folder_id, created_at);
create index videos_by_owner on videos(owner_id, created_at);
create index videos_by_org on videos(org_id, created_at);

create table video_steps (
  video_id    text not null references videos(id) on delete cascade,
  name        text not null,
  position    integer not null,
  state       text not null,
  percentage  integer not null,
  error       text,
  attempts    integer not null,
  started_at  integer,
  finished_at integer,
  primary key (video_id, name)
);

create table uploads (
  id            text primary key,
  user_id       text not null references users(id),
  folder_id     text not null references folders(id),
  filename      text not null,
  name          text,
  content_type  text,
  part_size     integer not null,
  metadata_json text,
  state         text not null,
  video_id      text,
  created_at    integer not null,
  expires_at    integer not null
);

create table upload_parts (
  upload_id    text not null references uploads(id) on delete cascade,
  part_number  integer not null,
  size         integer not null,
  sha256       text not null,
  uploaded_at  integer not null,
  primary key (upload_id, part_number)
);

create table collections (
  id          text primary key,
  name        text not null,
  description text,
  owner_id    text not null references users(id),
  created_at  integer not null,
  unique (owner_id, name)
);

create table collection_videos (
  collection_id text not null references collections(id) on delete cascade,
  video_id      text not null references videos(id) on delete cascade,
  added_at      integer not null,
  primary key (collection_id, video_id)
);

-- db-scheduler's table (its documented schema, with SQLite types).
create table scheduled_tasks (
  task_name            text not null,
  task_instance        text not null,
  task_data            blob,
  execution_time       integer not null,
  picked               boolean not null,
  picked_by            text,
  last_success         integer,
  last_failure         integer,
  consecutive_failures integer,
  last_heartbeat       integer,
  version              integer not null,
  priority             integer,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks(execution_time);
