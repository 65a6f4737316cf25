package io.complaintflow.process.launch;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A launch review 新产品测评 (事前预防, seed 002 J.1): before a product or service launches, customer service reviews it
 * against past complaints on similar products, files improvement requests to the product department, and records the
 * handling plan 预案 that intake then shows to handlers.
 */
@Table
public class LaunchReview {

  /** Where a review stands. */
  public enum Status {
    /** Customer service reviews the product against past complaints. */
    IN_REVIEW,
    /** The product department answers the improvement requests. */
    AWAITING_PRODUCT_RESPONSE,
    /** Customer service writes the handling plan. */
    PLANNING,
    /** The plan is registered on the product. */
    COMPLETED
  }

  @Id
  private Long id;
  private Status status;
  private String productCode;
  private String productName;
  private String productLine;
  private String description;
  private LocalDate launchDate;
  private String submittedBy;
  private Instant submittedAt;
  private Integer pastComplaintCount;
  private String pastComplaints;
  private String findings;
  private String improvementRequests;
  private String reviewedBy;
  private String productResponse;
  private String respondedBy;
  private Instant responseRemindedAt;
  private String handlingPlan;
  private Instant completedAt;
  private String processInstanceId;

  protected LaunchReview() {
  }

  public static LaunchReview submit(String productCode, String productName, String productLine, String description,
      LocalDate launchDate, String by, Instant at) {
    LaunchReview r = new LaunchReview();
    r.status = Status.IN_REVIEW;
    r.productCode = productCode;
    r.productName = productName;
    r.productLine = productLine;
    r.description = description;
    r.launchDate = launchDate;
    r.submittedBy = by;
    r.submittedAt = at;
    return r;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void pastComplaintsFound(int count, String summary) {
    this.pastComplaintCount = count;
    this.pastComplaints = summary;
  }

  /** Customer service's findings; improvement requests (or none) go to the product department. */
  public void reviewed(String by, String findings, String improvementRequests) {
    this.reviewedBy = by;
    this.findings = findings;
    this.improvementRequests = improvementRequests;
    this.status = improvementRequests == null ? Status.PLANNING : Status.AWAITING_PRODUCT_RESPONSE;
  }

  public void responseReminded(Instant at) {
    this.responseRemindedAt = at;
  }

  public void responded(String by, String response) {
    this.respondedBy = by;
    this.productResponse = response;
    this.status = Status.PLANNING;
  }

  public void planned(String plan) {
    this.handlingPlan = plan;
  }

  public void complete(Instant at) {
    this.completedAt = at;
    this.status = Status.COMPLETED;
  }

  public Long getId() { return id; }
  public Status getStatus() { return status; }
  public String getProductCode() { return productCode; }
  public String getProductName() { return productName; }
  public String getProductLine() { return productLine; }
  public String getDescription() { return description; }
  public LocalDate getLaunchDate() { return launchDate; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
  public Integer getPastComplaintCount() { return pastComplaintCount; }
  public String getPastComplaints() { return pastComplaints; }
  public String getFindings() { return findings; }
  public String getImprovementRequests() { return improvementRequests; }
  public String getReviewedBy() { return reviewedBy; }
  public String getProductResponse() { return productResponse; }
  public String getRespondedBy() { return respondedBy; }
  public Instant getResponseRemindedAt() { return responseRemindedAt; }
  public String getHandlingPlan() { return handlingPlan; }
  public Instant getCompletedAt() { return completedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
}
