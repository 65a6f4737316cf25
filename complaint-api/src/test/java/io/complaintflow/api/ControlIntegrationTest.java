package io.complaintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.sla.SlaWarningSweep;

/**
 * The application with its job executor switched off (and with it the SLA warning sweep): tests move the engine clock
 * to a moment in the business time zone and run the jobs and give the warnings that are due, as the job executor and
 * the sweep would, so timers fire exactly when a test says. Shared by
 * the tests of authorization, linkage and escalation (one application context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=control"})
@ActiveProfiles("test")
public abstract class ControlIntegrationTest {

  protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort
  protected int port;
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected RuntimeService runtime;
  @Autowired
  protected TaskService tasks;
  @Autowired
  protected ManagementService management;
  @Autowired
  protected IdentityService identity;
  @Autowired
  protected ComplaintRepository complaints;
  @Autowired
  protected SlaWarningSweep warningSweep;

  protected Api api;

  /** A filed complaint: its ticket and the customer's tracking token. */
  protected record Filed(String ticket, String token) {
  }

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @AfterEach
  void resetClock() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  /** Sets the engine clock (and so the platform's) to a local time in Shanghai, e.g. {@code 2026-09-30T16:00}. */
  protected static Instant at(String localDateTime) {
    Instant t = LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    ClockUtil.setCurrentTime(Date.from(t));
    return t;
  }

  protected static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  /** Files a complaint about something that happened the day before the (moved) clock. */
  protected Filed file(Submissions s) {
    s.with("occurredAt", ClockUtil.now().toInstant().minus(java.time.Duration.ofDays(1)).toString());
    Answer a = api.post("/api/complaints", s.json()).send();
    assertThat(a.status()).as(a.raw()).isEqualTo(201);
    return new Filed(a.json().path("ticket").asText(), a.json().path("trackingToken").asText());
  }

  /**
   * Gives the SLA warnings and runs every job that is due now, repeatedly, as the sweep and the job executor would;
   * failures stay with their job.
   */
  protected int runDueJobs() {
    // the SLA warnings that are due (the sweep that gives them is off with the job executor)
    int ran = warningSweep.sweep();
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().executable().active().list();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          ran++;
        } catch (RuntimeException failed) {
          // as in the job executor: retries are decremented; an incident when they run out
        }
      }
    }
    return ran;
  }

  /** The open task of a complaint at a step (any of its processes), or {@code null}. */
  protected Task task(String ticket, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey(key).list();
    assertThat(found).as(key).hasSizeLessThanOrEqualTo(1);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Completes a step as the user would in Tasklist: signed in with their groups, claiming it if needed. */
  protected void work(String user, String ticket, String key, Map<String, Object> form) {
    Task task = task(ticket, key);
    assertThat(task).as("open task " + key + " of " + ticket).isNotNull();
    complete(user, task, form);
  }

  /** Completes a task as the user would in Tasklist: signed in with their groups, claiming it if needed. */
  protected void complete(String user, Task task, Map<String, Object> form) {
    signIn(user);
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  protected void signIn(String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
  }

  protected Complaint complaint(String ticket) {
    return complaints.findByTicket(ticket).orElseThrow();
  }

  protected List<String> events(String ticket) {
    return jdbc.queryForList("select e.type from complaint_event e join complaint c on c.id = e.complaint_id "
        + "where c.ticket = ? order by e.occurred_at, e.id", String.class, ticket);
  }

  /** Registers a complaint the way 张伟 would on the phone: the facts, a product defect, not solved at once. */
  protected void register(String user, String ticket, boolean resolvable, Map<String, Object> extra) {
    Map<String, Object> form = new java.util.HashMap<>(Map.of("facts", "内胆有裂纹", "customerRequest", "换新",
        "problemType", "PRODUCT_DEFECT", "personalInjury", false, "resolvableAtFirstContact", resolvable,
        "suspectedMalicious", false));
    if (!resolvable) {
      form.put("delayReason", "需要核实库存");
      form.put("promisedReplyAt", LocalDateTime.ofInstant(ClockUtil.now().toInstant(), SHANGHAI).plusDays(1)
          .withSecond(0).withNano(0).toString());
    }
    form.putAll(extra);
    work(user, ticket, "Task_RegisterComplaint", form);
    runDueJobs();
  }

  protected Date dueOfTimer(String ticket, String activityId) {
    Job job = management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
        .processDefinitionKey("ComplaintEscalationProcess").processInstanceBusinessKey(ticket).singleResult().getId())
        .activityId(activityId).singleResult();
    return job == null ? null : job.getDuedate();
  }
}
