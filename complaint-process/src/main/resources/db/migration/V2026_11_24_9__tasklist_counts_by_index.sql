-- Tasklist read model (migration 7): a filter's count read by index range alone, without reading rows.
-- suspension_state moves from the end of each index to just after the owner (assignee or group), so that Tasklist's
-- "active" (suspension_state = 1) narrows the range instead of being checked on each row: H2 fetched every row of the
-- range to check it (90,000 rows for the agents' 待认领 count, 14,000 page reads per request). Other queries read the
-- two states as two ranges.
-- shared: the task is offered to more than one group. A user in several groups counted their tasks with
-- count(distinct task_id) over group_id in (…), which H2 answered by reading every row of those groups (95,000 for
-- the VIP filter); now each group is counted on its own index range and only shared rows are read to subtract tasks
-- counted twice.
-- Portable SQL: H2 2.x and PostgreSQL 15+.
alter table tasklist_candidate add column shared boolean default false not null;

update tasklist_candidate set shared = true
 where task_id in (select task_id from tasklist_candidate group by task_id having count(*) > 1);

drop index tasklist_task_assignee_ix;
drop index tasklist_task_assignee_vip_ix;
drop index tasklist_task_assignee_key_ix;
drop index tasklist_candidate_group_ix;
drop index tasklist_candidate_group_vip_ix;
drop index tasklist_candidate_group_key_ix;

create index tasklist_task_assignee_ix on tasklist_task
    (assignee, suspension_state, due_date, priority desc, create_time, id);
create index tasklist_task_assignee_vip_ix on tasklist_task
    (assignee, suspension_state, vip, due_date, priority desc, create_time, id);
create index tasklist_task_assignee_key_ix on tasklist_task
    (assignee, suspension_state, task_def_key, due_date, priority desc, create_time, id);

create index tasklist_candidate_group_ix on tasklist_candidate
    (group_id, suspension_state, due_date, priority desc, create_time, task_id);
create index tasklist_candidate_group_vip_ix on tasklist_candidate
    (group_id, suspension_state, vip, due_date, priority desc, create_time, task_id);
create index tasklist_candidate_group_key_ix on tasklist_candidate
    (group_id, suspension_state, task_def_key, due_date, priority desc, create_time, task_id);
create index tasklist_candidate_shared_ix on tasklist_candidate (shared, group_id, task_id);
