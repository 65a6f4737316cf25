package io.complaintflow.api.afteraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.forms.FormInputException;

/**
 * The revisit (回访机制) and accountability (问责机制) after closure, with the shipped policy tables: a survey link that
 * answers once, within its time; a call when it goes unanswered; an unsatisfied customer's complaint reviewed and
 * reopened, with an accountability review the department records, a quality manager signs off and the department
 * completes.
 */
class RevisitIntegrationTests extends ControlIntegrationTest {

  private static final Pattern SURVEY_LINK = Pattern.compile("/api/revisits/([A-Za-z0-9_-]{43})");

  @Test
  void theCustomerAnswersTheSurveyOnceThroughItsLink() {
    // Given a late-delivery complaint closed on Tuesday: a survey three working days later
    String ticket = closedComplaint("LATE_DELIVERY", "2026-11-24T10:00");
    assertThat(events(ticket)).contains("REVISIT_SCHEDULED");
    at("2026-11-27T09:59");
    runDueJobs();
    assertThat(events(ticket)).doesNotContain("REVISIT_SURVEY_SENT");

    // When the revisit is due
    at("2026-11-27T10:00");
    runDueJobs();

    // Then the customer got a single-use link, which opens the four questions; every step of the way they were told
    assertThat(events(ticket)).contains("REVISIT_SURVEY_SENT");
    assertThat(jdbc.queryForList("select template from notification_outbox where ticket = ? and recipient_kind = "
        + "'CUSTOMER' order by id", String.class, ticket)).containsExactly("ACKNOWLEDGEMENT", "REMEDY_PROPOSED",
            "REMEDY_CARRIED_OUT", "COMPLAINT_CLOSED", "REVISIT_INVITATION");
    String token = surveyToken(ticket);
    Answer opened = api.get("/api/revisits/" + token).send();
    assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
    assertThat(opened.json().path("ticket").asText()).isEqualTo(ticket);
    assertThat(opened.json().path("questions")).hasSize(4);
    assertThat(opened.json().path("questions").get(0).path("text").asText()).isEqualTo("投诉渠道是否方便?");

    // a wrong token, bad scores: refused, nothing recorded
    Answer wrong = api.post("/api/revisits/" + token.substring(1) + "x", scores(5, 5, 5, 5)).send();
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.json().path("errors").get(0).path("field").asText()).isEqualTo("token");
    Answer bad = api.post("/api/revisits/" + token, "{\"channelEase\": 6, \"staffAttitude\": 0, \"handlingTime\": 5}")
        .send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("channelEase", "staffAttitude", "handlingResult");
    assertThat(answeredSurveys(ticket)).isZero();

    // When the customer answers, satisfied
    Answer answered = api.post("/api/revisits/" + token, scores(5, 4, 4, 5) .replace("}", ", \"comment\": \"很满意\"}"))
        .send();

    // Then
    assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
    assertThat(answered.json().path("message").asText()).contains("感谢");
    assertThat(events(ticket)).contains("REVISITED").doesNotContain("REVISIT_UNSATISFIED");
    assertThat(jdbc.queryForMap("select channel_ease, staff_attitude, handling_time, handling_result, comment, "
        + "satisfied from revisit_survey s join complaint c on c.id = s.complaint_id where c.ticket = ?", ticket))
        .containsEntry("CHANNEL_EASE", 5).containsEntry("HANDLING_TIME", 4).containsEntry("COMMENT", "很满意")
        .containsEntry("SATISFIED", true);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ComplaintRevisitProcess")
        .processInstanceBusinessKey(ticket).count()).isZero();
    // the link answers once
    Answer again = api.post("/api/revisits/" + token, scores(1, 1, 1, 1)).send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(api.get("/api/revisits/" + token).send().status()).isEqualTo(409);
    assertThat(answeredSurveys(ticket)).isEqualTo(1);
  }

  @Test
  void anUnansweredSurveyExpiresAndAnAgentCallsTheCustomer() {
    // Given a survey sent on Friday 10:00
    String ticket = closedComplaint("LATE_DELIVERY", "2026-11-24T14:00");
    at("2026-11-27T14:00");
    runDueJobs();
    String token = surveyToken(ticket);

    // When three working days pass without an answer
    at("2026-12-02T14:00");
    runDueJobs();

    // Then the link no longer works and an agent calls
    Answer expired = api.post("/api/revisits/" + token, scores(5, 5, 5, 5)).send();
    assertThat(expired.status()).as(expired.raw()).isEqualTo(410);
    assertThat(candidates(ticket, "Task_RevisitCustomer")).containsExactly("agents");
    work("lina", ticket, "Task_RevisitCustomer", Map.of("customerReached", true, "channelEase", "4",
        "staffAttitude", "4", "handlingTime", "3", "handlingResult", "5"));
    assertThat(events(ticket)).endsWith("REVISITED");
    assertThat(task(ticket, "Task_ReviewUnsatisfiedRevisit")).isNull();
  }

  @Test
  void anUnsatisfiedCustomerBringsTheComplaintBackAndStartsAnAccountabilityReview() {
    // Given a quality complaint of a standard customer: a phone revisit three working days after closure
    String ticket = closedComplaint("PRODUCT_DEFECT", "2026-11-24T11:00");
    at("2026-11-27T11:00");
    runDueJobs();
    assertThat(candidates(ticket, "Task_RevisitCustomer")).containsExactly("agents");

    // scores are required once the customer was reached
    assertThatThrownBy(() -> work("lina", ticket, "Task_RevisitCustomer", Map.of("customerReached", true,
        "channelEase", "4", "staffAttitude", "9", "handlingTime", "3", "handlingResult", "2")))
        .hasRootCauseInstanceOf(FormInputException.class).hasMessageContaining("staffAttitude");

    // When the customer is unsatisfied with the result
    work("lina", ticket, "Task_RevisitCustomer", Map.of("customerReached", true, "channelEase", "4",
        "staffAttitude", "4", "handlingTime", "3", "handlingResult", "2", "revisitComment", "内胆还是有裂纹"));
    runDueJobs();

    // Then a supervisor reviews it, and the quality department answers for it
    assertThat(events(ticket)).contains("REVISIT_UNSATISFIED", "ACCOUNTABILITY_REVIEW_STARTED");
    assertThat(candidates(ticket, "Task_ReviewUnsatisfiedRevisit")).containsExactly("supervisors");
    assertThat(candidates(ticket, "Task_RecordAccountability")).containsExactly("deptQuality");
    assertThat(jdbc.queryForObject("select review_trigger from accountability_review r join complaint c on "
        + "c.id = r.complaint_id where c.ticket = ?", String.class, ticket)).isEqualTo("UNSATISFIED");

    // the supervisor sends it back to its owner
    work("liuyang", ticket, "Task_ReviewUnsatisfiedRevisit", Map.of("revisitReviewDecision", "REOPEN"));
    assertThat(complaint(ticket).getStatus().name()).isEqualTo("IN_PROGRESS");
    assertThat(complaint(ticket).getReopenCount()).isEqualTo(1);
    assertThat(task(ticket, "Task_InvestigateComplaint").getAssignee()).isEqualTo("zhangwei");
    assertThat(events(ticket)).containsSubsequence("REVISIT_UNSATISFIED", "REVISIT_REVIEWED", "REOPENED");

    // the department records the review: a due date in the past is refused
    assertThatThrownBy(() -> work("huangqiang", ticket, "Task_RecordAccountability", accountability("2026-11-20T18:00")))
        .hasRootCauseInstanceOf(FormInputException.class).hasMessageContaining("actionDueAt");
    work("huangqiang", ticket, "Task_RecordAccountability", accountability("2026-12-11T18:00"));
    // only quality managers sign off
    assertThat(candidates(ticket, "Task_SignOffAccountability")).containsExactly("qualityManagers");
    work("qianjun", ticket, "Task_SignOffAccountability", Map.of("signOffDecision", "RETURN",
        "signOffNote", "请写明主管领导"));
    assertThat(task(ticket, "Task_RecordAccountability")).isNotNull();
    work("huangqiang", ticket, "Task_RecordAccountability", accountability("2026-12-11T18:00"));
    work("qianjun", ticket, "Task_SignOffAccountability", Map.of("signOffDecision", "APPROVE"));

    // the reminder a working day before the due date (its follow-up date in Tasklist), then the action is done
    assertThat(task(ticket, "Task_CompleteCorrectiveAction").getFollowUpDate().toInstant())
        .isEqualTo(local("2026-12-11T09:00"));
    at("2026-12-11T10:00");
    runDueJobs();
    work("huangqiang", ticket, "Task_CompleteCorrectiveAction", Map.of("completionNote", "已增加来料耐压抽检"));
    Map<String, Object> review = jdbc.queryForMap("select r.* from accountability_review r join complaint c on "
        + "c.id = r.complaint_id where c.ticket = ?", ticket);
    assertThat(review).containsEntry("ROOT_CAUSE", "供应商内胆批次未做耐压测试")
        .containsEntry("RECORDED_BY", "huangqiang").containsEntry("SIGNED_OFF_BY", "qianjun")
        .containsEntry("COMPLETION_NOTE", "已增加来料耐压抽检");
    assertThat(review.get("REMINDED_AT")).isNotNull();
    assertThat(review.get("OVERDUE_AT")).isNull();
    assertThat(review.get("COMPLETED_AT")).isNotNull();
    Answer record = api.get("/api/staff/complaints/" + ticket).as("liuyang", "demo").send();
    assertThat(record.json().path("revisits").get(0).path("method").asText()).isEqualTo("PHONE");
    assertThat(record.json().path("revisits").get(0).path("scores").path("handlingResult").asInt()).isEqualTo(2);
    assertThat(record.json().path("revisits").get(0).path("satisfied").asBoolean()).isFalse();
    assertThat(record.json().path("accountabilityReviews").get(0).path("reviewTrigger").asText())
        .isEqualTo("UNSATISFIED");
    assertThat(record.raw()).doesNotContain("tokenHash");
  }

  @Test
  void aComplaintEscalatedToAManagerGetsAnAccountabilityReviewAtClosure() {
    // Given a complaint whose customer demanded a superior at registration: a manager took it up
    at("2026-11-25T10:00");
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), true, Map.of("problemType", "LATE_DELIVERY", "escalationDemanded", true,
        "escalationDemand", "MEDIA", "escalationDemandNote", "客户说今天不解决就发微博"));
    work("yangmin", f.ticket(), "Task_HandleDemandedEscalation", Map.of("supervisionNote", "已亲自致电客户"));

    // When it is resolved and closed
    resolve(f.ticket());

    // Then the logistics department answers for it
    assertThat(events(f.ticket())).contains("ACCOUNTABILITY_REVIEW_STARTED");
    assertThat(candidates(f.ticket(), "Task_RecordAccountability")).containsExactly("deptLogistics");
    assertThat(jdbc.queryForObject("select review_trigger from accountability_review r join complaint c on "
        + "c.id = r.complaint_id where c.ticket = ?", String.class, f.ticket())).isEqualTo("ESCALATED");
  }

  private Map<String, Object> accountability(String due) {
    return Map.of("rootCause", "供应商内胆批次未做耐压测试", "responsiblePerson", "质量部 黄强;主管领导 王总",
        "correctiveAction", "增加来料耐压抽检", "actionDueAt", due);
  }

  /** Files, registers and resolves a complaint of the given problem type at the given local time. */
  private String closedComplaint(String problemType, String when) {
    at(when);
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), true, Map.of("problemType", problemType));
    resolve(f.ticket());
    assertThat(complaint(f.ticket()).getStatus().name()).isEqualTo("CLOSED");
    return f.ticket();
  }

  private void resolve(String ticket) {
    work("zhangwei", ticket, "Task_ProposeRemedy", Map.of("remedyType", "REFUND", "remedyAmount", 100,
        "remedyDescription", "退还运费 100 元。"));
    work("zhangwei", ticket, "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
    work("zhangwei", ticket, "Task_CarryOutRemedy", Map.of("actionsTaken", "100 元已退回原支付账户。"));
    work("zhangwei", ticket, "Task_ConfirmResolution", Map.of("resolutionConfirmed", true, "signedOffBy", "王建国",
        "confirmationMethod", "PHONE"));
    runDueJobs();
  }

  private String surveyToken(String ticket) {
    List<String> texts = jdbc.queryForList("select body_text from notification_outbox where ticket = ? and "
        + "template = 'REVISIT_INVITATION'", String.class, ticket);
    assertThat(texts).hasSize(1);
    Matcher m = SURVEY_LINK.matcher(texts.get(0));
    assertThat(m.find()).as(texts.get(0)).isTrue();
    return m.group(1);
  }

  private int answeredSurveys(String ticket) {
    return jdbc.queryForObject("select count(*) from revisit_survey s join complaint c on c.id = s.complaint_id "
        + "where c.ticket = ? and s.answered_at is not null", Integer.class, ticket);
  }

  private List<String> candidates(String ticket, String key) {
    var t = task(ticket, key);
    assertThat(t).as("open task " + key).isNotNull();
    return tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId()).toList();
  }

  private static String scores(int a, int b, int c, int d) {
    return "{\"channelEase\": " + a + ", \"staffAttitude\": " + b + ", \"handlingTime\": " + c
        + ", \"handlingResult\": " + d + "}";
  }
}
