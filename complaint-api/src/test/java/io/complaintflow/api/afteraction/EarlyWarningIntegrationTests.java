package io.complaintflow.api.afteraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.reply.ForbiddenPhraseException;

/**
 * Early warning of batch complaints (预警通报机制) with a threshold of 3 complaints about the same product and category
 * in 24 hours: below, at and above it; the incident's scripted answer, its resolution closing its complaints together,
 * each customer told, and the accountability review that follows.
 */
@TestPropertySource(properties = {"complaintflow.early-warning.threshold=3",
    "complaintflow.early-warning.window=PT24H", "camunda.bpm.process-engine-name=earlywarning"})
class EarlyWarningIntegrationTests extends ControlIntegrationTest {

  @Test
  void startsABatchIncidentWhenTheThresholdIsReachedAndLinksLaterComplaints() {
    // Given a complaint about the product 25 hours ago (outside the window), one of another category, and one today
    at("2026-11-23T09:00");
    String old = complaintAbout("AC-900", "PRODUCT_DEFECT");
    at("2026-11-24T10:00");
    String delivery = complaintAbout("AC-900", "LATE_DELIVERY");
    String first = complaintAbout("AC-900", "PRODUCT_DEFECT");

    // When a second one comes: below the threshold, nothing happens
    String second = complaintAbout("AC-900", "SAFETY_HAZARD");
    assertThat(incidents()).isZero();

    // When the third (the threshold) comes
    String third = complaintAbout("AC-900", "PRODUCT_DEFECT");

    // Then one incident with those three, the quality department alerted, supervisors to give the scripted answer
    assertThat(incidents()).isEqualTo(1);
    assertThat(linked()).containsExactlyInAnyOrder(first, second, third);
    assertThat(events(first)).contains("BATCH_LINKED");
    assertThat(events(old)).doesNotContain("BATCH_LINKED");
    assertThat(events(delivery)).doesNotContain("BATCH_LINKED");
    long id = complaint(first).getBatchIncidentId();
    assertThat(jdbc.queryForMap("select product_code, category, department, complaints_at_opening from "
        + "batch_incident where id = ?", id)).containsEntry("PRODUCT_CODE", "AC-900").containsEntry("CATEGORY", "QUALITY")
        .containsEntry("DEPARTMENT", "QUALITY").containsEntry("COMPLAINTS_AT_OPENING", 3);
    runDueJobs();
    assertThat(outbox("BATCH_ALERT")).containsExactly("huangqiang");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("BATCH-" + id)
        .taskDefinitionKey("Task_PrepareScriptedAnswer").taskCandidateGroup("supervisors").count()).isEqualTo(1);
    // the handler sees it
    String notice = (String) runtime.getVariable(task(first, "Task_InvestigateComplaint").getProcessInstanceId(),
        "batchNotice");
    assertThat(notice).contains("#" + id).contains("统一答复口径正在制定中");

    // When a fourth comes (above the threshold): it joins the open incident
    String fourth = complaintAbout("AC-900", "PRODUCT_DEFECT");

    // Then
    assertThat(incidents()).isEqualTo(1);
    assertThat(linked()).containsExactlyInAnyOrder(first, second, third, fourth);
    assertThat(complaint(fourth).getBatchIncidentId()).isEqualTo(id);
    Answer incident = api.get("/api/staff/batch-incidents/" + id).as("liuyang", "demo").send();
    assertThat(incident.status()).isEqualTo(200);
    assertThat(incident.json().path("tickets")).extracting(n -> n.asText())
        .containsExactly(first, second, third, fourth);
    assertThat(incident.json().path("departmentTitle").asText()).isEqualTo("质量部");
    Answer unknown = api.get("/api/staff/batch-incidents/999999").as("liuyang", "demo").send();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorFields()).containsExactly("id");
  }

  @Test
  void resolvingTheIncidentClosesItsComplaintsAndTellsEachCustomer() {
    // Given an incident of three complaints about the rice cooker, one of them already closed on its own
    at("2026-11-26T10:00");
    String a = complaintAbout("RC-2026", "PRODUCT_DEFECT");
    String b = complaintAbout("RC-2026", "PRODUCT_DEFECT");
    String c = complaintAbout("RC-2026", "PRODUCT_DEFECT");
    String key = "BATCH-" + complaint(a).getBatchIncidentId();
    runDueJobs();

    // When supervisors give the scripted answer: a forbidden phrase is refused
    assertThatThrownBy(() -> workBatch("liuyang", key, "Task_PrepareScriptedAnswer",
        Map.of("scriptedAnswer", "这是常有的事,请耐心等待。")))
        .hasRootCauseInstanceOf(ForbiddenPhraseException.class).hasMessageContaining("scriptedAnswer");
    workBatch("liuyang", key, "Task_PrepareScriptedAnswer", Map.of("batchCause", "疑似内胆批次问题",
        "scriptedAnswer", "我们已确认该批次内胆存在质量问题,将统一为您免费更换,请保留好产品。"));

    // Then every agent hears it and every handler sees it
    assertThat(outbox("BATCH_BROADCAST")).containsExactlyInAnyOrder("zhangwei", "lina", "wangfang");
    assertThat((String) runtime.getVariable(task(b, "Task_InvestigateComplaint").getProcessInstanceId(),
        "batchNotice")).contains("统一为您免费更换");
    assertThat(events(b)).contains("BATCH_ANSWER");

    // the owner of one settles it alone in the meantime
    work("zhangwei", c, "Task_InvestigateComplaint", Map.of("investigationNextStep", "PROPOSE",
        "findings", "内胆裂纹"));
    work("zhangwei", c, "Task_ProposeRemedy", Map.of("remedyType", "EXCHANGE", "remedyDescription", "为您更换新内胆。"));
    work("zhangwei", c, "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
    work("zhangwei", c, "Task_CarryOutRemedy", Map.of("actionsTaken", "新内胆已寄出"));
    work("zhangwei", c, "Task_ConfirmResolution", Map.of("resolutionConfirmed", true, "signedOffBy", "王建国",
        "confirmationMethod", "PHONE"));
    assertThat(complaint(c).getStatus().name()).isEqualTo("CLOSED");

    // When the department resolves it and supervisors confirm (after sending it back once)
    workBatch("huangqiang", key, "Task_ResolveBatchIssue", Map.of("batchCause", "供应商内胆批次未做耐压测试",
        "batchResolution", "已为您免费更换新内胆,并延长保修一年。"));
    workBatch("chenjing", key, "Task_ConfirmBatchClosure", Map.of("batchClosureDecision", "RETURN",
        "batchClosureNote", "请写明延保如何生效"));
    workBatch("huangqiang", key, "Task_ResolveBatchIssue", Map.of("batchCause", "供应商内胆批次未做耐压测试",
        "batchResolution", "已为您免费更换新内胆,保修自动延长一年。"));
    workBatch("chenjing", key, "Task_ConfirmBatchClosure", Map.of("batchClosureDecision", "CLOSE"));
    runDueJobs();

    // Then the open complaints closed with the incident, each customer told its resolution
    for (String t : List.of(a, b)) {
      assertThat(complaint(t).getStatus().name()).as(t).isEqualTo("CLOSED");
      assertThat(complaint(t).getRemedySummary()).isEqualTo("已为您免费更换新内胆,保修自动延长一年。");
      assertThat(events(t)).containsSubsequence("BATCH_RESOLVED", "CLOSED", "REVISIT_SCHEDULED");
      assertThat(task(t, "Task_InvestigateComplaint")).isNull();
      assertThat(jdbc.queryForObject("select body_text from notification_outbox where ticket = ? and "
          + "template = 'BATCH_RESOLVED'", String.class, t)).contains("保修自动延长一年");
    }
    assertThat(events(c)).doesNotContain("BATCH_RESOLVED");
    Answer status = api.get("/api/complaints/" + a).header("X-Tracking-Token", token(a)).send();
    assertThat(status.raw()).contains("保修自动延长一年");
    // and the quality department answers for the batch
    assertThat(jdbc.queryForObject("select closed_by from batch_incident where id = ?", String.class,
        complaint(a).getBatchIncidentId())).isEqualTo("chenjing");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_RecordAccountability")
        .taskCandidateGroup("deptQuality").count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select review_trigger from accountability_review where batch_incident_id = ?",
        String.class, complaint(a).getBatchIncidentId())).isEqualTo("BATCH");
  }

  private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

  private String complaintAbout(String product, String problemType) {
    Filed f = file(Submissions.valid().with("product/code", product).with("product/name", product));
    tokens.put(f.ticket(), f.token());
    register("zhangwei", f.ticket(), false, Map.of("problemType", problemType));
    runDueJobs();
    return f.ticket();
  }

  private String token(String ticket) {
    return tokens.get(ticket);
  }

  private void workBatch(String user, String key, String taskKey, Map<String, Object> form) {
    var t = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey).singleResult();
    assertThat(t).as(taskKey).isNotNull();
    signIn(user);
    try {
      tasks.claim(t.getId(), user);
      tasks.complete(t.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
    runDueJobs();
  }

  private int incidents() {
    return jdbc.queryForObject("select count(*) from batch_incident where product_code = 'AC-900'", Integer.class);
  }

  private List<String> linked() {
    return jdbc.queryForList("select c.ticket from complaint c join batch_incident i on i.id = c.batch_incident_id "
        + "where i.product_code = 'AC-900'", String.class);
  }

  private List<String> outbox(String template) {
    return jdbc.queryForList("select recipient_id from notification_outbox where template = ?", String.class,
        template);
  }
}
