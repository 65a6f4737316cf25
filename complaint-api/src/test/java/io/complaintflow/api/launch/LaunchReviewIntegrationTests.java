package io.complaintflow.api.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.SeededComplaints;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.handling.HandlingProcess;

/**
 * Launch review (事前预防) end to end: a product owner submits a new product, past complaints on its product line are
 * listed, customer service files improvement requests, the product department answers (reminded before its
 * deadline), the handling plan is registered on the product, and intake shows it to the handler of a complaint.
 */
class LaunchReviewIntegrationTests extends ControlIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNewProductIsReviewedAgainstPastComplaintsAndItsPlanReachesIntake() {
    at("2026-12-07T10:00");   // Monday
    pastComplaintsOnTheProductLine();

    Answer submitted = submit("zhoujie", submission("LR-NEW"));
    assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    long id = submitted.json().path("id").asLong();
    assertThat(submitted.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(submitted.json().path("pastComplaintCount").asInt()).isEqualTo(3);
    assertThat(submitted.json().path("pastComplaints").asText()).contains("QUALITY 2 件", "DELIVERY 1 件", "LR-PAST-3",
        "LR-PAST-1").doesNotContain("LR-OTHER");
    assertThat(submit("sunli", submission("LR-NEW")).status()).as("already under review").isEqualTo(409);

    Task review = tasks.createTaskQuery().processInstanceBusinessKey("LR-" + id).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewLaunch");
    assertThat((String) runtime.getVariable(review.getProcessInstanceId(), "pastComplaints")).contains("LR-PAST-2");
    signIn("zhangwei");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
    identity.clearAuthentication();
    work("liuyang", "LR-" + id, "Task_ReviewLaunch", Map.of("findings", "旧款滤芯漏水投诉最多",
        "improvementRequests", "滤芯接口加密封圈;说明书写清更换步骤"));

    // the product department has 24 working hours: Thursday 10:00, reminded after 75 % of them
    Task respond = task("LR-" + id, "Task_RespondToImprovements");
    assertThat(respond.getDueDate().toInstant()).isEqualTo(local("2026-12-10T10:00"));
    assertThat(tasks.createTaskQuery().taskId(respond.getId()).taskCandidateGroup("deptProduct").count()).isOne();
    at("2026-12-09T13:00");
    runDueJobs();
    assertThat(get(id).path("responseRemindedAt").isTextual()).isTrue();
    work("zhoujie", "LR-" + id, "Task_RespondToImprovements", Map.of("productResponse", "已加密封圈,说明书已更新"));
    assertThat(get(id).path("status").asText()).isEqualTo("PLANNING");

    String plan = "滤芯漏水:上门更换滤芯并赠送一支备用滤芯;涉及水渍损失报主管";
    work("chenjing", "LR-" + id, "Task_RecordHandlingPlan", Map.of("handlingPlan", plan));

    JsonNode done = get(id);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("productResponse").asText()).isEqualTo("已加密封圈,说明书已更新");
    assertThat(done.path("handlingPlan").asText()).isEqualTo(plan);
    Answer catalogue = api.get("/api/staff/products/LR-NEW/handling-plan").as("zhangwei", "demo").send();
    assertThat(catalogue.json().path("handlingPlan").asText()).isEqualTo(plan);
    assertThat(jdbc.queryForObject("select product_line from product where code = 'LR-NEW'", String.class))
        .isEqualTo("water-purifier");

    // intake shows the plan to the handler of a complaint about the new product
    Filed f = file(Submissions.valid().with("product/code", "LR-NEW").with("product/name", "净水器 LR-NEW"));
    ProcessInstance handling = runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY)
        .processInstanceBusinessKey(f.ticket()).singleResult();
    assertThat(runtime.getVariable(handling.getId(), "handlingPlan")).isEqualTo(plan);
    assertThat(api.get("/api/staff/launch-reviews").as("zhangwei", "demo").send().json().findValuesAsText("productCode"))
        .contains("LR-NEW");
  }

  @Test
  void aReviewWithoutImprovementRequestsGoesStraightToThePlan() {
    at("2026-12-07T10:00");
    ObjectNode kettle = submission("LR-PLAIN");
    kettle.put("productLine", "kettle");
    long id = submit("sunli", kettle).json().path("id").asLong();
    assertThat(get(id).path("pastComplaints").asText()).isEqualTo("同类产品暂无历史投诉。");

    work("liuyang", "LR-" + id, "Task_ReviewLaunch", Map.of("findings", "与现有产品差别不大"));
    assertThat(task("LR-" + id, "Task_RespondToImprovements")).isNull();
    work("liuyang", "LR-" + id, "Task_RecordHandlingPlan", Map.of("handlingPlan", "按通用预案处理"));

    assertThat(get(id).path("status").asText()).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select handling_plan from product where code = 'LR-PLAIN'", String.class))
        .isEqualTo("按通用预案处理");
  }

  @Test
  void submissionsThatCannotBeAcceptedAreRefusedAndNothingIsStored() {
    at("2026-12-07T10:00");
    long before = jdbc.queryForObject("select count(*) from launch_review", Long.class);
    ObjectNode noName = submission("LR-BAD");
    noName.put("productName", "");
    ObjectNode badCode = submission("LR BAD");
    ObjectNode past = submission("LR-BAD");
    past.put("plannedLaunchDate", "2026-12-06");

    Answer agent = submit("zhangwei", submission("LR-BAD"));
    Answer name = submit("zhoujie", noName);
    Answer code = submit("zhoujie", badCode);
    Answer date = submit("zhoujie", past);
    Answer unknown = api.get("/api/staff/launch-reviews/999999").as("zhoujie", "demo").send();

    assertThat(agent.status()).isEqualTo(403);
    assertThat(name.status()).isEqualTo(400);
    assertThat(name.errorFields()).containsExactly("productName");
    assertThat(code.errorFields()).containsExactly("productCode");
    assertThat(date.errorFields()).containsExactly("plannedLaunchDate");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from launch_review", Long.class)).isEqualTo(before);
  }

  private void pastComplaintsOnTheProductLine() {
    jdbc.update("insert into product (code, version, name, product_line) values ('LR-OLD', 0, '净水器 LR-OLD', 'water-purifier')");
    SeededComplaints seeds = new SeededComplaints(jdbc);
    seeds.complaint("LR-PAST-1", local("2026-03-01T10:00"), Map.of("product_code", "LR-OLD", "category", "QUALITY",
        "description", "滤芯接口漏水"));
    seeds.complaint("LR-PAST-2", local("2026-05-01T10:00"), Map.of("product_code", "LR-OLD", "category", "QUALITY",
        "description", "滤芯接口又漏水,地板泡坏"));
    seeds.complaint("LR-PAST-3", local("2026-07-01T10:00"), Map.of("product_code", "LR-OLD", "category", "DELIVERY",
        "description", "送货晚了三天"));
    seeds.complaint("LR-OTHER", local("2026-07-01T10:00"), Map.of("product_code", "MOB-58", "category", "BILLING"));
  }

  private Answer submit(String user, ObjectNode body) {
    return api.post("/api/staff/launch-reviews", body.toString()).as(user, "demo").send();
  }

  private JsonNode get(long id) {
    return api.get("/api/staff/launch-reviews/" + id).as("zhoujie", "demo").send().json();
  }

  private static ObjectNode submission(String code) {
    ObjectNode n = JSON.createObjectNode();
    n.put("productCode", code);
    n.put("productName", "净水器 " + code);
    n.put("productLine", "water-purifier");
    n.put("description", "新一代反渗透净水器,滤芯快拆");
    n.put("plannedLaunchDate", "2027-01-15");
    return n;
  }
}
