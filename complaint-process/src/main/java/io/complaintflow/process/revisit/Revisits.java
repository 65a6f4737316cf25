package io.complaintflow.process.revisit;

import static io.complaintflow.process.revisit.RevisitProcess.Vars;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.process.accountability.AccountabilityReviews;
import io.complaintflow.process.accountability.AccountabilityTrigger;
import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.complaint.ClosureReason;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.handling.CustomerActions;
import io.complaintflow.process.handling.HandlingProcess;
import io.complaintflow.process.revisit.RevisitSurvey.Scores;
import io.complaintflow.process.rules.Decisions;

/**
 * 回访机制 (seed 002 J.3): schedules the revisit of each resolved complaint by the {@code RevisitPolicy} table, and the
 * steps of {@code bpmn/complaint-revisit.bpmn}: the survey sent with its single-use token, the revisit by staff, judging
 * the answer, and what an unsatisfied customer leads to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RevisitSettings.class)
public class Revisits {

  private final ComplaintHistory history;
  private final RevisitSurveyRepository surveys;
  private final RevisitSettings settings;
  private final RuntimeService runtime;
  private final Decisions decisions;
  private final BusinessCalendar calendar;
  private final SurveyTokens tokens;
  private final Clock clock;

  public Revisits(ComplaintHistory history, RevisitSurveyRepository surveys, RevisitSettings settings,
      RuntimeService runtime, Decisions decisions, BusinessCalendar calendar, SurveyTokens tokens, Clock clock) {
    this.history = history;
    this.surveys = surveys;
    this.settings = settings;
    this.runtime = runtime;
    this.decisions = decisions;
    this.calendar = calendar;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** 安排回访 (handling process, after closing): how and when by the policy table; starts the revisit process. */
  @Bean
  public JavaDelegate scheduleRevisitDelegate() {
    return execution -> {
      Complaint c = complaint(execution);
      Map<String, Object> input = new HashMap<>();
      input.put("customerTier", c.getCustomerTier().name());
      input.put("category", c.getCategory());
      input.put("channel", c.getChannel().name());
      Map<String, Object> policy = decisions.firstMatch(RevisitProcess.POLICY_DECISION, input);
      RevisitMethod method = RevisitMethod.valueOf((String) policy.get(Vars.REVISIT_METHOD));
      Instant at = calendar.plus(clock.instant(), (String) policy.get("revisitAfter"));
      Map<String, Object> vars = new HashMap<>();
      vars.put(Vars.COMPLAINT_ID, c.getId());
      vars.put(HandlingProcess.Vars.TICKET, c.getTicket());
      vars.put(HandlingProcess.Vars.CUSTOMER_NAME, c.getCustomerName());
      vars.put(HandlingProcess.Vars.CUSTOMER_TIER, c.getCustomerTier().name());
      vars.put(HandlingProcess.Vars.PRODUCT_NAME, c.getProductName());
      vars.put(Vars.CLOSED_AT, Date.from(c.getClosedAt()));
      vars.put(Vars.REVISIT_METHOD, method.name());
      vars.put(Vars.REVISIT_GROUP, policy.get(Vars.REVISIT_GROUP));
      vars.put(Vars.REVISIT_AT, Date.from(at));
      runtime.startProcessInstanceByKey(RevisitProcess.KEY, c.getTicket(), vars);
      history.record(c, ComplaintEventType.REVISIT_SCHEDULED, ComplaintHistory.SYSTEM, method.title());
    };
  }

  /** 核对投诉仍已结案: a complaint reopened (or closed again) since is not revisited for this closure. */
  @Bean
  public JavaDelegate prepareRevisitDelegate() {
    return execution -> {
      Complaint c = complaint(execution);
      Date closedAt = (Date) execution.getVariable(Vars.CLOSED_AT);
      boolean due = c.getStatus() == ComplaintStatus.CLOSED && c.getClosureReason() == ClosureReason.RESOLVED
          && c.getClosedAt() != null && c.getClosedAt().equals(closedAt.toInstant());
      execution.setVariable(Vars.STILL_DUE, due);
      RevisitMethod method = RevisitMethod.valueOf((String) execution.getVariable(Vars.REVISIT_METHOD));
      execution.setVariable(Vars.REVISIT_METHOD_TITLE, method.title());
      execution.setVariable(Vars.REVISIT_HINT, method.hint());
      execution.setVariable(HandlingProcess.Vars.CUSTOMER_PHONE, c.getCustomerPhone());
      execution.setVariable("remedySummary", c.getRemedySummary());
    };
  }

  /** 发送满意度问卷: a survey with a single-use token, the link sent to the customer. */
  @Bean
  public JavaDelegate sendSurveyDelegate(SurveyInvitations invitations) {
    return execution -> {
      Complaint c = complaint(execution);
      Instant now = clock.instant();
      Instant deadline = calendar.plus(now, settings.surveyAnswerWait());
      SurveyTokens.Issued token = tokens.issue();
      RevisitSurvey survey = surveys.save(RevisitSurvey.sent(c.getId(), token.hash(), now, deadline));
      execution.setVariable(Vars.SURVEY_ID, survey.getId());
      execution.setVariable(Vars.SURVEY_DEADLINE, Date.from(deadline));
      invitations.invite(execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId(), c.getId(),
          settings.surveyLink().replace("{token}", token.token()));
      history.record(c, ComplaintEventType.REVISIT_SURVEY_SENT, ComplaintHistory.SYSTEM, null);
    };
  }

  /** 判断客户是否满意: every point at or above the configured score. */
  @Bean
  public JavaDelegate evaluateRevisitDelegate() {
    return execution -> {
      RevisitSurvey survey = survey(execution);
      Scores scores = survey.scores();
      boolean satisfied = scores.lowest() >= settings.minSatisfiedScore();
      survey.judge(satisfied);
      surveys.save(survey);
      execution.setVariable(Vars.SATISFIED, satisfied);
      execution.setVariable(Vars.SCORES, scores.describe());
      execution.setVariable(Vars.COMMENT, survey.getComment());
      execution.setVariable(Vars.UNSATISFIED_ROUTE, settings.unsatisfiedRoute().name());
      Complaint c = complaint(execution);
      String detail = scores.describe() + (survey.getComment() == null ? "" : ";客户意见:" + survey.getComment());
      history.record(c, satisfied ? ComplaintEventType.REVISITED : ComplaintEventType.REVISIT_UNSATISFIED,
          survey.getAnsweredBy(), detail);
    };
  }

  /** 发起问责复盘 for an unsatisfied customer. */
  @Bean
  public JavaDelegate startUnsatisfiedAccountabilityDelegate(AccountabilityReviews reviews) {
    return execution -> reviews.startFor(complaint(execution), AccountabilityTrigger.UNSATISFIED);
  }

  /** 交负责人重新处理. */
  @Bean
  public JavaDelegate reopenAfterRevisitDelegate(CustomerActions actions) {
    return execution -> {
      Object comment = execution.getVariable(Vars.COMMENT);
      actions.reopenAfterRevisit(complaint(execution), "回访不满意:" + execution.getVariable(Vars.SCORES)
          + (comment == null ? "" : ";客户意见:" + comment));
    };
  }

  /** Revisiting the customer (phone, visit, letter) and a supervisor's review of an unsatisfied answer. */
  @Bean
  public TaskListener revisitSteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    Complaint c = complaint(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_RevisitCustomer" -> {
        boolean reached = form.bool(Vars.CUSTOMER_REACHED, false);
        Scores scores = reached ? new Scores(form.requiredScore("channelEase", "投诉渠道是否方便"),
            form.requiredScore("staffAttitude", "人员服务态度和能力"), form.requiredScore("handlingTime", "投诉处理时间"),
            form.requiredScore("handlingResult", "投诉处理结果")) : null;
        String comment = form.text(Vars.COMMENT, "客户意见和建议", 1000);
        String method = (String) task.getVariable(Vars.REVISIT_METHOD);
        RevisitMethod made = RevisitMethod.SURVEY.name().equals(method) ? RevisitMethod.PHONE : RevisitMethod.valueOf(method);
        RevisitSurvey survey = surveys.save(RevisitSurvey.byStaff(c.getId(), made, actor, reached, scores, comment,
            clock.instant()));
        task.setVariable(Vars.SURVEY_ID, survey.getId());
        task.setVariable(Vars.CUSTOMER_REACHED, reached);
        if (!reached) {
          history.record(c, ComplaintEventType.REVISIT_NOT_REACHED, actor, comment);
        }
      }
      case "Task_ReviewUnsatisfiedRevisit" -> {
        String decision = form.requiredChoice(Vars.REVIEW_DECISION, "复核决定", Set.of("REOPEN", "KEEP_CLOSED"));
        String note = "KEEP_CLOSED".equals(decision) ? form.requiredText("revisitReviewNote", "理由", 1000)
            : form.text("revisitReviewNote", "理由", 1000);
        history.record(c, ComplaintEventType.REVISIT_REVIEWED, actor,
            ("REOPEN".equals(decision) ? "交负责人重新处理" : "维持结案") + (note == null ? "" : ":" + note));
      }
      default -> throw new IllegalStateException("no revisit step for task " + task.getTaskDefinitionKey());
    }
  }

  private Complaint complaint(VariableScope scope) {
    return history.complaint(((Number) scope.getVariable(Vars.COMPLAINT_ID)).longValue());
  }

  private RevisitSurvey survey(VariableScope scope) {
    long id = ((Number) scope.getVariable(Vars.SURVEY_ID)).longValue();
    return surveys.findById(id).orElseThrow(() -> new IllegalStateException("no revisit survey " + id));
  }
}
