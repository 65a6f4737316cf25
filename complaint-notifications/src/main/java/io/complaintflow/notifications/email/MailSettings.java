package io.complaintflow.notifications.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail as this platform sends it ({@code complaintflow.notifications.mail.*}). The server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, properties); without {@code spring.mail.host} email is held.
 *
 * @param from sender address, may carry a display name
 * @param messageIdDomain right-hand side of the Message-IDs (derived from the idempotency key, so a message sent
 *     twice has the same Message-ID)
 * @param connectTimeout SMTP connect time-out, used unless {@code spring.mail.properties.mail.smtp.connectiontimeout}
 *     is set (Jakarta Mail's default is to wait forever)
 * @param readTimeout SMTP read and write time-out, unless {@code mail.smtp.timeout}/{@code writetimeout} are set
 */
@ConfigurationProperties("complaintflow.notifications.mail")
record MailSettings(
    @DefaultValue("ComplaintFlow <noreply@complaintflow.local>") String from,
    @DefaultValue("complaintflow.local") String messageIdDomain,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {
}
