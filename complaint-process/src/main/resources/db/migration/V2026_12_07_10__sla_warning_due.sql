-- SLA warnings are given by a sweep (io.complaintflow.process.sla.SlaWarningSweep), not by one timer job per complaint
-- and clock: each complaint says when its next warning is due, and the sweep reads the due ones on these indexes.
-- The columns are kept by SlaWarningSchedule whenever a complaint is saved: null once warned, answered or closed,
-- and while the clocks stand still (waiting for the customer). Portable SQL: H2 2.x and PostgreSQL 15+.
alter table complaint add column first_response_warning_due_at timestamp with time zone;
alter table complaint add column resolution_warning_due_at timestamp with time zone;
create index complaint_first_response_warning_ix on complaint (first_response_warning_due_at, id);
create index complaint_resolution_warning_ix on complaint (resolution_warning_due_at, id);
