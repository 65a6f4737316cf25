package io.complaintflow.api.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEvent;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.complaintflow.process.handling.CustomerActions;
import io.complaintflow.process.sla.SlaClock;
import io.complaintflow.process.sla.SlaState;

/** What the customer sees of their complaint, in their language. */
@Component
public class ComplaintViews {

  private final MessageSource messages;
  private final ComplaintHistory history;
  private final CustomerActions customerActions;
  private final SlaClock slaClock;

  public ComplaintViews(MessageSource messages, ComplaintHistory history, CustomerActions customerActions,
      SlaClock slaClock) {
    this.messages = messages;
    this.history = history;
    this.customerActions = customerActions;
    this.slaClock = slaClock;
  }

  /** The status of a complaint as its customer follows it. */
  public record StatusView(String ticket, String status, String statusText, String product, Instant receivedAt,
      Instant firstResponseDueAt, Instant firstRespondedAt, Instant resolutionDueAt, PromisedReply promisedReply,
      Remedy remedy, Instant closedAt, String closureReason, Instant reopenableUntil, CustomerSla sla,
      List<HistoryEntry> history) {
  }

  /** What the customer sees of the service levels: when, and whether we are waiting for them. */
  public record CustomerSla(Instant firstResponseDueAt, String firstResponseStatus, Instant resolutionDueAt,
      String resolutionStatus, boolean waitingForYou) {
  }

  /** When the customer will hear back, and why it could not be solved at once. */
  public record PromisedReply(Instant at, String reason) {
  }

  public record Remedy(String type, String typeText, BigDecimal amount, String description) {
  }

  public record HistoryEntry(Instant at, String type, String text, String detail) {
  }

  public StatusView forCustomer(Complaint c, Locale locale) {
    List<HistoryEntry> entries = history.customerVisible(c.getId()).stream()
        .map(e -> entry(e, locale, e.type().detailForCustomer()))
        .toList();
    return new StatusView(c.getTicket(), c.getStatus().name(), text("status." + c.getStatus(), locale),
        c.getProductName(), c.getReceivedAt(), c.getFirstResponseDueAt(), c.getFirstRespondedAt(),
        c.getResolutionDueAt(),
        c.getPromisedReplyAt() == null ? null : new PromisedReply(c.getPromisedReplyAt(), c.getDelayReason()),
        remedy(c, locale), c.getClosedAt(), c.getClosureReason() == null ? null : c.getClosureReason().name(),
        customerActions.reopenDeadline(c), customerSla(c), entries);
  }

  private CustomerSla customerSla(Complaint c) {
    SlaState sla = slaClock.state(c);
    return new CustomerSla(sla.firstResponse().dueAt(), sla.firstResponse().status().name(),
        sla.resolution().dueAt(), sla.resolution().status().name(), c.getStatus() == ComplaintStatus.AWAITING_CUSTOMER);
  }

  public Remedy remedy(Complaint c, Locale locale) {
    if (c.getRemedyType() == null) {
      return null;
    }
    return new Remedy(c.getRemedyType(), text("remedy." + c.getRemedyType(), locale), c.getRemedyAmount(),
        c.getRemedySummary());
  }

  public HistoryEntry entry(ComplaintEvent e, Locale locale, boolean withDetail) {
    return new HistoryEntry(e.occurredAt(), e.type().name(), text("event." + e.type(), locale),
        withDetail ? e.detail() : null);
  }

  public String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
