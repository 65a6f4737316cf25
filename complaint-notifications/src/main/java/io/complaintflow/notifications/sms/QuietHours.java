package io.complaintflow.notifications.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.DeliveryWindow;
import io.complaintflow.notifications.outbox.RecipientKind;

/**
 * SMS quiet hours (e.g. 21:00–08:00 in the business time zone): an SMS that would go out then waits for their end.
 * Applied when a message is enqueued and again when it is about to be sent (a retry may fall into them). Urgent
 * staff messages (escalations, breaches) are sent at any hour; customers are never woken up.
 */
@Component
@EnableConfigurationProperties(QuietHoursSettings.class)
public class QuietHours implements DeliveryWindow {

  private final boolean enabled;
  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;

  /** @param clock the platform clock; its zone is the business time zone ({@code complaintflow.calendar.zone}) */
  public QuietHours(QuietHoursSettings settings, Clock clock) {
    this.enabled = settings.enabled() && !settings.startTime().equals(settings.endTime());
    this.start = settings.startTime();
    this.end = settings.endTime();
    this.zone = clock.getZone();
  }

  @Override
  public Instant notBefore(DeliveryChannel channel, RecipientKind kind, boolean urgent, Instant now) {
    if (!enabled || channel != DeliveryChannel.SMS || urgent && kind == RecipientKind.STAFF) {
      return now;
    }
    ZonedDateTime t = now.atZone(zone);
    if (!isQuiet(t.toLocalTime())) {
      return now;
    }
    ZonedDateTime endToday = t.toLocalDate().atTime(end).atZone(zone);
    return (endToday.isAfter(t) ? endToday : t.toLocalDate().plusDays(1).atTime(end).atZone(zone)).toInstant();
  }

  boolean isQuiet(LocalTime time) {
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }
}
