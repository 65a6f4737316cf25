package io.complaintflow.api.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.ComplaintFlowApplication;
import io.complaintflow.api.Api;
import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.escalation.EscalationProcess;
import io.complaintflow.process.sla.SlaClock;
import io.complaintflow.process.sla.SlaTimer;
import io.complaintflow.process.staff.StaffGroups;

/**
 * The application with the {@code postgres} profile on a real PostgreSQL server (see {@link PostgresDatabase}), on a
 * database of its own: Flyway and the engine create their schema, a complaint goes through intake, registration and
 * classification (an async job run by the job executor) with its SLA timers where the calendar says, staff list it,
 * and everything is still there after a restart.
 *
 * <p>Each start gets exactly the environment a production node would (the variables of
 * {@code application-postgres.yaml}), not the test JVM's. Only the engine's name differs from production: other
 * applications live in this JVM with the engine named "default".
 */
class PostgresApplicationIT {

  private static final String SECRET = "postgres-tests-tracking-secret-0123456789";
  private static final String STAFF = "pgstaff";
  private static final String STAFF_PASSWORD = "pg-secret-1";
  /** Log level for starts that are meant to fail: the failure is asserted, not logged. */
  private static final String QUIETLY = "OFF";

  @RegisterExtension
  static final PostgresDatabase db = PostgresDatabase.fresh("app");

  private ConfigurableApplicationContext app;
  private JdbcTemplate sql;

  @BeforeEach
  void lookIntoTheDatabase() {
    sql = db.jdbc();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void createsItsSchemaAndTakesAComplaintThroughIntakeAndClassification() {
    app = start(productionEnvironment());
    Api api = new Api(port(app));

    // Flyway's migrations and the engine's tables are there, on PostgreSQL
    assertThat(sql.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    List<Map<String, Object>> migrations = sql.queryForList(
        "select version, success from flyway_schema_history where version is not null order by installed_rank");
    assertThat(migrations).extracting(m -> m.get("version"))
        .contains("2026.11.23.1", "2026.11.23.3");
    assertThat(migrations).allSatisfy(m -> assertThat(m.get("success")).isEqualTo(true));
    assertThat(sql.queryForList("select version_ from act_ge_schema_log", String.class)).containsExactly("7.24.0");
    assertThat(sql.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", Integer.class))
        .as("history level full").isEqualTo(3);

    // a customer files a complaint
    Answer filed = api.post("/api/complaints", submission().with("customer/tier", "GOLD").json())
        .header("Idempotency-Key", "pg-app-1").send();
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    String ticket = filed.json().path("ticket").asText();
    Complaint received = complaint(ticket);
    assertThat(received.getReceivedAt()).isNotNull();

    // its clocks: both breach timers wait, and both warnings before them, due where the business calendar puts them
    SlaClock slaClock = app.getBean(SlaClock.class);
    assertThat(timerDue(ticket, "IntermediateEvent_FirstResponseDue")).isEqualTo(
        Date.from(received.getFirstResponseDueAt()));
    assertThat(timerDue(ticket, "IntermediateEvent_ResolutionDue")).isEqualTo(Date.from(received.getResolutionDueAt()));
    Instant firstWarning = received.getFirstResponseWarningDueAt();
    Instant resolutionWarning = received.getResolutionWarningDueAt();
    assertThat(firstWarning).isEqualTo(slaClock.timerDue(received, SlaTimer.FIRST_RESPONSE_WARNING));
    assertThat(firstWarning).isAfter(received.getReceivedAt()).isBefore(received.getFirstResponseDueAt());
    assertThat(resolutionWarning).isEqualTo(slaClock.timerDue(received, SlaTimer.RESOLUTION_WARNING));
    assertThat(resolutionWarning).isAfter(received.getReceivedAt()).isBefore(received.getResolutionDueAt());

    // an agent registers it; the job executor classifies it (async) and the resolution clock follows
    addStaff();
    register(ticket);
    Complaint classified = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> complaint(ticket), c -> c.getCategory() != null);
    assertThat(events(ticket)).containsSubsequence("RECEIVED", "REGISTERED", "CLASSIFIED");
    assertThat(timerDue(ticket, "IntermediateEvent_FirstResponseDue")).as("first response given").isNull();
    assertThat(classified.getFirstResponseWarningDueAt()).as("first response given").isNull();
    assertThat(classified.getResolutionWarningDueAt())
        .isEqualTo(slaClock.timerDue(classified, SlaTimer.RESOLUTION_WARNING));
    assertThat(timerDue(ticket, "IntermediateEvent_ResolutionDue")).isEqualTo(Date.from(classified.getResolutionDueAt()));
    assertThat(sql.queryForObject("select count(*) from act_ru_incident", Long.class)).isZero();

    // staff list it
    Answer list = api.get("/api/staff/complaints?size=50").as(STAFF, STAFF_PASSWORD).send();
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    assertThat(tickets(list.json())).contains(ticket);
  }

  @Test
  void answersTheStaffTasklistFiltersFromItsReadModel() {
    app = start(productionEnvironment());
    Api api = new Api(port(app));
    addStaff();
    for (int i = 0; i < 4; i++) {
      Submissions s = i == 0 ? submission().with("customer/tier", "VIP") : submission();
      Answer filed = api.post("/api/complaints", s.json()).header("Idempotency-Key", "pg-tasklist-" + i).send();
      assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    }
    FilterService filters = app.getBean(FilterService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    for (String name : List.of("待认领", "VIP 客户", "我的任务", "即将到期")) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      Answer page = api.post("/engine-rest/engine/postgres/filter/" + filter.getId()
              + "/list?firstResult=0&maxResults=50", "{}")
          .header("Accept", "application/hal+json").as(STAFF, STAFF_PASSWORD).send();
      assertThat(page.status()).as(page.raw()).isEqualTo(200);
      assertThat(page.header("X-ComplaintFlow-Tasklist")).as(name + " answered by the read model")
          .isEqualTo("read-model; proven-page");

      identity.setAuthentication(STAFF, List.of(StaffGroups.AGENTS, StaffGroups.SUPERVISORS));
      List<Task> engine;
      try {
        engine = filters.list(filter.getId());
      } finally {
        identity.clearAuthentication();
      }
      assertThat(page.json().path("count").asLong()).as(name).isEqualTo(engine.size());
      List<String> listed = page.json().path("_embedded").path("task").findValuesAsText("id");
      assertThat(listed).as(name).containsExactlyInAnyOrderElementsOf(
          engine.stream().limit(50).map(Task::getId).toList());
      List<String> due = page.json().path("_embedded").path("task").findValuesAsText("due");
      assertThat(due).as(name + ": most urgent first").isSorted();
    }
    assertThat(sql.queryForObject("select count(*) from tasklist_task", Long.class))
        .isEqualTo(sql.queryForObject("select count(*) from act_ru_task", Long.class));
  }

  @Test
  void anonymisesACustomerAndServesItsMetrics() {
    app = start(productionEnvironment());
    Api api = new Api(port(app));
    IdentityService identity = app.getBean(IdentityService.class);
    User manager = identity.newUser("pgmanager");
    manager.setFirstName("PG");
    manager.setLastName("Manager");
    manager.setPassword(STAFF_PASSWORD);
    identity.saveUser(manager);
    identity.createMembership("pgmanager", StaffGroups.MANAGERS);
    identity.createMembership("pgmanager", StaffGroups.MONITORING);

    // a complaint through intake, registration and classification
    Answer filed = api.post("/api/complaints", submission().with("customer/name", "诸葛云天")
        .with("customer/phone", "13600001111").with("customer/email", "zhuge.yuntian@example.com").json()).send();
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    String ticket = filed.json().path("ticket").asText();
    addStaff();
    register(ticket);
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> complaint(ticket), c -> c.getCategory() != null);

    // the customer's data are erased, here and in the engine's tables
    Answer erased = api.post("/api/staff/customers/anonymisations", "{\"email\": \"Zhuge.Yuntian@example.com\"}")
        .as("pgmanager", STAFF_PASSWORD).send();
    assertThat(erased.status()).as(erased.raw()).isEqualTo(201);
    assertThat(erased.json().path("tickets").get(0).asText()).isEqualTo(ticket);
    for (String table : List.of("complaint c", "complaint_event c", "notification_outbox c", "act_ru_variable c",
        "act_hi_varinst c", "act_hi_detail c")) {
      assertThat(sql.queryForObject("select count(*) from " + table + " where cast(c as text) like '%诸葛云天%' "
          + "or cast(c as text) like '%13600001111%' or cast(c as text) like '%zhuge.yuntian%'", Long.class))
          .as(table).isZero();
    }
    assertThat(api.post("/api/staff/customers/anonymisations", "{\"ticket\": \"" + ticket + "\"}")
        .as("pgmanager", STAFF_PASSWORD).send().status()).isEqualTo(200);

    // Prometheus scrapes the figures
    Answer scrape = api.get("/actuator/prometheus").as("pgmanager", STAFF_PASSWORD).send();
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.raw()).contains("complaintflow_complaints_open{", "complaintflow_jobs_due ",
        "complaintflow_sla_warnings_total{");
  }

  @Test
  void findsItsComplaintsAndTimersAfterARestart() {
    app = start(productionEnvironment());
    addStaff();
    Answer filed = new Api(port(app)).post("/api/complaints", submission().json())
        .header("Idempotency-Key", "pg-restart-1").send();
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    String ticket = filed.json().path("ticket").asText();
    String token = filed.json().path("trackingToken").asText();
    Date breachBefore = timerDue(ticket, "IntermediateEvent_ResolutionDue");
    Instant warningBefore = complaint(ticket).getResolutionWarningDueAt();
    long deployments = app.getBean(RepositoryService.class).createDeploymentQuery().count();
    long migrations = sql.queryForObject("select count(*) from flyway_schema_history", Long.class);
    app.close();

    app = start(productionEnvironment());
    Api api = new Api(port(app));

    Answer followed = api.get("/api/complaints/" + ticket).header("X-Tracking-Token", token).send();
    assertThat(followed.status()).as(followed.raw()).isEqualTo(200);
    assertThat(followed.json().path("ticket").asText()).isEqualTo(ticket);
    Answer list = api.get("/api/staff/complaints?size=50").as(STAFF, STAFF_PASSWORD).send();
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    assertThat(tickets(list.json())).contains(ticket);
    assertThat(timerDue(ticket, "IntermediateEvent_ResolutionDue")).isEqualTo(breachBefore);
    assertThat(complaint(ticket).getResolutionWarningDueAt()).isEqualTo(warningBefore).isNotNull();
    // unchanged models are not deployed again, migrations are not run again
    assertThat(app.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(sql.queryForObject("select count(*) from flyway_schema_history", Long.class)).isEqualTo(migrations);
    // the same idempotency key still answers with the same complaint, after the restart
    Answer replayed = api.post("/api/complaints", submission().json())
        .header("Idempotency-Key", "pg-restart-1").send();
    assertThat(replayed.json().path("ticket").asText()).isEqualTo(ticket);
  }

  @Test
  void refusesToStartWithoutATrackingSecret() {
    Map<String, Object> environment = productionEnvironment();
    environment.remove("COMPLAINTFLOW_INTAKE_TRACKING_SECRET");

    assertThatThrownBy(() -> app = start(environment, QUIETLY))
        .rootCause().hasMessageContaining("complaintflow.intake.tracking-secret must be set to at least 32 characters");
  }

  @Test
  void refusesToStartWithoutADatabaseUrl() {
    Map<String, Object> environment = productionEnvironment();
    environment.remove("COMPLAINTFLOW_DB_URL");

    assertThatThrownBy(() -> app = start(environment, QUIETLY))
        .rootCause().hasMessageContaining("${COMPLAINTFLOW_DB_URL}");
  }

  /** What a node's environment holds in production: the variables application-postgres.yaml reads. */
  private static Map<String, Object> productionEnvironment() {
    Map<String, Object> env = new HashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("COMPLAINTFLOW_DB_URL", db.url());
    env.put("COMPLAINTFLOW_DB_USERNAME", db.user());
    env.put("COMPLAINTFLOW_DB_PASSWORD", db.password());
    env.put("COMPLAINTFLOW_INTAKE_TRACKING_SECRET", SECRET);
    return env;
  }

  /** Starts the application with exactly this environment (instead of the test JVM's) on a random port. */
  private static ConfigurableApplicationContext start(Map<String, Object> environment) {
    return start(environment, "WARN");
  }

  private static ConfigurableApplicationContext start(Map<String, Object> environment, String logLevel) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    return new SpringApplicationBuilder(ComplaintFlowApplication.class)
        .environment(env)
        .properties(Map.of("server.port", "0",
            // other applications in this JVM use the engine name "default"
            "camunda.bpm.process-engine-name", "postgres",
            "camunda.bpm.generate-unique-process-application-name", "true",
            // failsafe shows test output on the console
            "spring.main.banner-mode", "off",
            "logging.level.root", logLevel,
            "logging.level.org.springframework", logLevel))
        .run();
  }

  /** A valid complaint about a product that is not in the catalogue (this profile ships no demo catalogue). */
  private static Submissions submission() {
    return Submissions.valid().without("product/code");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private Complaint complaint(String ticket) {
    return app.getBean(ComplaintRepository.class).findByTicket(ticket).orElseThrow();
  }

  private List<String> events(String ticket) {
    return sql.queryForList("select e.type from complaint_event e join complaint c on c.id = e.complaint_id "
        + "where c.ticket = ? order by e.occurred_at, e.id", String.class, ticket);
  }

  /** The due date of a waiting timer of the complaint's escalation process, {@code null} when it does not wait. */
  private Date timerDue(String ticket, String activityId) {
    String instance = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.KEY).processInstanceBusinessKey(ticket).singleResult().getId();
    Job job = app.getBean(ManagementService.class).createJobQuery().processInstanceId(instance).activityId(activityId)
        .singleResult();
    return job == null ? null : job.getDuedate();
  }

  /** An agent who is also a supervisor (demo data are off in this profile); kept across restarts. */
  private void addStaff() {
    IdentityService identity = app.getBean(IdentityService.class);
    if (identity.createUserQuery().userId(STAFF).count() > 0) {
      return;
    }
    User u = identity.newUser(STAFF);
    u.setFirstName("PG");
    u.setLastName("Staff");
    u.setPassword(STAFF_PASSWORD);
    identity.saveUser(u);
    identity.createMembership(STAFF, StaffGroups.AGENTS);
    identity.createMembership(STAFF, StaffGroups.SUPERVISORS);
  }

  /** Registers the complaint as an agent would in Tasklist: the facts, a product defect, solved at first contact. */
  private void register(String ticket) {
    TaskService tasks = app.getBean(TaskService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("Task_RegisterComplaint")
        .singleResult();
    assertThat(task).as("registration task").isNotNull();
    identity.setAuthentication(STAFF, List.of(StaffGroups.AGENTS, StaffGroups.SUPERVISORS));
    try {
      tasks.claim(task.getId(), STAFF);
      tasks.complete(task.getId(), Map.of("facts", "内胆有裂纹", "customerRequest", "换新",
          "problemType", "PRODUCT_DEFECT", "personalInjury", false, "resolvableAtFirstContact", true,
          "suspectedMalicious", false));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<String> tickets(JsonNode page) {
    return page.path("content").findValuesAsText("ticket");
  }
}
