package io.complaintflow.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.outbox.DeliveryException;
import io.complaintflow.notifications.outbox.OutboxMessage;
import io.complaintflow.notifications.outbox.TestMessages;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The email channel against GreenMail, a real SMTP server on a free loopback port. */
class EmailChannelTests {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final MailSettings SETTINGS = new MailSettings("客户服务中心 <service@complaintflow.test>",
      "complaintflow.test", Duration.ofSeconds(2), Duration.ofSeconds(2));

  @Test
  void sendsTextAndHtmlInUtf8WithHeadersDerivedFromTheKey() throws Exception {
    EmailChannel channel = channel(smtp.getSmtp().getPort());
    OutboxMessage m = TestMessages.message("proc-1:act-7", DeliveryChannel.EMAIL, "wang@example.com",
        "您的投诉已受理(工单号 CF-20261124-000042)", "尊敬的王建国:\n\n您好!", "短文",
        "<!DOCTYPE html><html><body><p>尊敬的王建国:</p></body></html>");

    channel.deliver(m);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("您的投诉已受理(工单号 CF-20261124-000042)");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("客户服务中心");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("service@complaintflow.test");
    assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("wang@example.com");
    assertThat(mail.getMessageID()).isEqualTo(channel.messageId("proc-1:act-7")).endsWith("@complaintflow.test>");
    assertThat(mail.getHeader(EmailChannel.KEY_HEADER, null)).isEqualTo("proc-1:act-7");
    assertThat(mail.getHeader(EmailChannel.TICKET_HEADER, null)).isEqualTo("CF-20261124-000042");
    assertThat(mail.getHeader("Content-Language", null)).isEqualTo("zh-CN");
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    MimeMultipart alternative = alternative((Multipart) mail.getContent());
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getCount()).isEqualTo(2);
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
    assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("尊敬的王建国:\n\n您好!");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) alternative.getBodyPart(1).getContent()).contains("<p>尊敬的王建国:</p>");
  }

  @Test
  void theSameKeyAlwaysGivesTheSameMessageId() {
    EmailChannel channel = channel(smtp.getSmtp().getPort());

    assertThat(channel.messageId("a:b")).isEqualTo(channel.messageId("a:b")).isNotEqualTo(channel.messageId("a:c"))
        .matches("<[0-9a-f]{32}@complaintflow\\.test>");
  }

  @Test
  void anUnreachableServerIsWorthRetryingABadAddressIsNot() {
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    EmailChannel channel = channel(port);
    OutboxMessage m = TestMessages.message("k", DeliveryChannel.EMAIL, "wang@example.com", "主题", "正文", "短", null);

    assertThatThrownBy(() -> channel.deliver(m)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue()).hasMessageStartingWith("mail server unavailable");

    OutboxMessage bad = TestMessages.message("k2", DeliveryChannel.EMAIL, "wang@@example..com", "主题", "正文", "短", null);
    assertThatThrownBy(() -> channel.deliver(bad)).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isFalse());
    smtp.start();
  }

  @Test
  void withoutAMailSenderTheChannelIsNotConfigured() {
    EmailChannel channel = new EmailChannel(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
        SETTINGS);

    assertThat(channel.configured()).isFalse();
    assertThat(channel.notConfiguredReason()).isEqualTo("spring.mail.host is not set");
  }

  private static EmailChannel channel(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    EmailChannel channel = new EmailChannel(new StaticListableBeanFactory(java.util.Map.of("mailSender", sender))
        .getBeanProvider(JavaMailSender.class), SETTINGS);
    assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "2000");
    return channel;
  }

  private static MimeMultipart alternative(Multipart mixed) throws Exception {
    Object related = mixed.getBodyPart(0).getContent();
    Object alternative = ((Multipart) related).getBodyPart(0).getContent();
    return (MimeMultipart) alternative;
  }
}
