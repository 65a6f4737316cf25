package io.complaintflow.process.analysis;

import static io.complaintflow.process.analysis.HotSpotAnalysisProcess.Vars;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.forms.FormInputException;
import io.complaintflow.process.staff.Department;

/**
 * The steps of {@code bpmn/hot-spot-analysis.bpmn} (分析机制, seed 002 J.3): generate the report, record the joint
 * meeting 联席会议 and the improvement projects 攻关项目 it decides, and follow each project to its result.
 */
@Configuration(proxyBeanMethods = false)
public class HotSpotAnalysisSteps {

  private final AnalysisReports reports;
  private final ImprovementProjectRepository projects;
  private final AnalysisSettings settings;
  private final Clock clock;

  public HotSpotAnalysisSteps(AnalysisReports reports, ImprovementProjectRepository projects, AnalysisSettings settings,
      Clock clock) {
    this.reports = reports;
    this.projects = projects;
    this.settings = settings;
    this.clock = clock;
  }

  /** 生成热点分析报告: the requested period, or the last calendar month for the monthly run. */
  @Bean
  public JavaDelegate generateAnalysisReportDelegate() {
    return execution -> {
      Object from = execution.getVariable(Vars.PERIOD_FROM);
      Object to = execution.getVariable(Vars.PERIOD_TO);
      Period period = from == null || to == null ? reports.defaultPeriod()
          : new Period(Instant.parse(from.toString()), Instant.parse(to.toString()));
      Object by = execution.getVariable(Vars.REQUESTED_BY);
      AnalysisReport report = reports.generate(period, by == null ? AnalysisReports.SCHEDULE : by.toString());
      report.attachProcess(execution.getProcessInstanceId());
      reports.save(report);
      execution.setVariable(Vars.REPORT_ID, report.getId());
      execution.setVariable(Vars.PERIOD_TEXT, reports.periodText(period));
      execution.setVariable(Vars.REPORT_SUMMARY, reports.summary(report));
    };
  }

  /** 登记攻关项目: what the project's steps show and when its timers fire. */
  @Bean
  public JavaDelegate openProjectDelegate() {
    return execution -> {
      ImprovementProject p = project(execution);
      Instant reminder = p.getDueAt().minus(settings.projectReminderBefore());
      Instant now = clock.instant();
      execution.setVariableLocal(Vars.PROJECT_TITLE, p.getTitle());
      execution.setVariableLocal(Vars.PROJECT_GOAL, p.getGoal());
      execution.setVariableLocal(Vars.PROJECT_DEPARTMENT, p.getDepartment());
      execution.setVariableLocal(Vars.PROJECT_DEPARTMENT_TITLE, Department.of(p.getDepartment()).title());
      execution.setVariableLocal(Vars.PROJECT_DUE_AT, Date.from(p.getDueAt()));
      execution.setVariableLocal(Vars.PROJECT_REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder));
    };
  }

  /** 提醒部门完成攻关项目. */
  @Bean
  public JavaDelegate remindProjectDepartmentDelegate() {
    return execution -> {
      ImprovementProject p = project(execution);
      p.remind(clock.instant());
      projects.save(p);
    };
  }

  /** 标记攻关项目逾期. */
  @Bean
  public JavaDelegate flagOverdueProjectDelegate() {
    return execution -> {
      ImprovementProject p = project(execution);
      p.overdue(clock.instant());
      projects.save(p);
    };
  }

  /** 召开联席会议 (managers), 汇报攻关结果 (the department) and 督办逾期攻关项目 (managers). */
  @Bean
  public TaskListener analysisSteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_HoldJointMeeting" -> holdMeeting(task, form, actor);
      case "Task_ReportProjectResult" -> {
        String result = form.requiredText(Vars.PROJECT_RESULT, "攻关结果", 2000);
        ImprovementProject p = project(task);
        p.complete(actor, result, clock.instant());
        projects.save(p);
      }
      case "Task_SuperviseOverdueProject" -> {
        String note = form.requiredText(Vars.SUPERVISION_NOTE, "督办意见", 2000);
        ImprovementProject p = project(task);
        p.supervise(note);
        projects.save(p);
      }
      default -> throw new IllegalStateException("no analysis step for task " + task.getTaskDefinitionKey());
    }
  }

  /** The minutes, and a project for every filled row of the form; a half-filled row is refused. */
  private void holdMeeting(DelegateTask task, FormInput form, String actor) {
    String minutes = form.requiredText(Vars.MEETING_MINUTES, "会议纪要", 4000);
    long reportId = ((Number) task.getVariable(Vars.REPORT_ID)).longValue();
    Instant now = clock.instant();
    List<ImprovementProject> decided = new ArrayList<>();
    for (int row = 1; row <= HotSpotAnalysisProcess.PROJECT_ROWS; row++) {
      String prefix = Vars.PROJECT_PREFIX + row;
      String title = form.text(prefix + "Title", "项目 " + row + " 名称", 200);
      String goal = form.text(prefix + "Goal", "项目 " + row + " 目标", 2000);
      String department = form.text(prefix + "Department", "项目 " + row + " 负责部门", 32);
      Object due = task.getVariable(prefix + "DueDate");
      boolean anyDue = due != null && !due.toString().isBlank();
      if (title == null && goal == null && department == null && !anyDue) {
        continue;
      }
      form.requiredText(prefix + "Title", "项目 " + row + " 名称", 200);
      form.requiredText(prefix + "Goal", "项目 " + row + " 目标", 2000);
      form.requiredChoice(prefix + "Department", "项目 " + row + " 负责部门",
          Arrays.stream(Department.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet()));
      Instant dueAt = dueDate(prefix + "DueDate", "项目 " + row + " 完成日期", due, now);
      decided.add(ImprovementProject.open(reportId, title, goal, department, dueAt, now));
    }
    AnalysisReport report = reports.report(reportId);
    report.meetingHeld(actor, minutes, now);
    reports.save(report);
    List<Long> ids = new ArrayList<>();
    projects.saveAll(decided).forEach(p -> ids.add(p.getId()));
    task.getExecution().getProcessInstance().setVariable(Vars.PROJECT_IDS, ids);
    task.getExecution().getProcessInstance().setVariable(Vars.PROJECT_COUNT, ids.size());
  }

  /** A date (yyyy-MM-dd, from a form-js date field): the project is due by the end of that day. */
  private Instant dueDate(String key, String label, Object value, Instant now) {
    if (value == null || value.toString().isBlank()) {
      throw new FormInputException(key, "「" + label + "」为必填项", "'" + key + "' is required");
    }
    String text = value.toString().strip();
    LocalDate date;
    try {
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new FormInputException(key, "「" + label + "」不是有效日期:" + text, "'" + key + "' is not a date: " + text);
    }
    Instant due = date.plusDays(1).atStartOfDay(reports.zone()).toInstant();
    if (!due.isAfter(now)) {
      throw new FormInputException(key, "「" + label + "」须晚于今天", "'" + key + "' must lie in the future");
    }
    return due;
  }

  private ImprovementProject project(VariableScope scope) {
    long id = ((Number) scope.getVariable(Vars.PROJECT_ID)).longValue();
    return projects.findById(id).orElseThrow(() -> new IllegalStateException("no improvement project " + id));
  }
}
