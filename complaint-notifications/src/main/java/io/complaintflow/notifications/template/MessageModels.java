package io.complaintflow.notifications.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.complaintflow.notifications.NotificationSettings;
import io.complaintflow.notifications.Template;
import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEvent;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.intake.TrackingTokens;

/**
 * The variables of a template (see {@link Template}): customer templates from the complaint as it is now, staff
 * templates from what the sender passed, with times as texts in the business time zone and the recipient's language.
 */
@Component
public class MessageModels {

  /** Variables that hold times; formatted for the reader. */
  private static final Set<String> TIMES = Set.of("dueAt", "firstResponseDueAt", "promisedReplyAt", "closedAt",
      "receivedAt", "resolutionDueAt", "occurredAt");

  private final ComplaintHistory history;
  private final TrackingTokens tokens;
  private final NotificationSettings links;
  private final TemplateRenderer renderer;
  private final TimeTexts times;

  public MessageModels(ComplaintHistory history, TrackingTokens tokens, NotificationSettings links,
      TemplateRenderer renderer, BusinessCalendar calendar) {
    this.history = history;
    this.tokens = tokens;
    this.links = links;
    this.renderer = renderer;
    this.times = new TimeTexts(calendar.zone());
  }

  /** What a customer template needs about {@code c}, plus the sender's variables ({@code reply}, {@code surveyUrl} …). */
  public Map<String, Object> customer(Complaint c, String language, Map<String, Object> variables) {
    Map<String, Object> m = formatted(variables, language);
    String trackingUrl = trackingUrl(c);
    m.put("ticket", c.getTicket());
    m.put("customerName", c.getCustomerName());
    m.put("productName", c.getProductName());
    m.put("status", c.getStatus().name());
    m.put("statusText", renderer.label("status." + c.getStatus(), language));
    m.put("trackingUrl", trackingUrl);
    m.put("receivedAt", times.format(c.getReceivedAt(), language));
    m.put("firstResponseDueAt", times.format(c.getFirstResponseDueAt(), language));
    m.put("promisedReplyAt", times.format(c.getPromisedReplyAt(), language));
    m.put("delayReason", c.getDelayReason());
    m.put("remedyType", c.getRemedyType());
    m.put("remedyTypeText", c.getRemedyType() == null ? null : renderer.label("remedy." + c.getRemedyType(), language));
    m.put("remedyAmount", amount(c.getRemedyAmount(), language));
    m.put("remedyDescription", c.getRemedySummary());
    m.put("closedAt", times.format(c.getClosedAt(), language));
    m.put("closureReason", c.getClosureReason() == null ? null : c.getClosureReason().name());
    m.putIfAbsent("surveyUrl", trackingUrl);
    if (!m.containsKey("reply")) {
      m.put("reply", latest(c, ComplaintEventType.FIRM_REPLY_GIVEN));
    }
    if (!m.containsKey("actionsTaken")) {
      m.put("actionsTaken", latest(c, ComplaintEventType.REMEDY_CARRIED_OUT));
    }
    return m;
  }

  /** What a staff template needs: the sender's variables, completed from the complaint (if any) and with links. */
  public Map<String, Object> staff(Complaint c, String language, Map<String, Object> variables) {
    Map<String, Object> m = formatted(variables, language);
    if (c != null) {
      m.putIfAbsent("ticket", c.getTicket());
      m.putIfAbsent("customerName", c.getCustomerName());
      m.putIfAbsent("productName", c.getProductName());
    }
    Object clock = m.get("clock");
    if (clock != null) {
      // which SLA clock a warning is about, in the reader's language; the detail of a single warning
      String clockText = renderer.label("clock." + clock, language);
      m.put("clockText", clockText);
      m.putIfAbsent("detail", clockText);
    }
    Object level = m.get("level");
    if (level != null) {
      String label = renderer.label("level." + level, language);
      m.put("levelText", label != null ? label : level.toString());
    }
    String tasklist = links.staffBaseUrl() + links.tasklistPath();
    Object taskId = m.get("taskId");
    m.put("tasklistUrl", taskId == null ? tasklist : tasklist + "#/?task=" + encode(taskId.toString()));
    return m;
  }

  /** The customer's link to follow their complaint: {@code <public-base-url>/api/complaints/{ticket}?token=…}. */
  public String trackingUrl(Complaint c) {
    return links.publicBaseUrl() + "/api/complaints/" + encode(c.getTicket()) + "?token=" + encode(tokens.tokenFor(c));
  }

  /** The variables with times and amounts as texts for the reader, also in the entries of a list ({@code items}). */
  private Map<String, Object> formatted(Map<String, ?> variables, String language) {
    Map<String, Object> m = new HashMap<>();
    variables.forEach((name, value) -> m.put(name, TIMES.contains(name) ? times.formatAny(value, language)
        : value instanceof BigDecimal amount ? amount(amount, language)
        : value instanceof List<?> list ? list.stream().map(e -> e instanceof Map<?, ?> entry
            ? formatted(stringKeys(entry), language) : e).toList()
        : value));
    return m;
  }

  private static Map<String, ?> stringKeys(Map<?, ?> entry) {
    Map<String, Object> copy = new HashMap<>();
    entry.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private String latest(Complaint c, ComplaintEventType type) {
    List<ComplaintEvent> events = history.all(c.getId());
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).type() == type) {
        return events.get(i).detail();
      }
    }
    return null;
  }

  static String amount(BigDecimal amount, String language) {
    if (amount == null || amount.signum() == 0) {
      return null;
    }
    String n = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    return Languages.ENGLISH.equals(Languages.normalize(language)) ? "CNY " + n : n + " 元";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
