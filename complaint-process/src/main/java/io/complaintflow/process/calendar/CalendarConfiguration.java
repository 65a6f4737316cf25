package io.complaintflow.process.calendar;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarSettings.class)
class CalendarConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  BusinessCalendar businessCalendar(CalendarSettings settings) {
    BusinessCalendar calendar = BusinessCalendar.from(settings);
    // the machine's date, only to know which year it is at start-up
    int year = LocalDate.now(calendar.zone()).getYear();
    for (int y : new int[] {year, year + 1}) {
      if (!calendar.coveredYears().contains(y)) {
        log.warn("complaintflow.calendar has no public holidays for {}: until they are added, only weekends count "
            + "as days off in {} (add the State Council's notice for {} to complaintflow.calendar.holidays and "
            + "make-up-working-days)", y, y, y);
      }
    }
    return calendar;
  }


  @Bean
  Clock clock(BusinessCalendar calendar) {
    return new EngineClock(calendar.zone());
  }
}
