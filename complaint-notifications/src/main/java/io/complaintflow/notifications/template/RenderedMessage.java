package io.complaintflow.notifications.template;

/**
 * A message in one language, ready to send.
 *
 * @param subject mail subject, chat title (one line)
 * @param text plain-text mail body
 * @param shortText SMS and chat text (one paragraph)
 * @param html HTML mail body, or {@code null} when not rendered
 */
public record RenderedMessage(String subject, String text, String shortText, String html) {
}
