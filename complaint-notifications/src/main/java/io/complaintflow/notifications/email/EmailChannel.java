package io.complaintflow.notifications.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.ChannelSender;
import io.complaintflow.notifications.outbox.DeliveryException;
import io.complaintflow.notifications.outbox.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends mail through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}): multipart/alternative with
 * a plain-text and an HTML part, UTF-8. Headers: a Message-ID derived from the idempotency key, the key itself in
 * {@value #KEY_HEADER}, the ticket in {@value #TICKET_HEADER}, {@code Content-Language}, and
 * {@code Auto-Submitted: auto-generated} (RFC 3834) so that auto-responders stay quiet.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
class EmailChannel implements ChannelSender {

  static final String KEY_HEADER = "X-Idempotency-Key";
  static final String TICKET_HEADER = "X-ComplaintFlow-Ticket";

  private final JavaMailSender sender;
  private final MailSettings settings;

  EmailChannel(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
    this.sender = sender.getIfAvailable();
    this.settings = settings;
    if (this.sender instanceof JavaMailSenderImpl impl) {
      Properties p = impl.getJavaMailProperties();
      p.putIfAbsent("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
      p.putIfAbsent("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
      p.putIfAbsent("mail.smtp.writetimeout", String.valueOf(settings.readTimeout().toMillis()));
    }
  }

  @Override
  public DeliveryChannel channel() {
    return DeliveryChannel.EMAIL;
  }

  @Override
  public boolean configured() {
    return sender != null;
  }

  @Override
  public String notConfiguredReason() {
    return "spring.mail.host is not set";
  }

  @Override
  public void deliver(OutboxMessage m) throws DeliveryException {
    MimeMessage mail;
    try {
      mail = prepare(m);
    } catch (MessagingException e) {
      throw DeliveryException.permanent("cannot build the mail for " + m.address() + ": " + e.getMessage(), e);
    }
    try {
      sender.send(mail);
    } catch (MailParseException | MailPreparationException e) {
      throw DeliveryException.permanent(e.getMessage(), e);
    } catch (MailAuthenticationException e) {
      throw DeliveryException.retryable("mail server refused the credentials: " + e.getMessage(), e);
    } catch (MailSendException e) {
      throw classify(e);
    } catch (MailException e) {
      throw DeliveryException.retryable(e.getMessage(), e);
    }
  }

  MimeMessage prepare(OutboxMessage m) throws MessagingException {
    MimeMessage mail = new KeyedMimeMessage(session(), messageId(m.key()));
    MimeMessageHelper helper = new MimeMessageHelper(mail, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
        StandardCharsets.UTF_8.name());
    helper.setFrom(settings.from());
    helper.setTo(m.address());
    helper.setSubject(m.subject());
    if (m.html() != null) {
      helper.setText(m.text(), m.html());
    } else {
      helper.setText(m.text());
    }
    mail.setHeader(KEY_HEADER, m.key());
    if (m.ticket() != null) {
      mail.setHeader(TICKET_HEADER, m.ticket());
    }
    mail.setHeader("Content-Language", m.language());
    mail.setHeader("Auto-Submitted", "auto-generated");
    return mail;
  }

  private Session session() {
    return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  /** {@code <hex of SHA-256(key), 32 digits>@<domain>}: the same key always gives the same Message-ID. */
  String messageId(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + settings.messageIdDomain() + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server refused some recipients (5xx for the address: permanent) or could not be reached (retryable). */
  private static DeliveryException classify(MailSendException e) {
    for (Exception failure : e.getFailedMessages().values()) {
      if (failure instanceof AddressException
          || failure instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
              && sfe.getInvalidAddresses().length > 0) {
        return DeliveryException.permanent("mail server refused the address: " + failure.getMessage(), e);
      }
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e.getFailedMessages().values().stream().findFirst()
        .orElse(null);
    String detail = cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : e.getMessage();
    return DeliveryException.retryable("mail server unavailable: " + detail, e);
  }

  /** Keeps the given Message-ID instead of generating one when the message is saved. */
  static final class KeyedMimeMessage extends MimeMessage {
    private final String messageId;

    KeyedMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
