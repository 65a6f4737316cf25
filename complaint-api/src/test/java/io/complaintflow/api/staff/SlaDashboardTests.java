package io.complaintflow.api.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.api.Api;
import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.Browser;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.handling.HandlingProcess;

/**
 * The SLA dashboard's figures ({@code GET /api/staff/sla/overview}, shown by the Cockpit plugin) against a set of
 * complaints whose SLA states are known: they are filed at chosen moments of the real 2026 calendar, worked, and their
 * timers fire as the clock moves, up to Wednesday 25 November 2026 15:10, when the figures are taken.
 *
 * <p>Its own application context (own database, engine "sla", job executor off), so that nothing else is
 * counted. The browser tests at the end check that Cockpit's SLA dashboard shows the same figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=" + SlaDashboardTests.ENGINE})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaDashboardTests extends ControlIntegrationTest {

  /** When the figures are taken: Wednesday 25 November 2026, 15:10 in Shanghai. */
  static final String NOW = "2026-11-25T15:10";
  static final String ENGINE = "sla";

  /** Seeded complaints by name, see {@link #seed()}. */
  private final Map<String, String> tickets = new LinkedHashMap<>();

  @Autowired
  RepositoryService repository;

  /**
   * Files and works the complaints, oldest first, letting every timer fire on time:
   * <ul>
   * <li>E3 (Mon 16 Nov 10:00, registered): resolution due Mon 23 Nov 10:00, breached, manager 15:00, director Tue
   * 10:00: BREACHED at DIRECTOR;</li>
   * <li>E1 (Wed 18 Nov 09:00, registered): due Tue 24 Nov 18:00, manager Wed 14:00, director not before Wed 18:00:
   * BREACHED at MANAGER;</li>
   * <li>E2 (Wed 18 Nov 11:00, registered): due Wed 25 Nov 11:00, manager not before 16:00: BREACHED at SUPERVISOR;</li>
   * <li>H (Thu 19 Nov 10:00, registered): due Thu 26 Nov 10:00, warned Tue 24 Nov 17:00: WARNED;</li>
   * <li>A (Mon 23 Nov 09:00, never registered): first response due Mon 18:00: BREACHED (first response), no
   * escalation;</li>
   * <li>G (Mon 23 Nov 10:00): resolved on the spot and confirmed by the customer: CLOSED, not counted;</li>
   * <li>B (Wed 25 Nov 09:00, not registered): first response due 18:00, warning 16:00: ON_TRACK, due soon;</li>
   * <li>F (Wed 25 Nov 10:00, registered): the customer is asked for information at 11:00: PAUSED;</li>
   * <li>D (VIP, Wed 25 Nov 13:30, not registered): first response due 15:30, warned 15:00: WARNED, due soon;</li>
   * <li>C (Wed 25 Nov 14:00, not registered): first response due Thu 14:00: ON_TRACK, not due soon.</li>
   * </ul>
   * And department inquiries of the last 30 days (straight into the table): quality 2 of 3 replied on time (and one
   * late reply 40 days ago, outside the period), logistics 1 on time and 1 overdue, billing 1 not yet due.
   */
  @BeforeAll
  void seed() {
    api = new Api(port);
    try {
      step("2026-11-16T10:00", "E3", true);
      step("2026-11-18T09:00", "E1", true);
      step("2026-11-18T11:00", "E2", true);
      step("2026-11-19T10:00", "H", true);
      step("2026-11-23T09:00", "A", false);
      advanceTo("2026-11-23T10:00");
      Filed closedOne = file(Submissions.valid().with("customer/name", "顾客G"));
      String g = closedOne.ticket();
      tickets.put("G", g);
      register("zhangwei", g, true, Map.of());
      work("zhangwei", g, "Task_ProposeRemedy", Map.of("remedyType", "REFUND", "remedyAmount", 100,
          "remedyDescription", "为您退款 100 元。"));
      work("zhangwei", g, "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
      work("zhangwei", g, "Task_CarryOutRemedy", Map.of("actionsTaken", "退款 100 元已原路退回。"));
      advanceTo("2026-11-23T11:00");
      Answer closed = api.post("/api/complaints/" + g + "/resolution-confirmation", "{\"resolved\": true}")
          .header("X-Tracking-Token", closedOne.token()).send();
      assertThat(closed.json().path("status").asText()).as(closed.raw()).isEqualTo("CLOSED");
      step("2026-11-25T09:00", "B", false);
      step("2026-11-25T10:00", "F", true);
      advanceTo("2026-11-25T11:00");
      work("zhangwei", tickets.get("F"), "Task_InvestigateComplaint", Map.of("findings", "需要购买凭证",
          "investigationNextStep", "ASK_CUSTOMER", "informationRequest", "请上传购买凭证的照片"));
      runDueJobs();
      advanceTo("2026-11-25T13:30");
      tickets.put("D", file(Submissions.valid().with("customer/tier", "VIP").with("customer/name", "顾客D")).ticket());
      runDueJobs();
      step("2026-11-25T14:00", "C", false);
      advanceTo(NOW);

      long e3 = complaint(tickets.get("E3")).getId();
      Instant now = local(NOW);
      inquiry(e3, "QUALITY", now.minus(Duration.ofDays(3)), Duration.ofHours(8), Duration.ofHours(2));
      inquiry(e3, "QUALITY", now.minus(Duration.ofDays(10)), Duration.ofHours(8), Duration.ofHours(8));
      inquiry(e3, "QUALITY", now.minus(Duration.ofDays(20)), Duration.ofHours(8), Duration.ofHours(30));
      inquiry(e3, "QUALITY", now.minus(Duration.ofDays(40)), Duration.ofHours(8), Duration.ofHours(30));
      inquiry(e3, "LOGISTICS", now.minus(Duration.ofDays(2)), Duration.ofHours(8), Duration.ofHours(1));
      inquiry(e3, "LOGISTICS", now.minus(Duration.ofDays(1)), Duration.ofHours(8), null);
      inquiry(e3, "BILLING", now.minus(Duration.ofHours(1)), Duration.ofHours(8), null);
    } finally {
      identity.clearAuthentication();
      ClockUtil.reset();
    }
  }

  /** Files complaint {@code name} at a moment (registering it at once if asked). */
  private void step(String moment, String name, boolean registered) {
    advanceTo(moment);
    Filed f = file(Submissions.valid().with("customer/name", "顾客" + name));
    tickets.put(name, f.ticket());
    if (registered) {
      register("zhangwei", f.ticket(), false, Map.of());
    }
    runDueJobs();
  }

  /** Moves the clock to a moment, stopping at each timer on the way so that it fires at its due time. */
  private void advanceTo(String moment) {
    Date target = Date.from(local(moment).plusMillis(1));
    for (int i = 0; i < 500; i++) {
      List<Job> next = management.createJobQuery().timers().withRetriesLeft().duedateLowerThan(target)
          .orderByJobDuedate().asc().listPage(0, 1);
      if (next.isEmpty()) {
        break;
      }
      if (next.get(0).getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.get(0).getDuedate());
      }
      if (runDueJobs() == 0) {
        break;
      }
    }
    at(moment);
    runDueJobs();
  }

  private void inquiry(long complaintId, String department, Instant requested, Duration within, Duration repliedAfter) {
    jdbc.update("insert into department_inquiry (complaint_id, department, department_group, question, requested_by,"
        + " requested_at, due_at, replied_at, replied_by, reply) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        complaintId, department, "dept", "请核实", "zhangwei", Timestamp.from(requested),
        Timestamp.from(requested.plus(within)),
        repliedAfter == null ? null : Timestamp.from(requested.plus(repliedAfter)),
        repliedAfter == null ? null : "huangqiang", repliedAfter == null ? null : "已核实");
  }

  protected Answer overview(String query) {
    return api.get("/api/staff/sla/overview" + query).as("yangmin", "demo").send();
  }

  @Test
  @Order(1)
  void countsOpenComplaintsBySlaStateDueSoonAndEscalationLevel() {
    at(NOW);

    Answer a = overview("");

    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    JsonNode o = a.json();
    assertThat(o.path("open").asLong()).isEqualTo(9);
    assertThat(o.path("byState").path("ON_TRACK").asLong()).isEqualTo(2);
    assertThat(o.path("byState").path("WARNED").asLong()).isEqualTo(2);
    assertThat(o.path("byState").path("BREACHED").asLong()).isEqualTo(4);
    assertThat(o.path("byState").path("PAUSED").asLong()).isEqualTo(1);
    assertThat(o.path("dueSoon").path("withinHours").asLong()).isEqualTo(4);
    assertThat(o.path("dueSoon").path("count").asLong()).isEqualTo(2);
    assertThat(o.path("escalations").path("SUPERVISOR").asLong()).isEqualTo(1);
    assertThat(o.path("escalations").path("MANAGER").asLong()).isEqualTo(1);
    assertThat(o.path("escalations").path("DIRECTOR").asLong()).isEqualTo(1);
    // within 1 hour only D (15:30) falls due; within 24 hours H (resolution, Thursday 10:00) and C (first response,
    // Thursday 14:00) too
    assertThat(overview("?dueWithinHours=1").json().path("dueSoon").path("count").asLong()).isEqualTo(1);
    assertThat(overview("?dueWithinHours=24").json().path("dueSoon").path("count").asLong()).isEqualTo(4);
  }

  @Test
  @Order(2)
  void listsTheBreachedComplaintsMostOverdueFirstWithTheirProcessInstances() {
    at(NOW);

    JsonNode breached = overview("").json().path("breached");

    assertThat(breached.path("total").asLong()).isEqualTo(4);
    List<String> order = new ArrayList<>();
    breached.path("complaints").forEach(c -> order.add(c.path("ticket").asText()));
    assertThat(order).containsExactly(tickets.get("E3"), tickets.get("A"), tickets.get("E1"), tickets.get("E2"));
    JsonNode e3 = breached.path("complaints").get(0);
    assertThat(e3.path("customerName").asText()).isEqualTo("顾客E3");
    assertThat(e3.path("clock").asText()).isEqualTo("RESOLUTION");
    assertThat(Instant.parse(e3.path("dueAt").asText())).isEqualTo(local("2026-11-23T10:00"));
    assertThat(e3.path("escalationLevel").asText()).isEqualTo("DIRECTOR");
    assertThat(e3.path("processInstanceId").asText()).isEqualTo(runtime.createProcessInstanceQuery()
        .processDefinitionKey(HandlingProcess.KEY).processInstanceBusinessKey(tickets.get("E3")).singleResult().getId());
    JsonNode a = breached.path("complaints").get(1);
    assertThat(a.path("clock").asText()).isEqualTo("FIRST_RESPONSE");
    assertThat(Instant.parse(a.path("dueAt").asText())).isEqualTo(local("2026-11-23T18:00"));
    assertThat(a.path("escalationLevel").isMissingNode() || a.path("escalationLevel").isNull()).isTrue();
    assertThat(a.path("statusText").asText()).isNotBlank();
    // a shorter list, same total
    JsonNode two = overview("?limit=2").json().path("breached");
    assertThat(two.path("total").asLong()).isEqualTo(4);
    assertThat(two.path("complaints")).hasSize(2);
  }

  @Test
  @Order(3)
  void agreesWithEachComplaintsOwnSlaState() {
    at(NOW);
    Map<String, String> expected = Map.of("E3", "BREACHED", "E1", "BREACHED", "E2", "BREACHED", "A", "BREACHED",
        "H", "WARNED", "D", "WARNED", "F", "PAUSED", "B", "ON_TRACK", "C", "ON_TRACK");

    Map<String, String> actual = new LinkedHashMap<>();
    expected.keySet().forEach(name -> actual.put(name, stateOf(tickets.get(name))));

    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(api.get("/api/staff/complaints/" + tickets.get("G")).as("yangmin", "demo").send().json()
        .path("summary").path("status").asText()).isEqualTo("CLOSED");
    assertThat(api.get("/api/staff/complaints/" + tickets.get("E2")).as("yangmin", "demo").send().json()
        .path("sla").path("escalationLevel").asText()).isEqualTo("SUPERVISOR");
  }

  /** The worst running clock of a complaint, as the staff API's complaint record shows its clocks. */
  private String stateOf(String ticket) {
    JsonNode sla = api.get("/api/staff/complaints/" + ticket).as("yangmin", "demo").send().json().path("sla");
    List<String> running = new ArrayList<>();
    for (String clock : List.of("firstResponse", "resolution")) {
      String status = sla.path(clock).path("status").asText();
      if (!status.equals("MET") && !status.equals("MISSED")) {
        running.add(status);
      }
    }
    if (running.contains("PAUSED")) {
      return "PAUSED";
    }
    if (running.contains("BREACHED")) {
      return "BREACHED";
    }
    return running.contains("WARNED") ? "WARNED" : "ON_TRACK";
  }

  @Test
  @Order(4)
  void ratesEachDepartmentsRepliesOverTheLastThirtyDays() {
    at(NOW);

    JsonNode replies = overview("").json().path("departmentReplies");

    Map<String, JsonNode> byDepartment = new LinkedHashMap<>();
    replies.path("departments").forEach(d -> byDepartment.put(d.path("department").asText(), d));
    assertThat(byDepartment.get("QUALITY").path("inquiries").asLong()).isEqualTo(3);
    assertThat(byDepartment.get("QUALITY").path("onTimeRate").asDouble()).isCloseTo(2.0 / 3, within());
    assertThat(byDepartment.get("LOGISTICS").path("overdueOpen").asLong()).isEqualTo(1);
    assertThat(byDepartment.get("LOGISTICS").path("onTimeRate").asDouble()).isCloseTo(0.5, within());
    assertThat(byDepartment.get("BILLING").path("onTimeRate").isMissingNode()
        || byDepartment.get("BILLING").path("onTimeRate").isNull()).isTrue();
    assertThat(Instant.parse(replies.path("to").asText())).isEqualTo(local(NOW));
    assertThat(Instant.parse(replies.path("from").asText())).isEqualTo(local(NOW).minus(Duration.ofDays(30)));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  @Order(5)
  void restrictsTheFiguresToOneVersionOfTheHandlingProcess() {
    at(NOW);
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(HandlingProcess.KEY)
        .latestVersion().singleResult().getId();
    // a complaint whose handling process is unknown to this engine (e.g. of a version since deleted) is counted in
    // the overall figures only
    jdbc.update("update complaint set process_instance_id = 'elsewhere' where ticket = ?", tickets.get("C"));
    try {
      JsonNode all = overview("").json();
      JsonNode version = overview("?processDefinitionId=" + definition).json();

      assertThat(all.path("open").asLong()).isEqualTo(9);
      assertThat(version.path("open").asLong()).isEqualTo(8);
      assertThat(version.path("byState").path("ON_TRACK").asLong()).isEqualTo(1);
      assertThat(version.path("byState").path("BREACHED").asLong()).isEqualTo(4);
      assertThat(version.path("processDefinitionVersion").asInt()).isEqualTo(1);
      assertThat(version.path("departmentReplies").path("departments").get(0).path("inquiries").asLong())
          .isEqualTo(3);
    } finally {
      jdbc.update("update complaint set process_instance_id = ? where ticket = ?", runtime
          .createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY)
          .processInstanceBusinessKey(tickets.get("C")).singleResult().getId(), tickets.get("C"));
    }
  }

  @Test
  @Order(6)
  void refusesWhatIsNotAHandlingProcessVersionOrAnOddWindow() {
    String escalation = repository.createProcessDefinitionQuery().processDefinitionKey("ComplaintEscalationProcess")
        .latestVersion().singleResult().getId();

    Answer other = overview("?processDefinitionId=" + escalation);
    Answer unknown = overview("?processDefinitionId=ComplaintHandlingProcess:99:nope");
    Answer hours = overview("?dueWithinHours=0");

    assertThat(other.status()).isEqualTo(400);
    assertThat(other.errorFields()).containsExactly("processDefinitionId");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(hours.status()).isEqualTo(400);
    assertThat(hours.errorFields()).containsExactly("dueWithinHours");
  }

  @Test
  @Order(7)
  void staffSignInWithBasicAndCustomersAreKeptOut() {
    assertThat(api.get("/api/staff/sla/overview").send().status()).isEqualTo(401);
    assertThat(api.get("/api/staff/sla/overview").as("yangmin", "wrong").send().status()).isEqualTo(401);
    assertThat(api.get("/api/staff/sla/overview").as("admin", "demo").send().status()).isEqualTo(403);
    assertThat(api.get("/api/staff/sla/overview").as("zhangwei", "demo").send().status()).isEqualTo(200);
  }

  @Test
  @Order(20)
  void aManagerSeesTheSameFiguresOnCockpitsStartPage() {
    WebDriver browser = Browser.open();
    at(NOW);

    Browser.signIn(browser, port, ENGINE, "cockpit", "yangmin");
    browser.get(cockpit() + "#/dashboard");
    WebElement dashboard = Browser.visible(browser, By.cssSelector("[data-sla-dashboard='all'] [data-sla='open']"));
    Browser.visible(browser, By.cssSelector("[data-sla-section='breached'] tr[data-ticket]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
        browser.findElement(By.cssSelector("[data-sla-dashboard='all']")));
    Browser.screenshot(browser, "cockpit-sla-dashboard");

    assertThat(dashboard.getText()).contains("9").contains("未结投诉");
    assertThat(card(browser, "all", "open")).isEqualTo("9");
    assertThat(card(browser, "all", "ON_TRACK")).isEqualTo("2");
    assertThat(card(browser, "all", "WARNED")).isEqualTo("2");
    assertThat(card(browser, "all", "BREACHED")).isEqualTo("4");
    assertThat(card(browser, "all", "PAUSED")).isEqualTo("1");
    assertThat(card(browser, "all", "dueSoon")).isEqualTo("2");
    assertThat(card(browser, "all", "SUPERVISOR")).isEqualTo("1");
    assertThat(card(browser, "all", "MANAGER")).isEqualTo("1");
    assertThat(card(browser, "all", "DIRECTOR")).isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector("[data-sla-dashboard='all'] [data-sla='dueSoon']")).getText())
        .contains("4 小时内到期");
    assertThat(browser.findElement(By.cssSelector("[data-sla-dashboard='all'] tr[data-department='QUALITY'] "
        + "[data-sla='onTimeRate']")).getText()).isEqualTo("66.7%");
    assertThat(browser.findElement(By.cssSelector("[data-sla-dashboard='all'] tr[data-department='LOGISTICS'] "
        + "[data-sla='onTimeRate']")).getText()).isEqualTo("50.0%");
    List<WebElement> rows = browser.findElements(By.cssSelector("[data-sla-dashboard='all'] tr[data-ticket]"));
    assertThat(rows).extracting(r -> r.getAttribute("data-ticket"))
        .containsExactly(tickets.get("E3"), tickets.get("A"), tickets.get("E1"), tickets.get("E2"));
    // Shanghai time, Chinese labels
    assertThat(rows.get(0).getText()).contains("顾客E3").contains("解决").contains("2026/11/23 10:00")
        .contains("已升级至总监");
    assertThat(rows.get(1).getText()).contains("首次响应").contains("2026/11/23 18:00");

    // a breached complaint leads to its process instance
    String instance = rows.get(0).findElement(By.cssSelector("a[data-process-instance]"))
        .getAttribute("data-process-instance");
    rows.get(0).findElement(By.cssSelector("a[data-process-instance]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("#/process-instance/" + instance + "/runtime"));
    Browser.visible(browser, By.cssSelector(".ctn-header, .process-instance, [cam-widget-bpmn-viewer], .djs-container"));
    Browser.screenshot(browser, "cockpit-breached-complaint-instance");
    assertThat(instance).isEqualTo(runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY)
        .processInstanceBusinessKey(tickets.get("E3")).singleResult().getId());
  }

  @Test
  @Order(21)
  void theHandlingProcessDefinitionHasTheFiguresOfItsVersionInATab() {
    WebDriver browser = Browser.open();
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(HandlingProcess.KEY)
        .latestVersion().singleResult().getId();

    at(NOW);
    Browser.signIn(browser, port, ENGINE, "cockpit", "yangmin");
    browser.get(cockpit() + "#/process-definition/" + definition
        + "/runtime?detailsTab=complaintflow.slaDashboardTab");
    Browser.visible(browser, By.cssSelector("[data-sla-dashboard='version'] [data-sla='open']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
        browser.findElement(By.cssSelector("[data-sla-dashboard='version']")));
    Browser.screenshot(browser, "cockpit-sla-tab");

    assertThat(card(browser, "version", "open")).isEqualTo("9");
    assertThat(card(browser, "version", "BREACHED")).isEqualTo("4");
    assertThat(browser.findElements(By.cssSelector("[data-sla-dashboard='version'] tr[data-ticket]"))).hasSize(4);
    assertThat(browser.findElement(By.cssSelector("[data-sla-dashboard='version'] h3")).getText())
        .isEqualTo("本版本的投诉服务水平(SLA)");
  }

  private String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/" + ENGINE + "/";
  }

  private static String card(WebDriver browser, String dashboard, String name) {
    return browser.findElement(By.cssSelector("[data-sla-dashboard='" + dashboard + "'] [data-sla='" + name
        + "'] .cf-sla-value")).getText();
  }

  @Test
  @Order(100)
  void staysFastWithOneHundredThousandOpenComplaints() {
    at(NOW);
    long before = complaintCount();
    // 100,000 open complaints in every state, straight into the table (H2's system_range)
    jdbc.update("""
        insert into complaint (version, ticket, tracking_salt, status, customer_name, customer_tier, customer_language,
            customer_contact_channel, task_priority, channel, product_name, occurred_at, description, received_at,
            first_response_due_at, first_responded_at, resolution_due_at, resolution_warned_at, escalation_level,
            sla_paused_at, sla_paused_seconds, reopen_count, process_instance_id)
        select 0, 'LOAD-' || x, 's', 'IN_PROGRESS', '客户' || x, 'STANDARD', 'zh-CN', 'SMS', 50, 'WEB', '产品',
               now, '负载', now, now, now, dateadd('HOUR', mod(x, 200) - 100, now),
               case when mod(x, 7) = 0 then now end,
               case when mod(x, 11) = 0 then 'SUPERVISOR' when mod(x, 13) = 0 then 'MANAGER' end,
               case when mod(x, 17) = 0 then now end, 0, 0, 'load-' || x
          from system_range(1, 100000), (select cast(? as timestamp with time zone) as now) t""", ts(NOW));
    try {
      assertThat(complaintCount()).isEqualTo(before + 100_000);
      overview("");   // warm-up
      long start = System.nanoTime();
      JsonNode o = overview("").json();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o.path("open").asLong()).isEqualTo(9 + 100_000);
      assertThat(o.path("breached").path("complaints")).hasSize(50);
      assertThat(took).isLessThan(Duration.ofSeconds(2));
    } finally {
      jdbc.update("delete from complaint where ticket like 'LOAD-%'");
    }
  }

  private long complaintCount() {
    return jdbc.queryForObject("select count(*) from complaint", Long.class);
  }

  private static Timestamp ts(String localDateTime) {
    return Timestamp.from(local(localDateTime));
  }
}
