package io.complaintflow.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.SeededComplaints;
import io.complaintflow.process.forms.FormInputException;

/**
 * The hot-spot analysis (分析机制) over a seeded set of complaints whose figures are worked out by hand: May 2025
 * against April 2025, as JSON and CSV; the report for the joint meeting; an improvement project reminded, overdue,
 * supervised and completed.
 */
class AnalysisIntegrationTests extends ControlIntegrationTest {

  private static final String MAY = "from=2025-05-01&to=2025-06-01";
  private static boolean seeded;

  private SeededComplaints seeds;

  @BeforeEach
  void seedOnce() {
    seeds = new SeededComplaints(jdbc);
    if (seeded) {
      return;
    }
    seeded = true;
    jdbc.update("insert into product (code, version, name, product_line) values ('AN-1', 0, '分析测试净水器 AN-1', 'analysis-test')");
    jdbc.update("insert into product (code, version, name, product_line) values ('AN-2', 0, '分析测试宽带 AN-2', 'analysis-test')");

    // April 2025: two complaints, both resolved at first contact and on time
    closedOnTime("AN-P1", "2025-04-10T10:00", "AN-1", "QUALITY", "QUALITY");
    closedOnTime("AN-P2", "2025-04-20T10:00", "AN-1", "DELIVERY", "LOGISTICS");

    // May 2025
    long c1 = closedOnTime("AN-C1", "2025-05-02T10:00", "AN-1", "QUALITY", "QUALITY");
    long c2 = seeds.complaint("AN-C2", local("2025-05-05T10:00"), with("AN-1", "QUALITY", "QUALITY", Map.of(
        "status", "CLOSED", "closure_reason", "RESOLVED",
        "first_response_due_at", local("2025-05-05T12:00"), "first_responded_at", local("2025-05-05T11:00"),
        "resolution_due_at", local("2025-05-08T10:00"), "closed_at", local("2025-05-09T10:00"),
        "resolution_breached_at", local("2025-05-08T10:00"))));
    seeds.insert("department_inquiry", inquiry(c2, "QUALITY", "2025-05-05T12:00", "2025-05-06T12:00",
        "2025-05-05T16:00", 4));
    long c3 = seeds.complaint("AN-C3", local("2025-05-10T10:00"), with("AN-1", "DELIVERY", "LOGISTICS", Map.of(
        "status", "CLOSED", "closure_reason", "RESOLVED",
        "first_response_due_at", local("2025-05-10T12:00"), "first_responded_at", local("2025-05-10T14:00"),
        "first_response_breached_at", local("2025-05-10T12:00"),
        "resolution_due_at", local("2025-05-15T10:00"), "closed_at", local("2025-05-14T10:00"),
        "escalation_level", "SUPERVISOR", "reopen_count", 1)));
    seeds.event(c3, local("2025-05-12T10:00"), "REOPENED");
    long c4 = seeds.complaint("AN-C4", local("2025-05-20T10:00"), with("AN-2", "QUALITY", "QUALITY", Map.of(
        "status", "IN_PROGRESS",
        "first_response_due_at", local("2025-05-20T12:00"), "first_responded_at", local("2025-05-20T10:30"),
        "resolution_due_at", local("2025-05-25T10:00"))));
    seeds.event(c4, local("2025-05-21T10:00"), "ESCALATION_DEMANDED");
    seeds.insert("department_inquiry", inquiry(c4, "LOGISTICS", "2025-05-20T12:00", "2025-05-21T12:00", null, null));
    seeds.complaint("AN-C5", local("2025-05-25T10:00"), with("AN-2", "BILLING", "BILLING", Map.of(
        "status", "CLOSED", "closure_reason", "MALICIOUS",
        "first_response_due_at", local("2025-05-25T12:00"), "first_responded_at", local("2025-05-25T11:00"),
        "resolution_due_at", local("2025-05-28T10:00"), "closed_at", local("2025-05-26T10:00"))));
    seeds.complaint("AN-C6", local("2025-05-31T23:00"), with("AN-2", null, null, Map.of(
        "first_response_due_at", local("2025-06-03T12:00"), "resolution_due_at", local("2025-06-10T12:00"))));

    // revisit surveys answered in May
    survey(c1, "2025-05-06T10:00", 5, 4, 5, 5, true);
    survey(c2, "2025-05-12T10:00", 3, 4, 2, 3, false);
  }

  @Test
  void computesTheFiguresOfAPeriodAgainstThePreviousOne() {
    at("2025-06-02T10:00");
    userBase();

    Answer a = api.get("/api/staff/analysis?" + MAY).as("yangmin", "demo").send();

    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    assertThat(a.json().path("from").asText()).isEqualTo("2025-04-30T16:00:00Z");
    assertThat(a.json().path("previousFrom").asText()).isEqualTo("2025-03-31T16:00:00Z");
    assertFigure(a, "OVERALL", "complaints", 6.0, 2.0, 4.0);
    assertFigure(a, "OVERALL", "closed", 4.0, 2.0, 2.0);
    assertFigure(a, "OVERALL", "firstContactResolutionRate", 0.3333, 1.0, -0.6667);
    assertFigure(a, "OVERALL", "firstResponseOnTimeRate", 0.8, 1.0, -0.2);
    assertFigure(a, "OVERALL", "resolutionOnTimeRate", 0.6, 1.0, -0.4);
    assertFigure(a, "OVERALL", "slaBreachRate", 0.3333, 0.0, 0.3333);
    assertFigure(a, "OVERALL", "escalationRate", 0.3333, 0.0, 0.3333);
    assertFigure(a, "OVERALL", "reopenRate", 0.1667, 0.0, 0.1667);
    assertFigure(a, "OVERALL", "departmentReplyOnTimeRate", 0.5, null, null);
    assertFigure(a, "OVERALL", "departmentReplySatisfaction", 4.0, null, null);
    assertThat(keys(a, "CATEGORY")).containsExactly("QUALITY", "BILLING", "DELIVERY", "UNCLASSIFIED");
    assertFigure(a, "CATEGORY", "QUALITY", 3.0, 1.0, 2.0);
    assertFigure(a, "CATEGORY", "BILLING", 1.0, 0.0, 1.0);
    assertThat(keys(a, "PRODUCT")).containsExactly("AN-1", "AN-2");
    assertFigure(a, "PRODUCT", "AN-2", 3.0, 0.0, 3.0);
    assertThat(keys(a, "DEPARTMENT")).containsExactly("QUALITY", "BILLING", "LOGISTICS", "UNCLASSIFIED");
    assertThat(keys(a, "PER_10K_USERS")).containsExactly("AN-1", "AN-2");
    assertFigure(a, "PER_10K_USERS", "AN-1", 1.5, 2.0, -0.5);
    assertFigure(a, "PER_10K_USERS", "AN-2", 1.0, null, null);
    assertThat(keys(a, "PPM")).containsExactly("AN-1");
    assertFigure(a, "PPM", "AN-1", 600.0, 500.0, 100.0);
    assertFigure(a, "SATISFACTION", "surveys", 2.0, 0.0, 2.0);
    assertFigure(a, "SATISFACTION", "channelEase", 4.0, null, null);
    assertFigure(a, "SATISFACTION", "handlingTime", 3.5, null, null);
    assertFigure(a, "SATISFACTION", "satisfiedRate", 0.5, null, null);
    assertFigure(a, "DEPARTMENT_REPLY_ON_TIME", "QUALITY", 1.0, null, null);
    assertFigure(a, "DEPARTMENT_REPLY_ON_TIME", "LOGISTICS", 0.0, null, null);
    assertThat(figure(a, "OVERALL", "firstContactResolutionRate").path("name").asText()).isEqualTo("一次解决率");
    assertThat(figure(a, "PER_10K_USERS", "AN-1").path("name").asText()).isEqualTo("分析测试净水器 AN-1 (AN-1)");
  }

  @Test
  void exportsTheFiguresAsCsvForExcel() {
    at("2025-06-02T10:00");
    userBase();

    Answer csv = api.get("/api/staff/analysis?" + MAY + "&format=csv").as("zhaolei", "demo").send();
    Answer accepted = api.get("/api/staff/analysis?" + MAY).header("Accept", "text/csv").as("sunli", "demo").send();
    Answer english = api.get("/api/staff/analysis?" + MAY + "&format=csv").english().as("sunli", "demo").send();

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("hot-spot-analysis-2025-05-01.csv");
    List<String> lines = List.of(csv.raw().split("\r\n"));
    assertThat(lines.get(0)).isEqualTo("\uFEFF分类,项目,本期 2025-05-01~2025-05-31,上期 2025-04-01~2025-04-30,变化");
    assertThat(lines).contains("总体,投诉总数,6,2,4", "总体,一次解决率,0.3333,1,-0.6667",
        "总体,部门回复及时率,0.5,,", "投诉类别(前 5),质量问题,3,1,2", "万用户投诉比,分析测试净水器 AN-1 (AN-1),1.5,2,-0.5",
        "PPM(每百万发货量投诉数),分析测试净水器 AN-1 (AN-1),600,500,100", "回访满意度,处理时间(1–5),3.5,,");
    assertThat(accepted.raw()).isEqualTo(csv.raw());
    assertThat(english.raw()).startsWith("\uFEFFSection,Subject,This period 2025-05-01~2025-05-31")
        .contains("Overall,Complaints,6,2,4");
  }

  @Test
  void onlyManagementAndQualityStaffSeeTheAnalysisAndBadPeriodsAreRefused() {
    at("2025-06-02T10:00");
    assertThat(api.get("/api/staff/analysis?" + MAY).as("zhangwei", "demo").send().status()).isEqualTo(403);
    assertThat(api.get("/api/staff/analysis?" + MAY).as("huangqiang", "demo").send().status()).isEqualTo(403);
    assertThat(api.get("/api/staff/analysis?" + MAY).as("liuyang", "demo").send().status()).isEqualTo(200);
    if (identity.createUserQuery().userId("qualitymanager").count() == 0) {
      var user = identity.newUser("qualitymanager");
      user.setPassword("quality-secret");
      identity.saveUser(user);
      identity.createMembership("qualitymanager", "qualityManagers");
    }
    assertThat(api.get("/api/staff/analysis?" + MAY).as("qualitymanager", "quality-secret").send().status())
        .isEqualTo(200);

    Answer onlyFrom = api.get("/api/staff/analysis?from=2025-05-01").as("yangmin", "demo").send();
    Answer backwards = api.get("/api/staff/analysis?from=2025-06-01&to=2025-05-01").as("yangmin", "demo").send();
    Answer notADate = api.get("/api/staff/analysis?from=May&to=2025-06-01").as("yangmin", "demo").send();
    Answer csvOnlyFrom = api.get("/api/staff/analysis?from=2025-05-01").header("Accept", "text/csv")
        .as("yangmin", "demo").send();
    Answer badFormat = api.get("/api/staff/analysis?" + MAY + "&format=xls").as("yangmin", "demo").send();
    Answer noReport = api.get("/api/staff/analysis/reports/999999").as("yangmin", "demo").send();

    assertThat(onlyFrom.status()).isEqualTo(400);
    assertThat(onlyFrom.errorFields()).containsExactly("to");
    assertThat(backwards.errorFields()).containsExactly("to");
    assertThat(csvOnlyFrom.status()).isEqualTo(400);
    assertThat(csvOnlyFrom.errorFields()).as("a problem even to a CSV client").containsExactly("to");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.errorFields()).containsExactly("from");
    assertThat(badFormat.errorFields()).containsExactly("format");
    assertThat(noReport.status()).isEqualTo(404);
    assertThat(noReport.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void theDefaultPeriodIsTheLastCalendarMonth() {
    at("2025-06-15T10:00");
    Answer a = api.get("/api/staff/analysis").as("yangmin", "demo").send();
    assertThat(a.json().path("from").asText()).isEqualTo("2025-04-30T16:00:00Z");
    assertThat(a.json().path("to").asText()).isEqualTo("2025-05-31T16:00:00Z");
    assertFigure(a, "OVERALL", "complaints", 6.0, 2.0, 4.0);
  }

  @Test
  void userBasesAndUnitsShippedAreCheckedBeforeTheyAreStored() {
    Answer badMonth = api.put("/api/staff/products/AN-1/months/2025-13", "{\"users\": 10}").as("sunli", "demo").send();
    Answer unknown = api.put("/api/staff/products/NOPE/months/2025-05", "{\"users\": 10}").as("sunli", "demo").send();
    Answer negative = api.put("/api/staff/products/AN-1/months/2025-07", "{\"users\": -1}").as("sunli", "demo").send();
    Answer empty = api.put("/api/staff/products/AN-1/months/2025-07", "{}").as("sunli", "demo").send();
    Answer agent = api.put("/api/staff/products/AN-1/months/2025-07", "{\"users\": 10}").as("zhangwei", "demo").send();

    assertThat(badMonth.status()).isEqualTo(400);
    assertThat(badMonth.errorFields()).containsExactly("month");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(negative.errorFields()).containsExactly("users");
    assertThat(empty.errorFields()).containsExactly("users");
    assertThat(agent.status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from product_month where sales_month = '2025-07'", Long.class)).isZero();
  }

  @Test
  void theJointMeetingDecidesAProjectThatIsFollowedToItsResult() {
    at("2025-06-02T10:00");
    userBase();

    Answer created = api.post("/api/staff/analysis/reports", "{\"from\": \"2025-05-01\", \"to\": \"2025-06-01\"}")
        .as("yangmin", "demo").send();
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long reportId = created.json().path("report").path("id").asLong();
    String instance = created.json().path("report").path("processInstanceId").asText();
    assertThat(created.json().path("report").path("generatedBy").asText()).isEqualTo("yangmin");
    assertFigure(created.json().path("analysis"), "OVERALL", "complaints", 6.0, 2.0, 4.0);

    Task meeting = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_HoldJointMeeting")
        .singleResult();
    assertThat((String) runtime.getVariable(instance, "reportSummary")).contains("投诉总数:6(上期 2)")
        .contains("一次解决率:33.3%(上期 100.0%)");
    signIn("zhangwei");
    assertThat(tasks.createTaskQuery().taskId(meeting.getId()).count()).as("agents do not see it").isZero();
    identity.clearAuthentication();

    Map<String, Object> minutes = new HashMap<>(Map.of("meetingMinutes", "质量类投诉翻倍,AN-1 滤芯批次问题",
        "project1Title", "AN-1 滤芯攻关", "project1Goal", "质量类投诉降到每月 1 件以下",
        "project1Department", "QUALITY", "project1DueDate", "2025-06-30", "project2Title", "只填了名称"));
    assertThatThrownBy(() -> complete("yangmin", meeting, minutes)).hasRootCauseInstanceOf(FormInputException.class)
        .hasMessageContaining("project2Goal");
    assertThat(jdbc.queryForObject("select count(*) from improvement_project where report_id = ?", Long.class,
        reportId)).isZero();
    minutes.remove("project2Title");
    complete("yangmin", meeting, minutes);

    JsonNode projects = api.get("/api/staff/analysis/projects?reportId=" + reportId).as("zhaolei", "demo").send().json();
    assertThat(projects).hasSize(1);
    assertThat(projects.get(0).path("state").asText()).isEqualTo("OPEN");
    assertThat(projects.get(0).path("dueAt").asText()).isEqualTo("2025-06-30T16:00:00Z");
    Task work = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReportProjectResult")
        .taskCandidateGroup("deptQuality").singleResult();
    assertThat(work.getDueDate().toInstant()).isEqualTo(local("2025-07-01T00:00"));

    at("2025-06-28T00:00");   // three days before it is due
    runDueJobs();
    assertThat(jdbc.queryForObject("select reminded_at from improvement_project where report_id = ?", Instant.class,
        reportId)).isEqualTo(local("2025-06-28T00:00"));
    at("2025-07-01T00:00");
    runDueJobs();
    Task supervise = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_SuperviseOverdueProject")
        .singleResult();
    assertThat(api.get("/api/staff/analysis/projects").as("yangmin", "demo").send().json().findValuesAsText("state"))
        .contains("OVERDUE");
    complete("yangmin", supervise, Map.of("supervisionNote", "延期到 7 月 15 日"));
    complete("huangqiang", work, Map.of("projectResult", "更换滤芯供应商,6 月质量投诉 0 件"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    JsonNode done = api.get("/api/staff/analysis/projects?reportId=" + reportId).as("yangmin", "demo").send().json();
    assertThat(done.get(0).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get(0).path("completedBy").asText()).isEqualTo("huangqiang");
    assertThat(done.get(0).path("supervisionNote").asText()).isEqualTo("延期到 7 月 15 日");
    JsonNode list = api.get("/api/staff/analysis/reports").as("yangmin", "demo").send().json();
    assertThat(list.findValuesAsText("meetingMinutes")).contains("质量类投诉翻倍,AN-1 滤芯批次问题");
    Answer storedCsv = api.get("/api/staff/analysis/reports/" + reportId + "?format=csv").as("yangmin", "demo").send();
    assertThat(storedCsv.raw()).contains("总体,投诉总数,6,2,4");
  }

  /** User bases and units shipped, through the API: AN-1 in April and May, AN-2's users in May only. */
  private void userBase() {
    put("AN-1", "2025-04", "{\"users\": 10000, \"unitsShipped\": 4000}");
    put("AN-1", "2025-05", "{\"users\": 20000, \"unitsShipped\": 5000}");
    put("AN-2", "2025-05", "{\"users\": 30000}");
  }

  private void put(String product, String month, String body) {
    Answer a = api.put("/api/staff/products/" + product + "/months/" + month, body).as("sunli", "demo").send();
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
  }

  private long closedOnTime(String ticket, String received, String product, String category, String department) {
    Instant at = local(received);
    return seeds.complaint(ticket, at, with(product, category, department, Map.of("status", "CLOSED",
        "closure_reason", "RESOLVED", "first_response_due_at", at.plusSeconds(7200),
        "first_responded_at", at.plusSeconds(1800), "resolution_due_at", at.plusSeconds(3 * 86_400),
        "closed_at", at.plusSeconds(86_400))));
  }

  private static Map<String, Object> with(String product, String category, String department, Map<String, Object> more) {
    Map<String, Object> m = new HashMap<>(more);
    m.put("product_code", product);
    m.put("product_name", "AN-1".equals(product) ? "分析测试净水器 AN-1" : "分析测试宽带 AN-2");
    m.put("category", category);
    m.put("department", department);
    return m;
  }

  private static Map<String, Object> inquiry(long complaint, String department, String requested, String due,
      String replied, Integer satisfaction) {
    Map<String, Object> m = new HashMap<>(Map.of("complaint_id", complaint, "department", department,
        "department_group", "dept", "question", "请核实", "requested_by", "zhangwei", "requested_at", local(requested),
        "due_at", local(due)));
    if (replied != null) {
      m.put("replied_at", local(replied));
      m.put("reply", "已核实");
      m.put("satisfaction", satisfaction);
    }
    return m;
  }

  private void survey(long complaint, String answered, int ease, int attitude, int time, int result, boolean satisfied) {
    Map<String, Object> m = new HashMap<>(Map.of("complaint_id", complaint, "method", "SMS", "opened_at",
        local(answered).minusSeconds(86_400), "answered_at", local(answered), "channel_ease", ease,
        "staff_attitude", attitude, "handling_time", time, "handling_result", result, "satisfied", satisfied));
    seeds.insert("revisit_survey", m);
  }

  private static List<String> keys(Answer a, String section) {
    return a.json().path("figures").findParents("section").stream()
        .filter(f -> section.equals(f.path("section").asText())).map(f -> f.path("key").asText()).toList();
  }

  private static JsonNode figure(Answer a, String section, String key) {
    return figure(a.json(), section, key);
  }

  private static JsonNode figure(JsonNode analysis, String section, String key) {
    for (JsonNode f : analysis.path("figures")) {
      if (section.equals(f.path("section").asText()) && key.equals(f.path("key").asText())) {
        return f;
      }
    }
    throw new AssertionError("no figure " + section + "/" + key + " in " + analysis);
  }

  private static void assertFigure(Answer a, String section, String key, Double current, Double previous, Double delta) {
    assertFigure(a.json(), section, key, current, previous, delta);
  }

  private static void assertFigure(JsonNode analysis, String section, String key, Double current, Double previous,
      Double delta) {
    JsonNode f = figure(analysis, section, key);
    assertThat(f.hasNonNull("current") ? f.path("current").asDouble() : null).as(section + "/" + key + " current")
        .isEqualTo(current);
    assertThat(f.hasNonNull("previous") ? f.path("previous").asDouble() : null).as(section + "/" + key + " previous")
        .isEqualTo(previous);
    assertThat(f.hasNonNull("delta") ? f.path("delta").asDouble() : null).as(section + "/" + key + " delta")
        .isEqualTo(delta);
  }
}
