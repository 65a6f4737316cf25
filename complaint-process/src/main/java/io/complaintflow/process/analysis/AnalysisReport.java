package io.complaintflow.process.analysis;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stored hot-spot analysis: the figures of a period as they were when it was generated (JSON, a list of
 * {@link Figure}), and the minutes of the joint meeting 联席会议 that discussed it.
 */
@Table
public class AnalysisReport {

  @Id
  private Long id;
  private Instant periodFrom;
  private Instant periodTo;
  private Instant generatedAt;
  private String generatedBy;
  private String figures;
  private String processInstanceId;
  private String meetingMinutes;
  private String meetingHeldBy;
  private Instant meetingHeldAt;

  protected AnalysisReport() {
  }

  public static AnalysisReport generated(Period period, Instant at, String by, String figuresJson) {
    AnalysisReport r = new AnalysisReport();
    r.periodFrom = period.from();
    r.periodTo = period.to();
    r.generatedAt = at;
    r.generatedBy = by;
    r.figures = figuresJson;
    return r;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void meetingHeld(String by, String minutes, Instant at) {
    this.meetingHeldBy = by;
    this.meetingMinutes = minutes;
    this.meetingHeldAt = at;
  }

  public Period period() {
    return new Period(periodFrom, periodTo);
  }

  public Long getId() { return id; }
  public Instant getPeriodFrom() { return periodFrom; }
  public Instant getPeriodTo() { return periodTo; }
  public Instant getGeneratedAt() { return generatedAt; }
  public String getGeneratedBy() { return generatedBy; }
  public String getFigures() { return figures; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getMeetingMinutes() { return meetingMinutes; }
  public String getMeetingHeldBy() { return meetingHeldBy; }
  public Instant getMeetingHeldAt() { return meetingHeldAt; }
}
