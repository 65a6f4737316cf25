package io.complaintflow.notifications.sms;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When no SMS goes out ({@code complaintflow.notifications.quiet-hours.*}), read in the business time zone
 * ({@code complaintflow.calendar.zone}). Urgent staff messages are the exception.
 *
 * @param start first quiet minute, {@code HH:mm}
 * @param end first minute SMS may go out again; before {@code start} means the quiet hours span midnight
 */
@ConfigurationProperties("complaintflow.notifications.quiet-hours")
public record QuietHoursSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("21:00") String start,
    @DefaultValue("08:00") String end) {

  public QuietHoursSettings {
    startTime(start);
    startTime(end);
  }

  LocalTime startTime() {
    return startTime(start);
  }

  LocalTime endTime() {
    return startTime(end);
  }

  private static LocalTime startTime(String hhmm) {
    try {
      return LocalTime.parse(hhmm.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("complaintflow.notifications.quiet-hours: '" + hhmm + "' is not HH:mm");
    }
  }
}
