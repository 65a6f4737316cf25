package io.complaintflow.process.handling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.complaint.ClosureReason;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.complaintflow.process.handling.CustomerActionRefusedException.Reason;
import io.complaintflow.process.sla.SlaClock;

/**
 * What a customer can do to their own complaint through the API: confirm (or dispute) the resolution, and reopen a
 * resolved complaint within the reopen period. Each records the step and moves the handling process on.
 */
@Service
@EnableConfigurationProperties(HandlingSettings.class)
public class CustomerActions {

  private final ComplaintHistory history;
  private final RuntimeService runtime;
  private final HandlingSettings settings;
  private final SlaClock slaClock;
  private final BusinessCalendar calendar;
  private final Clock clock;

  public CustomerActions(ComplaintHistory history, RuntimeService runtime, HandlingSettings settings, SlaClock slaClock,
      BusinessCalendar calendar, Clock clock) {
    this.history = history;
    this.runtime = runtime;
    this.settings = settings;
    this.slaClock = slaClock;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The customer confirms the remedy solved their problem (their sign-off), or says it did not. */
  @Transactional
  public Complaint confirmResolution(Complaint c, boolean resolved, String comment) {
    boolean waiting = c.getStatus() == ComplaintStatus.AWAITING_CONFIRMATION && runtime.createExecutionQuery()
        .processInstanceId(c.getProcessInstanceId())
        .messageEventSubscriptionName(HandlingProcess.MSG_RESOLUTION_CONFIRMED)
        .count() > 0;
    if (!waiting) {
      throw new CustomerActionRefusedException(Reason.NOT_AWAITING_CONFIRMATION,
          "complaint " + c.getTicket() + " is not waiting for the customer's confirmation (status " + c.getStatus() + ")");
    }
    Map<String, Object> variables;
    if (resolved) {
      c.signOff(c.getCustomerName());
      c = history.record(c, ComplaintEventType.RESOLUTION_CONFIRMED, ComplaintHistory.CUSTOMER, comment);
      variables = Map.of(HandlingProcess.Vars.RESOLUTION_CONFIRMED, true,
          HandlingProcess.Vars.SIGNED_OFF_BY, c.getCustomerName(),
          HandlingProcess.Vars.CONFIRMATION_METHOD, "ONLINE");
    } else {
      c.backInProgress();
      c = history.record(c, ComplaintEventType.RESOLUTION_DISPUTED, ComplaintHistory.CUSTOMER, comment);
      variables = Map.of(HandlingProcess.Vars.RESOLUTION_CONFIRMED, false,
          HandlingProcess.Vars.DISPUTE_REASON, comment == null ? "" : comment,
          HandlingProcess.Vars.CONFIRMATION_METHOD, "ONLINE");
    }
    runtime.createMessageCorrelation(HandlingProcess.MSG_RESOLUTION_CONFIRMED)
        .processInstanceId(c.getProcessInstanceId())
        .setVariables(variables)
        .correlate();
    // the process has moved on (and may have closed the complaint): answer with what it wrote
    return history.complaint(c.getId());
  }

  /** The customer answers the owner's request for missing information; the clocks run again. */
  @Transactional
  public Complaint provideInformation(Complaint c, String answer) {
    boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(c.getTicket())
        .messageEventSubscriptionName(HandlingProcess.MSG_CUSTOMER_INFORMATION_RECEIVED).count() > 0;
    if (!waiting) {
      throw new CustomerActionRefusedException(Reason.NOT_AWAITING_INFORMATION,
          "complaint " + c.getTicket() + " is not waiting for information from the customer");
    }
    history.record(c, ComplaintEventType.INFORMATION_RECEIVED, ComplaintHistory.CUSTOMER, answer);
    runtime.createMessageCorrelation(HandlingProcess.MSG_CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceBusinessKey(c.getTicket())
        .setVariable(HandlingProcess.Vars.CUSTOMER_INFORMATION, answer)
        .correlate();
    return history.complaint(c.getId());
  }

  /** Reopens a resolved complaint: it goes back to its owner, who investigates again. */
  @Transactional
  public Complaint reopen(Complaint c, String reason) {
    if (c.getStatus() != ComplaintStatus.CLOSED || c.getClosureReason() != ClosureReason.RESOLVED) {
      throw new CustomerActionRefusedException(Reason.NOT_CLOSED_AS_RESOLVED,
          "complaint " + c.getTicket() + " is not closed as resolved (status " + c.getStatus() + ")");
    }
    Instant deadline = reopenDeadline(c);
    if (clock.instant().isAfter(deadline)) {
      throw new CustomerActionRefusedException(Reason.REOPEN_PERIOD_OVER,
          "complaint " + c.getTicket() + " could be reopened until " + deadline);
    }
    return reopen(c, reason, ComplaintHistory.CUSTOMER);
  }

  /**
   * Reopens a closed complaint after an unsatisfied revisit (回访不满意): like the customer's own reopening, but not
   * bound to the reopen period, and recorded as the platform's doing.
   */
  @Transactional
  public Complaint reopenAfterRevisit(Complaint c, String reason) {
    if (c.getStatus() != ComplaintStatus.CLOSED) {
      throw new IllegalStateException("complaint " + c.getTicket() + " is not closed (status " + c.getStatus() + ")");
    }
    return reopen(c, reason, ComplaintHistory.SYSTEM);
  }

  private Complaint reopen(Complaint c, String reason, String actor) {
    c.reopen(calendar.plus(clock.instant(), c.getResolutionTarget()));
    Map<String, Object> variables = HandlingProcess.variablesOf(c);
    variables.put(HandlingProcess.Vars.REOPEN_REASON, reason);
    ProcessInstance instance = runtime.createMessageCorrelation(HandlingProcess.MSG_COMPLAINT_REOPENED)
        .processInstanceBusinessKey(c.getTicket())
        .setVariables(variables)
        .correlateStartMessage();
    c.attachProcess(instance.getId());
    c = history.record(c, ComplaintEventType.REOPENED, actor, reason);
    slaClock.restart(c);
    return c;
  }

  /** Until when a closed, resolved complaint may be reopened; {@code null} when it cannot be. */
  public Instant reopenDeadline(Complaint c) {
    if (c.getStatus() != ComplaintStatus.CLOSED || c.getClosureReason() != ClosureReason.RESOLVED) {
      return null;
    }
    return ZonedDateTime.ofInstant(c.getClosedAt(), clock.getZone()).plus(settings.reopenPeriod()).toInstant();
  }
}
