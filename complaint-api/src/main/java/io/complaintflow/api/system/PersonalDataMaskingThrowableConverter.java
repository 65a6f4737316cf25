package io.complaintflow.api.system;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Spring Boot's {@code %wEx} (the stack trace after a log line) with personal data masked: exception messages quote
 * what went wrong, an SMTP server's refusal the recipient's address, say.
 */
public class PersonalDataMaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return PersonalDataMask.mask(super.throwableProxyToString(tp));
  }
}
