package io.complaintflow.notifications.delegate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.Template;
import io.complaintflow.process.sla.SlaWarning;
import io.complaintflow.process.sla.SlaWarningNotices;

/**
 * Tells staff of the SLA warnings a sweep gave ({@link Template#SLA_WARNING}): each complaint's owner, or while it has
 * none the group that registers it. Whoever is warned of several complaints at once gets one digest
 * ({@link Template#SLA_WARNING_DIGEST}, the most urgent listed), not a message per complaint: when a thousand warnings
 * fall due in the same minute, the agents get one mail each, not a thousand.
 */
@Component
class SlaWarningNotifier implements SlaWarningNotices {

  /** How many complaints a digest lists; the rest are counted (and in Tasklist's "即将到期"). */
  static final int LISTED = 20;

  private final Notifications notifications;

  SlaWarningNotifier(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void warned(List<SlaWarning> warnings) {
    Map<Recipient, List<SlaWarning>> byRecipient = new LinkedHashMap<>();
    for (SlaWarning w : warnings) {
      Recipient to = w.alertUser() != null ? Recipient.staffUser(w.alertUser()) : Recipient.staffGroup(w.alertGroup());
      byRecipient.computeIfAbsent(to, r -> new ArrayList<>()).add(w);
    }
    byRecipient.forEach((to, theirs) -> notifications.send(theirs.size() == 1 ? single(to, theirs.get(0))
        : digest(to, theirs)));
  }

  private static Notification single(Recipient to, SlaWarning w) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("ticket", w.ticket());
    variables.put("customerName", w.customerName());
    variables.put("productName", w.productName());
    variables.put("customerTier", w.customerTier() == null ? null : w.customerTier().name());
    variables.put("dueAt", w.dueAt());
    variables.put("clock", w.clock());
    return new Notification("sla-warning:" + w.complaintId() + ":" + w.clock() + ":" + w.warnedAt().toEpochMilli(),
        Template.SLA_WARNING, w.complaintId(), to, variables, false);
  }

  private static Notification digest(Recipient to, List<SlaWarning> theirs) {
    List<SlaWarning> urgentFirst = theirs.stream()
        .sorted(Comparator.comparing(SlaWarning::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    List<Map<String, Object>> items = new ArrayList<>();
    for (SlaWarning w : urgentFirst.subList(0, Math.min(LISTED, urgentFirst.size()))) {
      Map<String, Object> item = new HashMap<>();
      item.put("ticket", w.ticket());
      item.put("customerName", w.customerName());
      item.put("dueAt", w.dueAt());
      items.add(item);
    }
    SlaWarning first = urgentFirst.get(0);
    // one digest per recipient and sweep transaction; its first complaint is warned of this clock only once
    String key = "sla-warnings:" + first.complaintId() + ":" + first.clock() + ":" + first.warnedAt().toEpochMilli()
        + ":" + theirs.size();
    return new Notification(key, Template.SLA_WARNING_DIGEST, null, to, Map.of("count", theirs.size(),
        "clock", first.clock(), "items", items, "more", theirs.size() - items.size()), false);
  }
}
