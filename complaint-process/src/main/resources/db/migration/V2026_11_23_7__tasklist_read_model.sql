-- Tasklist read model (issue 8): the open tasks with just what the staff Tasklist filters select and sort by, kept in
-- step with the engine's tables in the engine's own transaction (io.complaintflow.api.tasklist). Each filter's page and
-- count are then index range scans; on 100,000 open tasks the engine's own filter query takes seconds.
-- Portable SQL: H2 2.x and PostgreSQL 15+. Filled from the engine's tables at start-up (TasklistReadModelSync).

-- One row per open task, copied from ACT_RU_TASK. vip: the process instance has the process variable customerTier =
-- 'VIP' (string), exactly as the VIP filter's processVariableValueEquals asks. Sorted like the filters: due date asc,
-- priority desc, create time asc, then the id (the engine leaves ties unordered).
create table tasklist_task (
    id                varchar(64)   not null primary key,
    proc_inst_id      varchar(64),
    proc_def_id       varchar(64),
    task_def_key      varchar(255),
    assignee          varchar(255),
    due_date          timestamp,
    priority          integer,
    create_time       timestamp,
    tenant_id         varchar(64),
    suspension_state  integer,
    vip               boolean       not null
);

create index tasklist_task_assignee_ix on tasklist_task
    (assignee, due_date, priority desc, create_time, id, suspension_state);
create index tasklist_task_assignee_vip_ix on tasklist_task
    (assignee, vip, due_date, priority desc, create_time, id, suspension_state);
create index tasklist_task_assignee_key_ix on tasklist_task
    (assignee, task_def_key, due_date, priority desc, create_time, id, suspension_state);
create index tasklist_task_proc_inst_ix on tasklist_task (proc_inst_id);
create index tasklist_task_proc_def_ix on tasklist_task (proc_def_id);
create index tasklist_task_tenant_ix on tasklist_task (tenant_id);

-- One row per candidate group of each open, unassigned task (the only tasks the group filters list), with the task's
-- sort and filter columns repeated so that a group's page and count never leave the index.
create table tasklist_candidate (
    task_id           varchar(64)   not null,
    group_id          varchar(255)  not null,
    task_def_key      varchar(255),
    due_date          timestamp,
    priority          integer,
    create_time       timestamp,
    suspension_state  integer,
    vip               boolean       not null,
    constraint tasklist_candidate_pk primary key (task_id, group_id)
);

create index tasklist_candidate_group_ix on tasklist_candidate
    (group_id, due_date, priority desc, create_time, task_id, suspension_state);
create index tasklist_candidate_group_vip_ix on tasklist_candidate
    (group_id, vip, due_date, priority desc, create_time, task_id, suspension_state);
create index tasklist_candidate_group_key_ix on tasklist_candidate
    (group_id, task_def_key, due_date, priority desc, create_time, task_id, suspension_state);

-- One row. filled_at: when the model was first filled from the engine's tables (null: not yet, so not used).
-- grants_version counts changes of authorizations made through the AuthorizationService (or deleted users and groups);
-- grants_checked_version is the version at which every open task's assignee and candidate groups were last found to hold
-- their READ grant on the task (which the engine's default authorization provider gives them), the condition under
-- which staff without READ on all tasks may be answered from the model.
create table tasklist_read_model_state (
    id                      integer       not null primary key,
    filled_at               timestamp,
    grants_version          bigint        not null,
    grants_checked_version  bigint
);

insert into tasklist_read_model_state (id, filled_at, grants_version, grants_checked_version) values (1, null, 0, null);
