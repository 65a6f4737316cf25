package io.complaintflow.process.linkage;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A department asked to reply on a complaint (联动机制): the question, the deadline in working time, the reply, and the
 * owner's rating of it. Reply on-time rate and satisfaction per department are computed from these.
 */
@Table
public class DepartmentInquiry {

  @Id
  private Long id;
  private long complaintId;
  private String department;
  private String departmentGroup;
  private String question;
  private String requestedBy;
  private Instant requestedAt;
  private Instant dueAt;
  private Instant remindedAt;
  private Instant overdueAt;
  private Instant repliedAt;
  private String repliedBy;
  private String reply;
  private Integer satisfaction;
  private String ratingComment;
  private String ratedBy;
  private Instant ratedAt;

  protected DepartmentInquiry() {
  }

  public static DepartmentInquiry open(long complaintId, String department, String departmentGroup, String question,
      String requestedBy, Instant requestedAt, Instant dueAt) {
    DepartmentInquiry i = new DepartmentInquiry();
    i.complaintId = complaintId;
    i.department = department;
    i.departmentGroup = departmentGroup;
    i.question = question;
    i.requestedBy = requestedBy;
    i.requestedAt = requestedAt;
    i.dueAt = dueAt;
    return i;
  }

  public void remind(Instant at) {
    remindedAt = at;
  }

  public void overdue(Instant at) {
    overdueAt = at;
  }

  public void reply(String by, String text, Instant at) {
    repliedBy = by;
    reply = text;
    repliedAt = at;
  }

  public void rate(String by, int satisfaction, String comment, Instant at) {
    ratedBy = by;
    this.satisfaction = satisfaction;
    ratingComment = comment;
    ratedAt = at;
  }

  public boolean repliedOnTime() {
    return repliedAt != null && !repliedAt.isAfter(dueAt);
  }

  public Long getId() { return id; }
  public long getComplaintId() { return complaintId; }
  public String getDepartment() { return department; }
  public String getDepartmentGroup() { return departmentGroup; }
  public String getQuestion() { return question; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getRequestedAt() { return requestedAt; }
  public Instant getDueAt() { return dueAt; }
  public Instant getRemindedAt() { return remindedAt; }
  public Instant getOverdueAt() { return overdueAt; }
  public Instant getRepliedAt() { return repliedAt; }
  public String getRepliedBy() { return repliedBy; }
  public String getReply() { return reply; }
  public Integer getSatisfaction() { return satisfaction; }
  public String getRatingComment() { return ratingComment; }
  public String getRatedBy() { return ratedBy; }
  public Instant getRatedAt() { return ratedAt; }
}
