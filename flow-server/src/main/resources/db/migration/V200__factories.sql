-- Factories (versions 200-299): several catalog flows deployed and stopped as one DAG. A factory
-- version is immutable and pins the exact version of every member flow. Portable SQL for H2 and
-- PostgreSQL.

create table factories (
  id varchar(36) primary key,
  project varchar(200) not null references projects (name),
  name varchar(200) not null,
  description varchar(4000) not null,
  current_version integer not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null,
  constraint factories_name_unique unique (project, name)
);

-- 'members' is JSON: [{"entry": path or catalog name as written, "flow": name, "flowId", "version"}];
-- 'parameter_sets' is JSON: {"params/x.yaml": "catalog set name", ...}.
create table factory_versions (
  factory_id varchar(36) not null references factories (id) on delete cascade,
  version integer not null,
  yaml text not null,
  members text not null,
  parameter_sets text not null,
  author varchar(200) not null,
  message varchar(4000) not null,
  created_at timestamp with time zone not null,
  primary key (factory_id, version)
);

-- A factory deployed to an environment: which factory version, which flow deployments, in which
-- state (RUNNING, PARTIAL when a member failed and the rest was rolled back, STOPPED).
create table factory_deployments (
  id varchar(36) primary key,
  factory_id varchar(36) not null references factories (id),
  environment varchar(200) not null references environments (name),
  version integer not null,
  parameter_sets varchar(4000) not null,
  members text not null,
  state varchar(40) not null,
  detail text,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);
