package io.complaintflow.process.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.complaintflow.process.staff.StaffLevel;

/**
 * A customer complaint: what reports, the status API and the staff lists read. The handling process holds only
 * what it routes on; everything the customer told us and everything staff decided is here.
 *
 * <p>State changes go through the methods below, which keep the status consistent with the timestamps; each caller
 * records the matching {@link ComplaintEvent} through {@link ComplaintHistory}.
 */
@Table
public class Complaint {

  @Id
  private Long id;
  @Version
  private int version;

  private String ticket;
  private String trackingSalt;
  private String idempotencyKey;
  private String requestFingerprint;

  private ComplaintStatus status;
  private ClosureReason closureReason;

  private String customerName;
  private String customerPhone;
  private String customerEmail;
  private CustomerTier customerTier;
  private String customerLanguage;
  private ContactChannel customerContactChannel;
  private int taskPriority;

  private Channel channel;
  private String productCode;
  private String productName;
  private Instant occurredAt;
  private String description;
  private String desiredRemedy;

  private String facts;
  private String customerRequest;
  private String problemType;
  private String category;
  private String severity;
  private String department;

  private String receivedBy;
  private String owner;
  private String processInstanceId;

  private Instant receivedAt;
  private String firstResponseTarget;
  private String resolutionTarget;
  private Instant firstResponseDueAt;
  private Instant firstRespondedAt;
  private Instant resolutionDueAt;
  private Instant promisedReplyAt;
  private String delayReason;
  private Instant firstResponseWarnedAt;
  private Instant firstResponseBreachedAt;
  private Instant resolutionWarnedAt;
  private Instant resolutionBreachedAt;
  /** When the first-response warning is due; kept by {@code sla.SlaWarningSchedule} at every save. */
  private Instant firstResponseWarningDueAt;
  /** When the resolution warning is due; kept by {@code sla.SlaWarningSchedule} at every save. */
  private Instant resolutionWarningDueAt;
  private StaffLevel escalationLevel;
  private Instant slaPausedAt;
  private long slaPausedSeconds;
  private Instant linkageOverdueAt;

  private String remedyType;
  private BigDecimal remedyAmount;
  private String remedySummary;
  private String signedOffBy;
  private Instant resolvedAt;
  private Instant closedAt;
  private int reopenCount;
  private Long batchIncidentId;
  /** When the customer's personal data were erased on their request; they are not contacted any more. */
  private Instant anonymisedAt;

  protected Complaint() {
  }

  /** A complaint as it arrives through a channel, before any staff member has touched it. */
  public static Complaint received(String ticket, String trackingSalt, Customer customer, Channel channel,
      String productCode, String productName, Instant occurredAt, String description, String desiredRemedy,
      Instant receivedAt) {
    Complaint c = new Complaint();
    c.ticket = Objects.requireNonNull(ticket);
    c.trackingSalt = Objects.requireNonNull(trackingSalt);
    c.status = ComplaintStatus.RECEIVED;
    c.customerName = customer.name();
    c.customerPhone = customer.phone();
    c.customerEmail = customer.email();
    c.customerTier = customer.tier();
    c.customerLanguage = customer.language();
    c.customerContactChannel = customer.contactChannel();
    c.channel = channel;
    c.productCode = productCode;
    c.productName = productName;
    c.occurredAt = occurredAt;
    c.description = description;
    c.desiredRemedy = desiredRemedy;
    c.receivedAt = receivedAt;
    return c;
  }

  /**
   * Who complains and how to reach them.
   *
   * @param language {@code zh-CN} or {@code en}
   * @param contactChannel how they want to hear from us; its address (email or phone) is given
   */
  public record Customer(String name, String phone, String email, CustomerTier tier, String language,
      ContactChannel contactChannel) {
  }

  public void identifyRequest(String idempotencyKey, String requestFingerprint) {
    this.idempotencyKey = idempotencyKey;
    this.requestFingerprint = requestFingerprint;
  }

  /** How urgent the complaint's tasks are in Tasklist (intake routing: VIP green channel first). */
  public void prioritise(int taskPriority) {
    this.taskPriority = taskPriority;
  }

  public void receivedBy(String staffUserId) {
    this.receivedBy = staffUserId;
  }

  /**
   * Sets the service levels (working durations from the SLA policy) and when they fall due. The resolution target is
   * refined once the complaint is classified.
   */
  public void setSlaTargets(String firstResponseTarget, Instant firstResponseDueAt, String resolutionTarget,
      Instant resolutionDueAt) {
    this.firstResponseTarget = firstResponseTarget;
    this.firstResponseDueAt = firstResponseDueAt;
    this.resolutionTarget = resolutionTarget;
    this.resolutionDueAt = resolutionDueAt;
  }

  public void slaWarned(boolean firstResponse, Instant at) {
    if (firstResponse) {
      firstResponseWarnedAt = at;
    } else {
      resolutionWarnedAt = at;
    }
  }

  /**
   * When the SLA warnings fall due ({@code null}: none is waiting); derived from the clocks at every save by
   * {@code sla.SlaWarningSchedule}, for the sweep that gives them.
   */
  public void scheduleSlaWarnings(Instant firstResponseWarningDueAt, Instant resolutionWarningDueAt) {
    this.firstResponseWarningDueAt = firstResponseWarningDueAt;
    this.resolutionWarningDueAt = resolutionWarningDueAt;
  }

  public void slaBreached(boolean firstResponse, Instant at) {
    if (firstResponse) {
      firstResponseBreachedAt = at;
    } else {
      resolutionBreachedAt = at;
    }
  }

  /** Raises the escalation level; never lowers it. */
  public boolean escalateTo(StaffLevel level) {
    if (escalationLevel != null && !escalationLevel.isBelow(level)) {
      return false;
    }
    escalationLevel = level;
    return true;
  }

  public boolean isSlaPaused() {
    return slaPausedAt != null;
  }

  public void pauseSla(Instant at) {
    this.slaPausedAt = at;
  }

  /** Resumes the clocks: the open due times move by the paused working time. */
  public void resumeSla(long pausedSeconds, Instant firstResponseDueAt, Instant resolutionDueAt) {
    if (status == ComplaintStatus.AWAITING_CUSTOMER) {
      status = ComplaintStatus.IN_PROGRESS;
    }
    this.slaPausedAt = null;
    this.slaPausedSeconds += pausedSeconds;
    this.firstResponseDueAt = firstResponseDueAt;
    this.resolutionDueAt = resolutionDueAt;
  }

  public void flagLinkageOverdue(Instant at) {
    if (linkageOverdueAt == null) {
      linkageOverdueAt = at;
    }
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The first receiver registered the facts: they own the complaint from now on (首诉负责制). */
  public void register(String owner, String facts, String customerRequest, String problemType, Instant at) {
    this.owner = owner;
    this.facts = facts;
    this.customerRequest = customerRequest;
    this.problemType = problemType;
    if (this.firstRespondedAt == null) {
      this.firstRespondedAt = at;
    }
    this.status = ComplaintStatus.IN_PROGRESS;
  }

  /** Not solvable at first contact: the customer is told why and exactly when they will hear back. */
  public void promiseReply(String reason, Instant promisedAt) {
    this.delayReason = reason;
    this.promisedReplyAt = promisedAt;
  }

  public void classify(String category, String severity, String department, String resolutionTarget,
      Instant resolutionDueAt) {
    this.category = category;
    this.severity = severity;
    this.department = department;
    this.resolutionTarget = resolutionTarget;
    this.resolutionDueAt = resolutionDueAt;
  }

  public void escalate() {
    this.status = ComplaintStatus.ESCALATED;
  }

  public void backInProgress() {
    this.status = ComplaintStatus.IN_PROGRESS;
  }

  /** A remedy was drafted; it reaches the customer once it is within authority or approved. */
  public void draftRemedy(String type, BigDecimal amount, String summary) {
    this.remedyType = type;
    this.remedyAmount = amount;
    this.remedySummary = summary;
    this.status = ComplaintStatus.PENDING_APPROVAL;
  }

  /** The remedy is offered to the customer. */
  public void offerRemedy() {
    this.status = ComplaintStatus.REMEDY_PROPOSED;
  }

  /** The customer was asked for missing information. */
  public void awaitCustomer() {
    this.status = ComplaintStatus.AWAITING_CUSTOMER;
  }

  public void agreeRemedy() {
    this.status = ComplaintStatus.REMEDY_AGREED;
  }

  public void remedyCarriedOut(Instant at) {
    this.resolvedAt = at;
    this.status = ComplaintStatus.AWAITING_CONFIRMATION;
  }

  /** Its batch incident was resolved: the incident's resolution is the complaint's. */
  public void resolveWithBatch(String resolution, Instant at) {
    this.remedySummary = resolution;
    if (this.resolvedAt == null) {
      this.resolvedAt = at;
    }
  }

  public void signOff(String signedOffBy) {
    this.signedOffBy = signedOffBy;
  }

  public void close(ClosureReason reason, Instant at) {
    this.closureReason = reason;
    this.closedAt = at;
    this.status = ComplaintStatus.CLOSED;
  }

  /** One of many similar complaints: it belongs to a batch incident (批量投诉) and closes with it. */
  public void linkToBatch(long incidentId) {
    this.batchIncidentId = incidentId;
  }

  /** The customer was not satisfied after closure; the complaint goes back to its owner. */
  public void reopen(Instant resolutionDueAt) {
    this.status = ComplaintStatus.IN_PROGRESS;
    this.resolutionDueAt = resolutionDueAt;
    this.resolutionWarnedAt = null;
    this.resolutionBreachedAt = null;
    this.escalationLevel = null;
    this.slaPausedAt = null;
    this.closureReason = null;
    this.closedAt = null;
    this.resolvedAt = null;
    this.signedOffBy = null;
    this.reopenCount++;
  }

  public Long getId() { return id; }
  public int getVersion() { return version; }
  public String getTicket() { return ticket; }
  public String getTrackingSalt() { return trackingSalt; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public String getRequestFingerprint() { return requestFingerprint; }
  public ComplaintStatus getStatus() { return status; }
  public ClosureReason getClosureReason() { return closureReason; }
  public String getCustomerName() { return customerName; }
  public String getCustomerPhone() { return customerPhone; }
  public String getCustomerEmail() { return customerEmail; }
  public CustomerTier getCustomerTier() { return customerTier; }
  public String getCustomerLanguage() { return customerLanguage; }
  public ContactChannel getCustomerContactChannel() { return customerContactChannel; }
  public int getTaskPriority() { return taskPriority; }
  public Channel getChannel() { return channel; }
  public String getProductCode() { return productCode; }
  public String getProductName() { return productName; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getDescription() { return description; }
  public String getDesiredRemedy() { return desiredRemedy; }
  public String getFacts() { return facts; }
  public String getCustomerRequest() { return customerRequest; }
  public String getProblemType() { return problemType; }
  public String getCategory() { return category; }
  public String getSeverity() { return severity; }
  public String getDepartment() { return department; }
  public String getReceivedBy() { return receivedBy; }
  public String getOwner() { return owner; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getFirstResponseTarget() { return firstResponseTarget; }
  public String getResolutionTarget() { return resolutionTarget; }
  public Instant getFirstResponseDueAt() { return firstResponseDueAt; }
  public Instant getFirstRespondedAt() { return firstRespondedAt; }
  public Instant getResolutionDueAt() { return resolutionDueAt; }
  public Instant getPromisedReplyAt() { return promisedReplyAt; }
  public String getDelayReason() { return delayReason; }
  public Instant getFirstResponseWarnedAt() { return firstResponseWarnedAt; }
  public Instant getFirstResponseBreachedAt() { return firstResponseBreachedAt; }
  public Instant getResolutionWarnedAt() { return resolutionWarnedAt; }
  public Instant getFirstResponseWarningDueAt() { return firstResponseWarningDueAt; }
  public Instant getResolutionWarningDueAt() { return resolutionWarningDueAt; }
  public Instant getResolutionBreachedAt() { return resolutionBreachedAt; }
  public StaffLevel getEscalationLevel() { return escalationLevel; }
  public Instant getSlaPausedAt() { return slaPausedAt; }
  public long getSlaPausedSeconds() { return slaPausedSeconds; }
  public Instant getLinkageOverdueAt() { return linkageOverdueAt; }
  public String getRemedyType() { return remedyType; }
  public BigDecimal getRemedyAmount() { return remedyAmount; }
  public String getRemedySummary() { return remedySummary; }
  public String getSignedOffBy() { return signedOffBy; }
  public Instant getResolvedAt() { return resolvedAt; }
  public Instant getClosedAt() { return closedAt; }
  public int getReopenCount() { return reopenCount; }
  public Long getBatchIncidentId() { return batchIncidentId; }
  public Instant getAnonymisedAt() { return anonymisedAt; }
}
