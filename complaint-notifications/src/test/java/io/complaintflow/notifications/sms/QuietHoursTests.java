package io.complaintflow.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.RecipientKind;
import io.complaintflow.process.calendar.EngineClock;

/** SMS quiet hours, 21:00–08:00 in Shanghai, on the engine clock; the JVM runs in UTC (see the Surefire setup). */
class QuietHoursTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final EngineClock CLOCK = new EngineClock(SHANGHAI);
  final QuietHours quietHours = new QuietHours(new QuietHoursSettings(true, "21:00", "08:00"), CLOCK);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anSmsToACustomerLateInTheEveningWaitsForEightOClockNextMorning() {
    Instant now = moveClockTo("2026-11-24T22:30");

    assertThat(sms(RecipientKind.CUSTOMER, false, now)).isEqualTo(shanghai("2026-11-25T08:00"));
    assertThat(sms(RecipientKind.CUSTOMER, true, now)).as("customers are never woken up, urgent or not")
        .isEqualTo(shanghai("2026-11-25T08:00"));
  }

  @Test
  void anSmsAfterMidnightWaitsForEightOClockTheSameMorning() {
    Instant now = moveClockTo("2026-11-25T03:15");

    assertThat(sms(RecipientKind.STAFF, false, now)).isEqualTo(shanghai("2026-11-25T08:00"));
  }

  @Test
  void quietHoursStartAtTheirFirstMinuteAndEndAtTheirLast() {
    assertThat(sms(RecipientKind.CUSTOMER, false, moveClockTo("2026-11-24T20:59"))).isEqualTo(CLOCK.instant());
    assertThat(sms(RecipientKind.CUSTOMER, false, moveClockTo("2026-11-24T21:00")))
        .isEqualTo(shanghai("2026-11-25T08:00"));
    assertThat(sms(RecipientKind.CUSTOMER, false, moveClockTo("2026-11-25T07:59")))
        .isEqualTo(shanghai("2026-11-25T08:00"));
    assertThat(sms(RecipientKind.CUSTOMER, false, moveClockTo("2026-11-25T08:00"))).isEqualTo(CLOCK.instant());
  }

  @Test
  void urgentStaffEscalationsAndOtherChannelsGoOutAtOnce() {
    Instant now = moveClockTo("2026-11-24T23:40");

    assertThat(sms(RecipientKind.STAFF, true, now)).isEqualTo(now);
    assertThat(quietHours.notBefore(DeliveryChannel.EMAIL, RecipientKind.CUSTOMER, false, now)).isEqualTo(now);
    assertThat(quietHours.notBefore(DeliveryChannel.WEBHOOK, RecipientKind.STAFF, false, now)).isEqualTo(now);
  }

  @Test
  void quietHoursWithinOneDayAndSwitchedOff() {
    QuietHours lunch = new QuietHours(new QuietHoursSettings(true, "12:00", "13:30"), CLOCK);
    QuietHours off = new QuietHours(new QuietHoursSettings(false, "21:00", "08:00"), CLOCK);
    Instant noon = moveClockTo("2026-11-24T12:10");

    assertThat(lunch.notBefore(DeliveryChannel.SMS, RecipientKind.CUSTOMER, false, noon))
        .isEqualTo(shanghai("2026-11-24T13:30"));
    assertThat(lunch.notBefore(DeliveryChannel.SMS, RecipientKind.CUSTOMER, false, moveClockTo("2026-11-24T22:00")))
        .isEqualTo(CLOCK.instant());
    assertThat(off.notBefore(DeliveryChannel.SMS, RecipientKind.CUSTOMER, false, moveClockTo("2026-11-24T23:00")))
        .isEqualTo(CLOCK.instant());
  }

  @Test
  void refusesATimeThatIsNotHoursAndMinutes() {
    assertThatThrownBy(() -> new QuietHoursSettings(true, "9pm", "08:00"))
        .hasMessageContaining("'9pm' is not HH:mm");
  }

  private Instant sms(RecipientKind kind, boolean urgent, Instant now) {
    return quietHours.notBefore(DeliveryChannel.SMS, kind, urgent, now);
  }

  /** Moves the engine clock to a Shanghai local time and returns the platform clock's now. */
  static Instant moveClockTo(String shanghaiLocal) {
    ClockUtil.setCurrentTime(Date.from(shanghai(shanghaiLocal)));
    return CLOCK.instant();
  }

  static Instant shanghai(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
  }
}
