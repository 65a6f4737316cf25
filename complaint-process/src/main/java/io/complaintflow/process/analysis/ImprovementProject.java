package io.complaintflow.process.analysis;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An improvement project 攻关项目 the joint meeting decided on: a department works on a hot spot until a due date and
 * reports the result; it is reminded before the date and the managers are brought in when it passes.
 */
@Table
public class ImprovementProject {

  /** Where a project stands. */
  public enum State { OPEN, OVERDUE, COMPLETED }

  @Id
  private Long id;
  private long reportId;
  private String title;
  private String goal;
  private String department;
  private Instant dueAt;
  private Instant openedAt;
  private Instant remindedAt;
  private Instant overdueAt;
  private Instant completedAt;
  private String completedBy;
  private String result;
  private String supervisionNote;

  protected ImprovementProject() {
  }

  public static ImprovementProject open(long reportId, String title, String goal, String department, Instant dueAt,
      Instant at) {
    ImprovementProject p = new ImprovementProject();
    p.reportId = reportId;
    p.title = title;
    p.goal = goal;
    p.department = department;
    p.dueAt = dueAt;
    p.openedAt = at;
    return p;
  }

  public void remind(Instant at) {
    remindedAt = at;
  }

  public void overdue(Instant at) {
    overdueAt = at;
  }

  public void complete(String by, String result, Instant at) {
    completedBy = by;
    this.result = result;
    completedAt = at;
  }

  public void supervise(String note) {
    supervisionNote = note;
  }

  public State state() {
    if (completedAt != null) {
      return State.COMPLETED;
    }
    return overdueAt != null ? State.OVERDUE : State.OPEN;
  }

  public Long getId() { return id; }
  public long getReportId() { return reportId; }
  public String getTitle() { return title; }
  public String getGoal() { return goal; }
  public String getDepartment() { return department; }
  public Instant getDueAt() { return dueAt; }
  public Instant getOpenedAt() { return openedAt; }
  public Instant getRemindedAt() { return remindedAt; }
  public Instant getOverdueAt() { return overdueAt; }
  public Instant getCompletedAt() { return completedAt; }
  public String getCompletedBy() { return completedBy; }
  public String getResult() { return result; }
  public String getSupervisionNote() { return supervisionNote; }
}
