package io.complaintflow.notifications.sms;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Fills the gateway's body template: each {@code ${name}} becomes the JSON-escaped value (without quotes). */
final class SmsBody {

  static final Set<String> PLACEHOLDERS = Set.of("to", "text", "key", "ticket", "language", "template");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  private final String template;

  SmsBody(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new IllegalArgumentException("complaintflow.notifications.sms.body-template: unknown placeholder ${"
            + m.group(1) + "}; known: " + PLACEHOLDERS);
      }
    }
    this.template = template;
  }

  String fill(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      m.appendReplacement(out, Matcher.quoteReplacement(new String(JsonStringEncoder.getInstance()
          .quoteAsString(value == null ? "" : value))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
