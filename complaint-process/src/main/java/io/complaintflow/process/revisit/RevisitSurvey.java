package io.complaintflow.process.revisit;

import java.time.Instant;
import java.util.stream.IntStream;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One revisit of a closed complaint and the customer's answer on the four points of seed 002 J.3 (投诉渠道方便程度、
 * 人员服务态度和能力、投诉处理时间、投诉处理效果), each 1–5. A survey sent to the customer carries the hash of its
 * single-use token; a revisit by staff has none.
 */
@Table
public class RevisitSurvey {

  @Id
  private Long id;
  private Long complaintId;
  private String method;
  private String tokenHash;
  private Instant openedAt;
  private Instant expiresAt;
  private Instant answeredAt;
  private String answeredBy;
  private Boolean reached;
  private Integer channelEase;
  private Integer staffAttitude;
  private Integer handlingTime;
  private Integer handlingResult;
  private String comment;
  private Boolean satisfied;

  protected RevisitSurvey() {
  }

  /** A survey sent to the customer, to be answered through its token before {@code expiresAt}. */
  public static RevisitSurvey sent(long complaintId, String tokenHash, Instant at, Instant expiresAt) {
    RevisitSurvey s = new RevisitSurvey();
    s.complaintId = complaintId;
    s.method = RevisitMethod.SURVEY.name();
    s.tokenHash = tokenHash;
    s.openedAt = at;
    s.expiresAt = expiresAt;
    return s;
  }

  /** A revisit made by staff (phone, visit, letter), answered or not reached. */
  public static RevisitSurvey byStaff(long complaintId, RevisitMethod method, String by, boolean reached, Scores scores,
      String comment, Instant at) {
    RevisitSurvey s = new RevisitSurvey();
    s.complaintId = complaintId;
    s.method = method.name();
    s.openedAt = at;
    s.answeredAt = at;
    s.answeredBy = by;
    s.reached = reached;
    if (reached) {
      s.score(scores, comment);
    }
    return s;
  }

  private void score(Scores scores, String comment) {
    this.channelEase = scores.channelEase();
    this.staffAttitude = scores.staffAttitude();
    this.handlingTime = scores.handlingTime();
    this.handlingResult = scores.handlingResult();
    this.comment = comment;
  }

  public void judge(boolean satisfied) {
    this.satisfied = satisfied;
  }

  /** The four scores; {@code null} when the customer was not reached. */
  public Scores scores() {
    return channelEase == null ? null : new Scores(channelEase, staffAttitude, handlingTime, handlingResult);
  }

  public boolean isExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** The customer's scores (1–5) on the four points of seed 002 J.3. */
  public record Scores(int channelEase, int staffAttitude, int handlingTime, int handlingResult) {

    public int lowest() {
      return IntStream.of(channelEase, staffAttitude, handlingTime, handlingResult).min().orElseThrow();
    }

    /** As staff read it (zh-CN). */
    public String describe() {
      return "投诉渠道 " + channelEase + " 分,服务态度和能力 " + staffAttitude + " 分,处理时间 " + handlingTime
          + " 分,处理结果 " + handlingResult + " 分";
    }
  }

  public Long getId() { return id; }
  public Long getComplaintId() { return complaintId; }
  public String getMethod() { return method; }
  public String getTokenHash() { return tokenHash; }
  public Instant getOpenedAt() { return openedAt; }
  public Instant getExpiresAt() { return expiresAt; }
  public Instant getAnsweredAt() { return answeredAt; }
  public String getAnsweredBy() { return answeredBy; }
  public Boolean getReached() { return reached; }
  public String getComment() { return comment; }
  public Boolean getSatisfied() { return satisfied; }
}
