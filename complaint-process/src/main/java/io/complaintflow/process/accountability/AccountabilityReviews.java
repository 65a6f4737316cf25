package io.complaintflow.process.accountability;

import static io.complaintflow.process.accountability.AccountabilityProcess.Vars;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.forms.FormInputException;
import io.complaintflow.process.staff.Department;

/**
 * The steps of {@code bpmn/accountability-review.bpmn} (问责机制), and how reviews are started: from a closed complaint
 * that the trigger table flags (escalated to a manager, SLA breached), from an unsatisfied revisit, or from a batch
 * incident.
 */
@Configuration(proxyBeanMethods = false)
public class AccountabilityReviews {

  private final AccountabilityReviewRepository reviews;
  private final ComplaintHistory history;
  private final RuntimeService runtime;
  private final BusinessCalendar calendar;
  private final Clock clock;

  public AccountabilityReviews(AccountabilityReviewRepository reviews, ComplaintHistory history, RuntimeService runtime,
      BusinessCalendar calendar, Clock clock) {
    this.reviews = reviews;
    this.history = history;
    this.runtime = runtime;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Starts a review of a complaint. */
  public void startFor(Complaint c, AccountabilityTrigger trigger) {
    String department = c.getDepartment() != null ? c.getDepartment() : Department.CUSTOMER_SERVICE.name();
    start(c.getId(), null, trigger, department, c.getTicket(), Map.of("ticket", c.getTicket(),
        "customerName", c.getCustomerName(), "productName", c.getProductName()));
    history.record(c, ComplaintEventType.ACCOUNTABILITY_REVIEW_STARTED, ComplaintHistory.SYSTEM, trigger.title());
  }

  /** Starts a review of a batch incident. */
  public void startForBatch(long incidentId, String department, String title) {
    start(null, incidentId, AccountabilityTrigger.BATCH, department, "BATCH-" + incidentId, Map.of("ticket", "BATCH-" + incidentId,
        "customerName", "-", "productName", title));
  }

  private void start(Long complaintId, Long incidentId, AccountabilityTrigger trigger, String department,
      String businessKey,
      Map<String, Object> display) {
    Map<String, Object> vars = new HashMap<>(display);
    vars.put(Vars.COMPLAINT_ID, complaintId);
    vars.put(Vars.BATCH_INCIDENT_ID, incidentId);
    vars.put(Vars.TRIGGER, trigger.name());
    vars.put(Vars.DEPARTMENT, department);
    runtime.startProcessInstanceByKey(AccountabilityProcess.KEY, businessKey, vars);
  }

  /** 发起问责复盘: the closing complaint was flagged by the trigger table. */
  @Bean
  public JavaDelegate startAccountabilityReviewDelegate() {
    return execution -> {
      Complaint c = history.complaint(((Number) execution.getVariable(Vars.COMPLAINT_ID)).longValue());
      startFor(c, AccountabilityTrigger.valueOf((String) execution.getVariable(Vars.TRIGGER)));
    };
  }

  /** 登记问责复盘: the review row, and the department that answers for it. */
  @Bean
  public JavaDelegate openAccountabilityReviewDelegate() {
    return execution -> {
      Department department = Department.of((String) execution.getVariable(Vars.DEPARTMENT));
      AccountabilityReview r = reviews.save(AccountabilityReview.open(longOrNull(execution, Vars.COMPLAINT_ID),
          longOrNull(execution, Vars.BATCH_INCIDENT_ID), (String) execution.getVariable(Vars.TRIGGER),
          department.name(), clock.instant()));
      execution.setVariable(Vars.REVIEW_ID, r.getId());
      execution.setVariable(Vars.DEPARTMENT_GROUP, department.group());
      execution.setVariable(Vars.DEPARTMENT_TITLE, department.title());
      execution.setVariable(Vars.TRIGGER_TITLE, AccountabilityTrigger.valueOf(r.getReviewTrigger()).title());
    };
  }

  /** 提醒完成整改. */
  @Bean
  public JavaDelegate remindCorrectiveActionDelegate() {
    return execution -> {
      AccountabilityReview r = review(execution);
      r.remind(clock.instant());
      reviews.save(r);
    };
  }

  /** 上报整改逾期. */
  @Bean
  public JavaDelegate flagCorrectiveActionOverdueDelegate() {
    return execution -> {
      AccountabilityReview r = review(execution);
      r.overdue(clock.instant());
      reviews.save(r);
    };
  }

  /** Recording the review, signing it off, completing the corrective action. */
  @Bean
  public TaskListener accountabilitySteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    AccountabilityReview r = review(task);
    Instant now = clock.instant();
    switch (task.getTaskDefinitionKey()) {
      case "Task_RecordAccountability" -> {
        String rootCause = form.requiredText("rootCause", "根本原因", 2000);
        String person = form.requiredText("responsiblePerson", "责任人", 100);
        String action = form.requiredText("correctiveAction", "整改措施", 2000);
        Instant due = form.requiredInstant("actionDueAt", "整改完成期限", calendar.zone());
        if (!due.isAfter(now)) {
          throw new FormInputException("actionDueAt", "「整改完成期限」必须晚于现在", "'actionDueAt' must lie in the future");
        }
        r.record(actor, rootCause, person, action, due, now);
        reviews.save(r);
        task.setVariable(Vars.ACTION_DUE_AT, Date.from(due));
        Duration window = calendar.workingTimeBetween(now, due);
        task.setVariable(Vars.ACTION_REMINDER_AT, Date.from(calendar.minusWorkingTime(due,
            window.compareTo(Duration.ofHours(8)) > 0 ? Duration.ofHours(8) : window.dividedBy(4))));
      }
      case "Task_SignOffAccountability" -> {
        String decision = form.requiredChoice(Vars.SIGN_OFF_DECISION, "签核意见", Set.of("APPROVE", "RETURN"));
        if ("APPROVE".equals(decision)) {
          r.signOff(actor, now);
          reviews.save(r);
        } else {
          form.requiredText("signOffNote", "意见", 1000);
        }
      }
      case "Task_CompleteCorrectiveAction" -> {
        r.complete(form.requiredText("completionNote", "整改完成情况", 2000), now);
        reviews.save(r);
      }
      default -> throw new IllegalStateException("no accountability step for task " + task.getTaskDefinitionKey());
    }
  }

  private AccountabilityReview review(VariableScope scope) {
    long id = ((Number) scope.getVariable(Vars.REVIEW_ID)).longValue();
    return reviews.findById(id).orElseThrow(() -> new IllegalStateException("no accountability review " + id));
  }

  private static Long longOrNull(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : ((Number) v).longValue();
  }
}
