package io.complaintflow.process.linkage;

import static io.complaintflow.process.linkage.DepartmentLinkageProcess.Vars;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * The steps of {@code bpmn/department-linkage.bpmn} (联动机制): open an inquiry with a deadline in working time,
 * remind the department before it, flag the complaint when it passes, record the reply and the owner's rating.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkageSettings.class)
public class DepartmentInquiries {

  private final DepartmentInquiryRepository inquiries;
  private final ComplaintHistory history;
  private final BusinessCalendar calendar;
  private final LinkageSettings settings;
  private final Clock clock;

  public DepartmentInquiries(DepartmentInquiryRepository inquiries, ComplaintHistory history,
      BusinessCalendar calendar, LinkageSettings settings, Clock clock) {
    this.inquiries = inquiries;
    this.history = history;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
  }

  /** 登记部门问询: the inquiry, its reply deadline and reminder time in working time. */
  @Bean
  public JavaDelegate openInquiryDelegate() {
    return execution -> {
      Department department = Department.of((String) execution.getVariable(Vars.DEPARTMENT));
      Object hours = execution.getVariable(Vars.REPLY_WITHIN_HOURS);
      Duration window = hours == null ? settings.defaultReplyWithin()
          : Duration.ofMinutes(Math.round(Double.parseDouble(hours.toString()) * 60));
      Instant now = clock.instant();
      Instant due = calendar.addWorkingTime(now, window);
      Instant reminder = calendar.addWorkingTime(now,
          Duration.ofSeconds(Math.round(window.toSeconds() * settings.reminderShare())));
      Complaint c = complaint(execution);
      String question = (String) execution.getVariable(Vars.INQUIRY);
      DepartmentInquiry inquiry = inquiries.save(DepartmentInquiry.open(c.getId(), department.name(),
          department.group(), question, (String) execution.getVariable(Vars.OWNER), now, due));
      history.record(c, ComplaintEventType.DEPARTMENT_REPLY_REQUESTED, (String) execution.getVariable(Vars.OWNER),
          department.title() + ": " + question);
      execution.setVariable(Vars.INQUIRY_ID, inquiry.getId());
      execution.setVariable(Vars.DEPARTMENT_GROUP, department.group());
      execution.setVariable(Vars.DEPARTMENT_TITLE, department.title());
      execution.setVariable(Vars.REPLY_DUE_AT, Date.from(due));
      execution.setVariable(Vars.REPLY_REMINDER_AT, Date.from(reminder));
    };
  }

  /** 提醒部门按时回复. */
  @Bean
  public JavaDelegate remindDepartmentDelegate() {
    return execution -> {
      DepartmentInquiry inquiry = inquiry(execution);
      inquiry.remind(clock.instant());
      inquiries.save(inquiry);
    };
  }

  /** 标记逾期并告知部门负责人: the reply deadline passed; the complaint is flagged. */
  @Bean
  public JavaDelegate flagOverdueInquiryDelegate() {
    return execution -> {
      DepartmentInquiry inquiry = inquiry(execution);
      Instant now = clock.instant();
      inquiry.overdue(now);
      inquiries.save(inquiry);
      Complaint c = complaint(execution);
      c.flagLinkageOverdue(now);
      history.record(c, ComplaintEventType.DEPARTMENT_REPLY_OVERDUE, ComplaintHistory.SYSTEM,
          Department.of(inquiry.getDepartment()).title());
      // who is told: the department's head when configured, else the whole department
      execution.setVariable(Vars.DEPARTMENT_HEAD, settings.departmentHeads().get(inquiry.getDepartment()));
    };
  }

  /** The reply (答复投诉问询) and its rating (评价部门回复). */
  @Bean
  public TaskListener inquirySteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    DepartmentInquiry inquiry = inquiry(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReplyToInquiry" -> {
        String reply = form.requiredText(Vars.DEPARTMENT_REPLY, "部门答复", 4000);
        inquiry.reply(actor, reply, clock.instant());
        inquiries.save(inquiry);
        history.record(complaint(task), ComplaintEventType.DEPARTMENT_REPLIED, actor,
            Department.of(inquiry.getDepartment()).title() + (inquiry.repliedOnTime() ? "" : "(逾期)") + ": " + reply);
      }
      case "Task_RateDepartmentReply" -> {
        int satisfaction = satisfaction(task.getVariable(Vars.SATISFACTION));
        String comment = form.text(Vars.RATING_COMMENT, "评价说明", 1000);
        inquiry.rate(actor, satisfaction, comment, clock.instant());
        inquiries.save(inquiry);
        history.record(complaint(task), ComplaintEventType.DEPARTMENT_REPLY_RATED, actor,
            Department.of(inquiry.getDepartment()).title() + ": " + satisfaction + "/5");
      }
      default -> throw new IllegalStateException("no inquiry step for task " + task.getTaskDefinitionKey());
    }
  }

  private static int satisfaction(Object value) {
    try {
      int s = value == null ? 0 : (int) Math.round(Double.parseDouble(value.toString()));
      if (s >= 1 && s <= 5) {
        return s;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new FormInputException(Vars.SATISFACTION, "「回复满意度」须为 1 到 5 分", "'" + Vars.SATISFACTION
        + "' must be a score from 1 to 5");
  }

  private DepartmentInquiry inquiry(VariableScope scope) {
    long id = ((Number) scope.getVariable(Vars.INQUIRY_ID)).longValue();
    return inquiries.findById(id).orElseThrow(() -> new IllegalStateException("no department inquiry " + id));
  }

  private Complaint complaint(VariableScope scope) {
    return history.complaint(((Number) scope.getVariable(Vars.COMPLAINT_ID)).longValue());
  }
}
