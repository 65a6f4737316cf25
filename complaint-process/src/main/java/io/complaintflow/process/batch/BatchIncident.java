package io.complaintflow.process.batch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Many complaints about the same product and category within a short time (批量投诉): one incident the responsible
 * department answers for, with a scripted answer for front-line staff; its complaints close together when it is
 * resolved.
 */
@Table
public class BatchIncident {

  @Id
  private Long id;
  private String incidentKey;
  private String openKey;
  private String productCode;
  private String productName;
  private String category;
  private String department;
  private Instant openedAt;
  private int complaintsAtOpening;
  private String cause;
  private String scriptedAnswer;
  private String resolution;
  private Instant closedAt;
  private String closedBy;

  protected BatchIncident() {
  }

  public static BatchIncident open(String key, String productCode, String productName, String category,
      String department, int complaints, Instant at) {
    BatchIncident i = new BatchIncident();
    i.incidentKey = key;
    i.openKey = key;
    i.productCode = productCode;
    i.productName = productName;
    i.category = category;
    i.department = department;
    i.complaintsAtOpening = complaints;
    i.openedAt = at;
    return i;
  }

  public void answer(String cause, String scriptedAnswer) {
    this.cause = cause;
    this.scriptedAnswer = scriptedAnswer;
  }

  public void resolve(String cause, String resolution) {
    this.cause = cause;
    this.resolution = resolution;
  }

  public void close(String by, Instant at) {
    this.openKey = null;
    this.closedBy = by;
    this.closedAt = at;
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  public Long getId() { return id; }
  public String getIncidentKey() { return incidentKey; }
  public String getProductCode() { return productCode; }
  public String getProductName() { return productName; }
  public String getCategory() { return category; }
  public String getDepartment() { return department; }
  public Instant getOpenedAt() { return openedAt; }
  public int getComplaintsAtOpening() { return complaintsAtOpening; }
  public String getCause() { return cause; }
  public String getScriptedAnswer() { return scriptedAnswer; }
  public String getResolution() { return resolution; }
  public Instant getClosedAt() { return closedAt; }
  public String getClosedBy() { return closedBy; }
}
