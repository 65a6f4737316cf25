package io.complaintflow.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Prometheus;
import io.complaintflow.api.Submissions;

/**
 * What Prometheus scrapes: open complaints by status, SLA warnings and breaches, the job executor's backlog and the
 * notification outbox, moving as complaints are filed, timers fall due and messages wait; and who may scrape.
 */
class OperationsMetricsTests extends ControlIntegrationTest {

  private static final String OPEN = "complaintflow_complaints_open";
  private static final String WARNINGS = "complaintflow_sla_warnings_total";
  private static final String WARNINGS_DUE = "complaintflow_sla_warnings_due";
  private static final String BREACHES = "complaintflow_sla_breaches_total";
  private static final String JOBS_DUE = "complaintflow_jobs_due";

  @Autowired
  OperationsMetrics metrics;

  @Test
  void onlyTheMonitoringGroupAndAdministratorsScrape() {
    assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
    assertThat(api.get("/actuator/prometheus").as("zhangwei", "demo").send().status()).isEqualTo(403);
    assertThat(api.get("/actuator/prometheus").as("yangmin", "demo").send().status()).isEqualTo(403);
    assertThat(api.get("/actuator/prometheus").as("admin", "demo").send().status()).isEqualTo(200);
    // the monitoring user has nothing to do with complaints
    assertThat(api.get("/api/staff/complaints").as(Prometheus.USER, "demo").send().status()).isEqualTo(403);
    // health and readiness stay public
    assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);

    Prometheus p = Prometheus.scrape(api);
    for (String name : new String[] {OPEN, WARNINGS, BREACHES, WARNINGS_DUE, "complaintflow_sla_warnings_due_lag_seconds",
        JOBS_DUE, "complaintflow_jobs_due_lag_seconds",
        "complaintflow_jobs_failed", "complaintflow_incidents", "complaintflow_notifications_outbox",
        "complaintflow_notifications_failed_total", "complaintflow_notifications_dead_total"}) {
      assertThat(p.has(name)).as(name).isTrue();
    }
  }

  @Test
  void countsOpenComplaintsTheJobBacklogAndSlaWarningsAndBreaches() {
    at("2026-09-30T16:00");
    runDueJobs();
    metrics.refresh();
    Prometheus before = Prometheus.scrape(api);

    // two complaints filed and received; their acknowledgements wait in the outbox (no mail server here)
    String ticket = file(Submissions.valid()).ticket();
    file(Submissions.valid());
    runDueJobs();
    metrics.refresh();
    Prometheus filed = Prometheus.scrape(api);
    assertThat(filed.value(OPEN, "status", "RECEIVED") - before.value(OPEN, "status", "RECEIVED")).isEqualTo(2.0);
    double held = before.value("complaintflow_notifications_outbox", "status", "HELD");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Prometheus.scrape(api)
        .value("complaintflow_notifications_outbox", "status", "HELD") >= held + 2);

    // 8 October 14:15: the first-response warnings are due; the (stopped) sweep has not given them yet
    at("2026-10-08T14:15");
    metrics.refresh();
    Prometheus due = Prometheus.scrape(api);
    double dueWarnings = due.value(WARNINGS_DUE, "clock", "first_response");
    assertThat(dueWarnings).as("these two, and any other test's in this context").isGreaterThanOrEqualTo(2.0);
    assertThat(due.value("complaintflow_sla_warnings_due_lag_seconds")).isGreaterThanOrEqualTo(15 * 60.0);
    assertThat(due.value(WARNINGS, "clock", "first_response")).isEqualTo(before.value(WARNINGS, "clock",
        "first_response"));

    // the sweep runs: its backlog gone, two warnings more
    runDueJobs();
    metrics.refresh();
    Prometheus warned = Prometheus.scrape(api);
    assertThat(warned.value(WARNINGS_DUE, "clock", "first_response")).isZero();
    assertThat(warned.value("complaintflow_sla_warnings_due_lag_seconds")).isZero();
    assertThat(warned.value(WARNINGS, "clock", "first_response") - before.value(WARNINGS, "clock", "first_response"))
        .isEqualTo(dueWarnings);
    assertThat(warned.value(BREACHES, "clock", "first_response"))
        .isEqualTo(before.value(BREACHES, "clock", "first_response"));

    // 16:30: the breach timers are due; the (stopped) job executor has not run them yet
    at("2026-10-08T16:30");
    metrics.refresh();
    Prometheus late = Prometheus.scrape(api);
    assertThat(late.value(JOBS_DUE)).isGreaterThanOrEqualTo(2.0);
    assertThat(late.value("complaintflow_jobs_due_lag_seconds")).isGreaterThanOrEqualTo(30 * 60.0);

    // the jobs run: backlog gone, breached
    runDueJobs();
    metrics.refresh();
    Prometheus breached = Prometheus.scrape(api);
    assertThat(breached.value(JOBS_DUE)).isZero();
    assertThat(breached.value(BREACHES, "clock", "first_response") - before.value(BREACHES, "clock", "first_response"))
        .isEqualTo(2.0);
    assertThat(complaint(ticket).getFirstResponseBreachedAt()).isNotNull();
    assertThat(breached.value(OPEN, "status", "RECEIVED")).isEqualTo(filed.value(OPEN, "status", "RECEIVED"));
  }

  @Test
  void countsJobsOutOfRetriesAndTheirIncidents() {
    at("2026-09-30T16:00");
    String ticket = file(Submissions.valid()).ticket();
    runDueJobs();
    metrics.refresh();
    Prometheus before = Prometheus.scrape(api);
    Job timer = management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
        .processDefinitionKey("ComplaintEscalationProcess").processInstanceBusinessKey(ticket).singleResult().getId())
        .timers().list().get(0);

    // an operator (or the last failed attempt) leaves it without retries: an incident in Cockpit
    management.setJobRetries(timer.getId(), 0);
    metrics.refresh();
    Prometheus failed = Prometheus.scrape(api);
    assertThat(failed.value("complaintflow_jobs_failed") - before.value("complaintflow_jobs_failed")).isEqualTo(1.0);
    assertThat(failed.value("complaintflow_incidents") - before.value("complaintflow_incidents")).isEqualTo(1.0);

    management.setJobRetries(timer.getId(), 3);
    metrics.refresh();
    assertThat(Prometheus.scrape(api).value("complaintflow_jobs_failed")).isEqualTo(before.value("complaintflow_jobs_failed"));
  }
}
