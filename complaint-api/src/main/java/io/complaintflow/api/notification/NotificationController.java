package io.complaintflow.api.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.notifications.outbox.NotificationOutbox;
import io.complaintflow.notifications.outbox.OutboxMessage;
import io.complaintflow.notifications.outbox.OutboxStatus;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The notification outbox for operators (supervisors, managers, directors, administrators): what was sent, what waits,
 * what failed for good (dead letters, {@code status=DEAD}) or is held for a channel that is not configured
 * ({@code status=HELD}); and a retry by hand.
 */
@RestController
@RequestMapping(path = "/api/staff/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('supervisors','managers','directors','camunda-admin')")
@Tag(name = "notifications", description = "通知发件箱与失败重发 / Notification outbox and dead letters")
@SecurityRequirement(name = "staff")
class NotificationController {

  private final NotificationOutbox outbox;
  private final ComplaintRepository complaints;

  NotificationController(NotificationOutbox outbox, ComplaintRepository complaints) {
    this.outbox = outbox;
    this.complaints = complaints;
  }

  record NotificationView(long id, String key, String template, String channel, String recipientKind,
      String recipientId, String address, String language, boolean urgent, String ticket, String subject,
      String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String claimedBy,
      String lastError) {

    static NotificationView of(OutboxMessage m) {
      return new NotificationView(m.id(), m.key(), m.template(), m.channel().name(), m.recipientKind().name(),
          m.recipientId(), m.address(), m.language(), m.urgent(), m.ticket(), m.subject(), m.status().name(),
          m.attempts(), m.createdAt(), m.status() == OutboxStatus.SENT ? null : m.nextAttemptAt(), m.sentAt(),
          m.claimedBy(), m.lastError());
    }
  }

  record PageMeta(int number, int size, long totalElements, int totalPages) {
  }

  record NotificationPage(List<NotificationView> content, PageMeta page) {
  }

  @Operation(summary = "查询通知 / List notifications",
      description = "Newest first. status: PENDING, SENDING, SENT, HELD (channel not configured) or DEAD (failed for "
          + "good); complaint: a ticket number.")
  @GetMapping
  NotificationPage list(@RequestParam(required = false) OutboxStatus status,
      @RequestParam(required = false) @Size(max = 32) String complaint,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "{validation.page}") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "{validation.size}") @Max(value = 200, message = "{validation.size}") int size) {
    Long complaintId = null;
    if (complaint != null && !complaint.isBlank()) {
      complaintId = complaints.findByTicket(complaint.strip()).orElseThrow(() -> ApiException.field(
          HttpStatus.NOT_FOUND, "complaint-not-found", "complaint", "problem.ticket.unknown", complaint)).getId();
    }
    NotificationOutbox.Page result = outbox.find(status, complaintId, page, size);
    int totalPages = (int) ((result.totalElements() + size - 1) / size);
    return new NotificationPage(result.content().stream().map(NotificationView::of).toList(),
        new PageMeta(page, size, result.totalElements(), totalPages));
  }

  @Operation(summary = "手动重发 / Retry a notification",
      description = "A dead (DEAD) or held (HELD) notification is due again at once, with a fresh set of attempts.")
  @PostMapping("/{id}/retry")
  NotificationView retry(@PathVariable long id) {
    try {
      return NotificationView.of(outbox.retry(id).orElseThrow(() -> ApiException.field(HttpStatus.NOT_FOUND,
          "notification-not-found", "id", "problem.notification.unknown", String.valueOf(id))));
    } catch (NotificationOutbox.NotRetryableException e) {
      throw ApiException.field(HttpStatus.CONFLICT, "notification-not-retryable", "id",
          "problem.notification.notRetryable", String.valueOf(id), e.message().status().name());
    }
  }
}
