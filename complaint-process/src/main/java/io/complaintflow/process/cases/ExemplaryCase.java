package io.complaintflow.process.cases;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An exemplary case 典型案例 of the case library, written up as the manuals do (seed 001): what happened 事情经过, how it
 * was handled 处理, and the analysis and prevention 分析及预防. Nominated from a closed complaint, reviewed by a
 * supervisor; only approved cases are offered to handlers.
 */
@Table
public class ExemplaryCase {

  /** Where a nomination stands. */
  public enum Status {
    /** Waiting for a supervisor's review. */
    IN_REVIEW,
    /** Sent back to the nominator with a note. */
    REWORK,
    /** In the library. */
    APPROVED,
    /** Not taken into the library. */
    REJECTED
  }

  @Id
  private Long id;
  private long complaintId;
  private String title;
  private String category;
  private String productCode;
  private String productName;
  private String story;
  private String handling;
  private String analysis;
  private Status status;
  private String nominatedBy;
  private Instant nominatedAt;
  private String reviewedBy;
  private Instant reviewedAt;
  private String reviewNote;
  private String processInstanceId;

  protected ExemplaryCase() {
  }

  public static ExemplaryCase nominate(long complaintId, String category, String productCode, String productName,
      Text text, String by, Instant at) {
    ExemplaryCase c = new ExemplaryCase();
    c.complaintId = complaintId;
    c.category = category;
    c.productCode = productCode;
    c.productName = productName;
    c.write(text);
    c.status = Status.IN_REVIEW;
    c.nominatedBy = by;
    c.nominatedAt = at;
    return c;
  }

  /** The write-up: title, 事情经过, 处理, 分析及预防. */
  public record Text(String title, String story, String handling, String analysis) {
  }

  public Text text() {
    return new Text(title, story, handling, analysis);
  }

  /** The nominator reworked the text; it goes back to review. */
  public void rework(Text text) {
    write(text);
    status = Status.IN_REVIEW;
  }

  public void review(Status decision, String by, String note, Instant at) {
    status = decision;
    reviewedBy = by;
    reviewNote = note;
    reviewedAt = at;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private void write(Text text) {
    title = text.title();
    story = text.story();
    handling = text.handling();
    analysis = text.analysis();
  }

  public Long getId() { return id; }
  public long getComplaintId() { return complaintId; }
  public String getTitle() { return title; }
  public String getCategory() { return category; }
  public String getProductCode() { return productCode; }
  public String getProductName() { return productName; }
  public String getStory() { return story; }
  public String getHandling() { return handling; }
  public String getAnalysis() { return analysis; }
  public Status getStatus() { return status; }
  public String getNominatedBy() { return nominatedBy; }
  public Instant getNominatedAt() { return nominatedAt; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
  public String getReviewNote() { return reviewNote; }
  public String getProcessInstanceId() { return processInstanceId; }
}
