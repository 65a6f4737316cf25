package io.complaintflow.api.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as the mail server, on a free loopback port that stays the same when it is stopped and started again
 * (the application is configured with it once).
 */
final class Mailbox {

  final int port = freePort();
  final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  Mailbox start() {
    smtp.start();
    return this;
  }

  void stop() {
    smtp.stop();
  }

  /** Mails carrying the given idempotency key, in the order they arrived. */
  List<MimeMessage> withKey(String key) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> key.equals(header(m, "X-Idempotency-Key"))).toList();
  }

  /** Idempotency keys of all received mails, in the order they arrived. */
  List<String> keys() {
    return Arrays.stream(smtp.getReceivedMessages()).map(m -> header(m, "X-Idempotency-Key")).toList();
  }

  static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text parts of a mail by content type ({@code text/plain}, {@code text/html}). */
  static Map<String, String> parts(Part part) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      collect(part, out);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static void collect(Part part, Map<String, String> out) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, out);
      }
    } else if (content instanceof String text) {
      out.put(part.getContentType().split(";")[0].trim().toLowerCase(), text);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
