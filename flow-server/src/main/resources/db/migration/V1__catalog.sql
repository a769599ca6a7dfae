-- The catalog: projects, flows, their immutable versions, parameter sets and API tokens.
-- Portable SQL: the same script runs on H2 (the embedded default) and on PostgreSQL.
-- Versions 1-99 belong to the server's catalog; other modules number their scripts from 100
-- (deployments 100-199, factories 200-299, the UI 300-399).

create table projects (
  name varchar(200) primary key,
  description varchar(4000) not null,
  created_at timestamp with time zone not null
);

insert into projects (name, description, created_at)
values ('default', 'The default project', current_timestamp);

create table flows (
  id varchar(36) primary key,
  project varchar(200) not null references projects (name),
  name varchar(200) not null,
  description varchar(4000) not null,
  current_version integer not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null,
  constraint flows_name_unique unique (project, name)
);

create table flow_versions (
  flow_id varchar(36) not null references flows (id) on delete cascade,
  version integer not null,
  yaml text not null,
  author varchar(200) not null,
  message varchar(4000) not null,
  created_at timestamp with time zone not null,
  primary key (flow_id, version)
);

create table flow_labels (
  flow_id varchar(36) not null references flows (id) on delete cascade,
  label_key varchar(200) not null,
  label_value varchar(1000) not null,
  primary key (flow_id, label_key)
);

create table parameter_sets (
  id varchar(36) primary key,
  project varchar(200) not null references projects (name),
  name varchar(200) not null,
  description varchar(4000) not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null,
  constraint parameter_sets_name_unique unique (project, name)
);

-- A secret's value is never stored in plain text: 'plain_value' is null and 'ciphertext' holds the
-- AES-GCM encrypted value (base64 of IV and ciphertext), with a key kept outside the database.
create table parameters (
  set_id varchar(36) not null references parameter_sets (id) on delete cascade,
  name varchar(200) not null,
  secret boolean not null,
  plain_value text,
  ciphertext text,
  primary key (set_id, name)
);

-- The sets a flow uses, in order; a used set cannot be deleted.
create table flow_parameter_sets (
  flow_id varchar(36) not null references flows (id) on delete cascade,
  set_id varchar(36) not null references parameter_sets (id),
  pos integer not null,
  primary key (flow_id, set_id)
);

-- Only the SHA-256 hash of a token is stored.
create table tokens (
  name varchar(200) primary key,
  role varchar(20) not null,
  token_hash varchar(64) not null unique,
  created_at timestamp with time zone not null
);

-- A value encrypted with the secrets key, to tell at start whether the key is the right one.
create table secret_key_check (
  id integer primary key,
  ciphertext text not null
);
