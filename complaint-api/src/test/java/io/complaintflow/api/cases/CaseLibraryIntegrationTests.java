package io.complaintflow.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.SeededComplaints;
import io.complaintflow.process.cases.SimilarCases;
import io.complaintflow.process.forms.FormInputException;

/**
 * The case library: a closed complaint nominated, refused when it cannot be, reviewed (sent back, reworked, approved
 * or rejected), searched, and offered for similar complaints.
 */
class CaseLibraryIntegrationTests extends ControlIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static int seq;

  @Autowired
  SimilarCases similarCases;

  private SeededComplaints seeds;

  @BeforeEach
  void seeds() {
    seeds = new SeededComplaints(jdbc);
    at("2026-11-10T10:00");
  }

  @Test
  void aClosedComplaintIsNominatedReworkedApprovedAndFound() {
    String ticket = closed("CS-FILTER", "QUALITY");

    Answer created = nominate(ticket, "zhangwei", nomination("滤芯漏水的净水器"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(events(ticket)).contains("CASE_NOMINATED");
    assertThat(nominate(ticket, "lina", nomination("再推荐一次")).status()).isEqualTo(409);

    // only supervisors see the review in Tasklist
    var review = task(ticket, "Task_ReviewCase");
    signIn("zhangwei");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
    signIn("liuyang");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
    identity.clearAuthentication();

    assertThatThrownBy(() -> work("liuyang", ticket, "Task_ReviewCase", Map.of("caseDecision", "REWORK")))
        .hasRootCauseInstanceOf(FormInputException.class).hasMessageContaining("reviewNote");
    work("liuyang", ticket, "Task_ReviewCase", Map.of("caseDecision", "REWORK", "reviewNote", "请补充如何预防"));
    assertThat(api.get("/api/staff/cases/" + id).as("zhangwei", "demo").send().json().path("status").asText())
        .isEqualTo("REWORK");
    assertThat(task(ticket, "Task_ReworkCase").getAssignee()).isEqualTo("zhangwei");
    work("zhangwei", ticket, "Task_ReworkCase", Map.of("caseTitle", "滤芯漏水的净水器", "caseStory", "客户家中净水器滤芯接口漏水",
        "caseHandling", "上门更换滤芯并赔偿地板清洁费", "caseAnalysis", "滤芯批次密封圈偏薄;入库抽检增加密封测试"));
    work("chenjing", ticket, "Task_ReviewCase", Map.of("caseDecision", "APPROVE"));

    JsonNode c = api.get("/api/staff/cases/" + id).as("xuming", "demo").send().json();
    assertThat(c.path("status").asText()).isEqualTo("APPROVED");
    assertThat(c.path("analysis").asText()).isEqualTo("滤芯批次密封圈偏薄;入库抽检增加密封测试");
    assertThat(c.path("reviewedBy").asText()).isEqualTo("chenjing");
    assertThat(c.path("ticket").asText()).isEqualTo(ticket);

    assertThat(ids("/api/staff/cases?q=%E5%AF%86%E5%B0%81")).contains(id);          // 密封, in the analysis
    assertThat(ids("/api/staff/cases?category=QUALITY&product=CS-FILTER")).contains(id);
    assertThat(ids("/api/staff/cases?product=filter")).contains(id);   // part of its name, any case
    assertThat(ids("/api/staff/cases?category=BILLING&product=CS-FILTER")).doesNotContain(id);
    assertThat(ids("/api/staff/cases?q=%25")).as("a wildcard is plain text").doesNotContain(id);
    Answer badCategory = api.get("/api/staff/cases?category=quality").as("xuming", "demo").send();
    assertThat(badCategory.errorFields()).containsExactly("category");
  }

  @Test
  void nominationsThatCannotBeAcceptedAreRefusedAndNothingIsStored() {
    String open = seeded("CS-OPEN", "QUALITY", "IN_PROGRESS");
    String closed = closed("CS-OPEN", "QUALITY");
    long before = jdbc.queryForObject("select count(*) from exemplary_case", Long.class);

    Answer notClosed = nominate(open, "zhangwei", nomination("未结案"));
    ObjectNode empty = nomination("缺少经过");
    empty.put("story", " ");
    Answer emptyStory = nominate(closed, "zhangwei", empty);
    Answer longTitle = nominate(closed, "zhangwei", nomination("长".repeat(201)));
    Answer unknown = nominate("CF-19990101-000001", "zhangwei", nomination("不存在"));

    assertThat(notClosed.status()).isEqualTo(409);
    assertThat(notClosed.header("Content-Type")).startsWith("application/problem+json");
    assertThat(notClosed.errorFields()).containsExactly("ticket");
    assertThat(notClosed.json().path("type").asText()).endsWith("/case-not-closed");
    assertThat(emptyStory.status()).isEqualTo(400);
    assertThat(emptyStory.errorFields()).containsExactly("story");
    assertThat(longTitle.errorFields()).containsExactly("title");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from exemplary_case", Long.class)).isEqualTo(before);
    assertThat(events(closed)).doesNotContain("CASE_NOMINATED");
  }

  @Test
  void aRejectedCaseStaysOutOfTheLibraryAndTheComplaintCanBeNominatedAgain() {
    String ticket = closed("CS-REJECT", "SERVICE");
    long id = nominate(ticket, "lina", nomination("态度问题")).json().path("id").asLong();
    work("liuyang", ticket, "Task_ReviewCase", Map.of("caseDecision", "REJECT", "reviewNote", "没有借鉴意义"));

    assertThat(api.get("/api/staff/cases/" + id).as("huangqiang", "demo").send().status()).isEqualTo(404);
    assertThat(api.get("/api/staff/cases/" + id).as("lina", "demo").send().json().path("status").asText())
        .isEqualTo("REJECTED");
    assertThat(ids("/api/staff/cases?product=CS-REJECT")).isEmpty();
    assertThat(nominate(ticket, "lina", nomination("态度问题(补充后)")).status()).isEqualTo(201);
  }

  @Test
  void handlersAreOfferedTheMostSimilarApprovedCases() {
    long sameProductAndCategory = approved(closed("CS-RICE", "QUALITY"), "内胆涂层脱落");
    long sameProduct = approved(closed("CS-RICE", "DELIVERY"), "电饭煲配送延误");
    long sameCategory = approved(closed("CS-KETTLE", "QUALITY"), "水壶底座漏电");
    approved(closed("CS-KETTLE", "DELIVERY"), "水壶配送破损");   // neither product nor category
    String fresh = seeded("CS-RICE", "QUALITY", "IN_PROGRESS");
    long freshId = complaint(fresh).getId();

    Answer similar = api.get("/api/staff/complaints/" + fresh + "/similar-cases").as("zhangwei", "demo").send();

    assertThat(similar.json().findValuesAsText("id").stream().map(Long::valueOf).toList())
        .containsExactly(sameProductAndCategory, sameProduct, sameCategory);
    assertThat(similarCases.forComplaint(freshId)).isEqualTo("内胆涂层脱落(案例 " + sameProductAndCategory + ")\n"
        + "电饭煲配送延误(案例 " + sameProduct + ")\n水壶底座漏电(案例 " + sameCategory + ")");
    assertThat(similarCases.forComplaint((int) complaint(seeded("CS-NONE", "PRICE", "IN_PROGRESS")).getId().longValue()))
        .isNull();
  }

  @Test
  void theHandlerOfANewComplaintSeesTheSimilarCasesInItsTask() {
    // Given an approved case about a rice-cooker quality complaint
    long id = approved(closed("RC-2026", "QUALITY"), "内胆裂纹批次问题");

    // When a new complaint about it is filed and registered (classified as QUALITY)
    at("2026-11-24T10:00");
    Filed f = file(io.complaintflow.api.Submissions.valid());
    register("zhangwei", f.ticket(), false, Map.of("problemType", "PRODUCT_DEFECT"));

    // Then the investigation task offers it
    var investigate = task(f.ticket(), "Task_InvestigateComplaint");
    assertThat((String) runtime.getVariable(investigate.getProcessInstanceId(), "similarCases"))
        .startsWith("内胆裂纹批次问题(案例 " + id + ")");
  }

  private long approved(String ticket, String title) {
    long id = nominate(ticket, "zhangwei", nomination(title)).json().path("id").asLong();
    work("liuyang", ticket, "Task_ReviewCase", Map.of("caseDecision", "APPROVE"));
    return id;
  }

  private List<Long> ids(String path) {
    Answer a = api.get(path).as("xuming", "demo").send();
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    return a.json().path("content").findValuesAsText("id").stream().map(Long::valueOf).toList();
  }

  private Answer nominate(String ticket, String user, ObjectNode body) {
    return api.post("/api/staff/complaints/" + ticket + "/case-nominations", body.toString()).as(user, "demo").send();
  }

  private static ObjectNode nomination(String title) {
    ObjectNode n = JSON.createObjectNode();
    n.put("title", title);
    n.put("story", "客户来电反映:" + title);
    n.put("handling", "核实后为客户更换并致歉");
    n.put("analysis", "原因是批次问题;已要求供应商整改");
    return n;
  }

  private String closed(String product, String category) {
    return seeded(product, category, "CLOSED");
  }

  private String seeded(String product, String category, String status) {
    String ticket = "CS-" + (++seq) + "-" + System.nanoTime() % 100_000;
    Instant received = local("2026-11-01T10:00");
    Map<String, Object> columns = new HashMap<>(Map.of("status", status, "product_code", product,
        "product_name", product + " 测试产品", "category", category));
    if ("CLOSED".equals(status)) {
      columns.put("closure_reason", "RESOLVED");
      columns.put("closed_at", received.plusSeconds(86_400));
    }
    seeds.complaint(ticket, received, columns);
    return ticket;
  }
}
