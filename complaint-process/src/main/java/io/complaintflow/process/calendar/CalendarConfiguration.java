package io.complaintflow.process.calendar;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarSettings.class)
class CalendarConfiguration {

  @Bean
  BusinessCalendar businessCalendar(CalendarSettings settings) {
    return BusinessCalendar.from(settings);
  }

  @Bean
  Clock clock(BusinessCalendar calendar) {
    return new EngineClock(calendar.zone());
  }
}
