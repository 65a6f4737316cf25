-- Staff lists sorted by an SLA due time (GET /api/staff/complaints?sort=resolutionDueAt,asc: "most urgent first"),
-- with the id as the tie-breaker the API always adds (descending). Without these, each page sorted every complaint:
-- 104 ms p95 on PostgreSQL at 100,000 open complaints (issue 8's target is 100 ms).
-- Portable SQL: H2 2.x and PostgreSQL 15+.
create index complaint_resolution_due_ix on complaint (resolution_due_at, id desc);
create index complaint_first_response_due_ix on complaint (first_response_due_at, id desc);
