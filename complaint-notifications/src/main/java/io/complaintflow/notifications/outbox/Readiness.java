package io.complaintflow.notifications.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * Which messages this node can deliver: the configured channels, and for channels with named routes (webhooks) the
 * configured names. Rendered as an SQL condition on the outbox's {@code channel} and {@code address} columns.
 */
record Readiness(Set<DeliveryChannel> channels, Map<DeliveryChannel, Set<String>> addresses) {

  /** The SQL condition (with named parameters {@code ready_<CHANNEL>}) and its parameters. */
  String condition(String alias, Map<String, Object> params) {
    List<String> terms = new ArrayList<>();
    for (DeliveryChannel c : DeliveryChannel.values()) {
      if (!channels.contains(c)) {
        continue;
      }
      Set<String> names = addresses.get(c);
      if (names == null) {
        terms.add(alias + "channel = '" + c.name() + "'");
      } else if (!names.isEmpty()) {
        params.put("ready_" + c.name(), names);
        terms.add("(" + alias + "channel = '" + c.name() + "' and " + alias + "address in (:ready_" + c.name() + "))");
      }
    }
    return terms.isEmpty() ? "1 = 0" : "(" + String.join(" or ", terms) + ")";
  }
}
