package io.complaintflow.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintflow.notifications.outbox.DeliveryWindow;
import io.complaintflow.notifications.outbox.NewOutboxMessage;
import io.complaintflow.notifications.outbox.OutboxStore;
import io.complaintflow.notifications.outbox.RecipientKind;
import io.complaintflow.notifications.recipient.Addressee;
import io.complaintflow.notifications.recipient.RecipientDirectory;
import io.complaintflow.notifications.template.MessageModels;
import io.complaintflow.notifications.template.RenderedMessage;
import io.complaintflow.notifications.template.TemplateRenderer;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintRepository;

/**
 * {@link Notifications} through the outbox: resolves the recipient(s), renders the message in each one's language,
 * decides when it may go out (SMS quiet hours) and in which lane it queues, and writes one row per addressee in the
 * caller's transaction.
 */
@Service
@EnableConfigurationProperties(NotificationSettings.class)
class OutboxNotifications implements Notifications {

  private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

  private final ComplaintRepository complaints;
  private final RecipientDirectory directory;
  private final MessageModels models;
  private final TemplateRenderer renderer;
  private final OutboxStore outbox;
  private final DeliveryWindow window;
  private final Clock clock;

  OutboxNotifications(ComplaintRepository complaints, RecipientDirectory directory, MessageModels models,
      TemplateRenderer renderer, OutboxStore outbox, DeliveryWindow window, Clock clock) {
    this.complaints = complaints;
    this.directory = directory;
    this.models = models;
    this.renderer = renderer;
    this.outbox = outbox;
    this.window = window;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void send(Notification n) {
    boolean toCustomer = n.recipient() instanceof Recipient.Customer;
    if (toCustomer != (n.template().audience() == Template.Audience.CUSTOMER)) {
      throw new IllegalArgumentException(n.template() + " is a " + n.template().audience().name().toLowerCase(Locale.ROOT)
          + " template; it cannot go to " + n.recipient());
    }
    Long complaintId = n.recipient() instanceof Recipient.Customer c ? Long.valueOf(c.complaintId()) : n.complaintId();
    if (toCustomer && n.complaintId() != null && !n.complaintId().equals(complaintId)) {
      throw new IllegalArgumentException("notification " + n.key() + " is about complaint " + n.complaintId()
          + " but addressed to the customer of complaint " + complaintId);
    }
    Complaint complaint = complaintId == null ? null : complaints.findById(complaintId)
        .orElseThrow(() -> new IllegalArgumentException("no complaint with id " + complaintId));
    if (!(n.recipient() instanceof Recipient.StaffGroup) && outbox.exists(n.key())) {
      return;
    }
    if (toCustomer && complaint.getAnonymisedAt() != null) {
      log.info("Notification {} ({}) not written: the customer's personal data were erased on their request", n.key(),
          n.template());
      return;
    }

    List<Addressee> addressees = directory.resolve(n.recipient(), complaint);
    if (addressees.isEmpty()) {
      log.warn("Notification {} ({}) has no recipients: group {} has no members", n.key(), n.template(), n.recipient());
    }
    // The message depends on the language and on whether it is a mail, not on who of a group gets it: render each
    // variant once (an SLA warning to a group of agents is one rendering, not one per agent).
    Map<Variant, RenderedMessage> rendered = new HashMap<>();
    for (Addressee a : addressees) {
      String key = n.recipient() instanceof Recipient.StaffGroup ? n.key() + ":" + a.id() : n.key();
      if (outbox.exists(key)) {
        continue;
      }
      RenderedMessage m = rendered.computeIfAbsent(new Variant(a.language(), a.channel() == DeliveryChannel.EMAIL),
          v -> renderer.render(n.template(), v.language(), toCustomer
              ? models.customer(complaint, v.language(), n.variables())
              : models.staff(complaint, v.language(), n.variables()), v.mail()));
      Instant now = clock.instant();
      boolean jumpsQueue = n.urgent() && a.kind() == RecipientKind.STAFF;
      String lane = complaint == null || jumpsQueue ? null
          : complaint.getId() + "/" + a.kind().name().toLowerCase(Locale.ROOT) + "/" + a.id();
      outbox.enqueue(new NewOutboxMessage(key, complaintId, complaint == null ? null : complaint.getTicket(), lane,
          n.template().name(), a.channel(), a.kind(), a.id(), a.address(), a.language(), n.urgent(), m.subject(),
          m.text(), m.shortText(), m.html(), now, window.notBefore(a.channel(), a.kind(), n.urgent(), now),
          a.problem()));
      if (a.problem() != null) {
        log.warn("Notification {} cannot be delivered ({}); stored as a dead letter", key, a.problem());
      }
    }
  }

  private record Variant(String language, boolean mail) {
  }
}
