package io.complaintflow.process.sla;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.complaint.Complaint;

/**
 * When a complaint's SLA warnings fall due: once {@code complaintflow.sla.warning-share} of a clock's working time is
 * used up. Whenever a complaint is saved its warning due times are derived again from its clocks, so that whatever
 * moved them (classification, waiting for the customer and going on, reopening, closure) the {@link SlaWarningSweep}
 * finds exactly the warnings that are due: none for a clock that was warned, met or closed, none while the clocks
 * stand still.
 */
@Component
public class SlaWarningSchedule implements BeforeConvertCallback<Complaint> {

  private final BusinessCalendar calendar;
  private final SlaSettings settings;

  public SlaWarningSchedule(BusinessCalendar calendar, SlaSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  @Override
  public Complaint onBeforeConvert(Complaint c) {
    boolean running = c.getClosedAt() == null && !c.isSlaPaused();
    c.scheduleSlaWarnings(
        running && c.getFirstRespondedAt() == null && c.getFirstResponseWarnedAt() == null
            ? firstResponseWarning(c) : null,
        running && c.getResolutionWarnedAt() == null ? resolutionWarning(c) : null);
    return c;
  }

  /** When the first-response clock warns, from its due time and target, whatever the complaint's state. */
  public Instant firstResponseWarning(Complaint c) {
    return warningBefore(c.getFirstResponseDueAt(), c.getFirstResponseTarget());
  }

  /** When the resolution clock warns, from its due time and target, whatever the complaint's state. */
  public Instant resolutionWarning(Complaint c) {
    return warningBefore(c.getResolutionDueAt(), c.getResolutionTarget());
  }

  private Instant warningBefore(Instant due, String target) {
    if (due == null || target == null) {
      return null;
    }
    Duration full = calendar.workingDuration(target);
    Duration lastPart = Duration.ofSeconds(Math.round(full.toSeconds() * (1 - settings.warningShare())));
    return calendar.minusWorkingTime(due, lastPart);
  }
}
