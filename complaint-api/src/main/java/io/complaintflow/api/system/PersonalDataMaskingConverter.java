package io.complaintflow.api.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m} with personal data masked ({@link PersonalDataMask}); {@code logback-spring.xml} puts it in place of
 * Logback's own {@code %m}, {@code %msg} and {@code %message}, so every log line of Spring Boot's default patterns goes
 * through it.
 */
public class PersonalDataMaskingConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalDataMask.mask(super.convert(event));
  }
}
