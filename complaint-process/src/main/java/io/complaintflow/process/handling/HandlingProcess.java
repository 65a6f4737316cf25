package io.complaintflow.process.handling;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.complaintflow.process.complaint.Complaint;

/**
 * Names shared between {@code bpmn/complaint-handling.bpmn} and the Java code: the process key, its messages and
 * the process variables it routes on. Everything else about a complaint lives in the {@code complaint} table.
 */
public final class HandlingProcess {

  public static final String KEY = "ComplaintHandlingProcess";
  public static final String MSG_COMPLAINT_REOPENED = "Msg_ComplaintReopened";
  public static final String MSG_RESOLUTION_CONFIRMED = "Msg_ResolutionConfirmedByCustomer";
  /** Caught by {@code bpmn/customer-information.bpmn}, called from the handling process. */
  public static final String MSG_CUSTOMER_INFORMATION_RECEIVED = "Msg_CustomerInformationReceived";
  /** A batch incident the complaint belongs to was resolved: the complaint closes with it. */
  public static final String MSG_BATCH_INCIDENT_RESOLVED = "Msg_BatchIncidentResolved";

  /** Process variable names. */
  public static final class Vars {
    public static final String COMPLAINT_ID = "complaintId";
    public static final String TICKET = "ticket";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_PHONE = "customerPhone";
    public static final String CUSTOMER_TIER = "customerTier";
    public static final String CHANNEL = "channel";
    public static final String PRODUCT_NAME = "productName";
    public static final String DESCRIPTION = "description";
    public static final String DESIRED_REMEDY = "desiredRemedy";
    public static final String HANDLING_PLAN = "handlingPlan";
    public static final String REGISTRATION_GROUP = "registrationGroup";
    public static final String TASK_PRIORITY = "taskPriority";
    public static final String RECEIVED_BY = "receivedBy";
    public static final String FIRST_RESPONSE_DUE = "firstResponseDueAt";
    public static final String RESOLUTION_DUE = "resolutionDueAt";
    public static final String OWNER = "owner";
    public static final String REOPEN_REASON = "reopenReason";
    public static final String RESOLUTION_CONFIRMED = "resolutionConfirmed";
    public static final String DISPUTE_REASON = "disputeReason";
    public static final String CONFIRMATION_METHOD = "confirmationMethod";
    public static final String SIGNED_OFF_BY = "signedOffBy";
    public static final String CUSTOMER_INFORMATION = "customerInformation";
    public static final String ESCALATION_LEVEL = "escalationLevel";
    public static final String SLA_BREACHED = "slaBreached";
    public static final String BATCH_INCIDENT_ID = "batchIncidentId";
    public static final String BATCH_NOTICE = "batchNotice";
    public static final String SIMILAR_CASES = "similarCases";

    private Vars() {
    }
  }

  private HandlingProcess() {
  }

  /** What every instance of the handling process needs about its complaint, at start and at reopening. */
  public static Map<String, Object> variablesOf(Complaint c) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.COMPLAINT_ID, c.getId());
    v.put(Vars.TICKET, c.getTicket());
    v.put(Vars.CUSTOMER_NAME, c.getCustomerName());
    v.put(Vars.CUSTOMER_PHONE, c.getCustomerPhone());
    v.put(Vars.CUSTOMER_TIER, c.getCustomerTier().name());
    v.put(Vars.CHANNEL, c.getChannel().name());
    v.put(Vars.PRODUCT_NAME, c.getProductName());
    v.put(Vars.DESCRIPTION, c.getDescription());
    v.put(Vars.DESIRED_REMEDY, c.getDesiredRemedy());
    v.put(Vars.TASK_PRIORITY, c.getTaskPriority());
    v.put(Vars.RECEIVED_BY, c.getReceivedBy());
    v.put(Vars.OWNER, c.getOwner());
    v.put(Vars.FIRST_RESPONSE_DUE, c.getFirstResponseDueAt() == null ? null : Date.from(c.getFirstResponseDueAt()));
    v.put(Vars.RESOLUTION_DUE, c.getResolutionDueAt() == null ? null : Date.from(c.getResolutionDueAt()));
    return v;
  }
}
