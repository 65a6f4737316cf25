package io.complaintflow.notifications.recipient;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.complaintflow.notifications.DeliveryChannel;
import io.complaintflow.notifications.Recipient;
import io.complaintflow.notifications.outbox.RecipientKind;
import io.complaintflow.notifications.template.Languages;
import io.complaintflow.notifications.webhook.WebhookSettings;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ContactChannel;

/**
 * Finds addresses, channel and language of recipients. Customers: the complaint row. Staff: the Camunda identity
 * (user email; user info entries {@value #PHONE}, {@value #CHANNEL} = EMAIL|SMS|WEBHOOK (default EMAIL),
 * {@value #LANGUAGE} = zh-CN|en (default zh-CN) and {@value #WEBHOOK_ENDPOINT} for WEBHOOK, default
 * {@code complaintflow.notifications.webhook.staff-endpoint}). When the chosen channel has no address, the other one
 * is used; when there is none at all, the message is stored as a dead letter saying so.
 */
@Component
public class RecipientDirectory {

  public static final String PHONE = "phone";
  public static final String CHANNEL = "notification-channel";
  public static final String LANGUAGE = "language";
  public static final String WEBHOOK_ENDPOINT = "webhook-endpoint";

  private final IdentityService identity;
  private final WebhookSettings webhooks;

  public RecipientDirectory(IdentityService identity, WebhookSettings webhooks) {
    this.identity = identity;
    this.webhooks = webhooks;
  }

  /** The addressees of a recipient: one, or one per member of a group (ordered by user id). */
  public List<Addressee> resolve(Recipient recipient, Complaint complaint) {
    if (recipient instanceof Recipient.Customer) {
      return List.of(customer(complaint));
    }
    if (recipient instanceof Recipient.StaffUser u) {
      return List.of(staff(u.userId()));
    }
    if (recipient instanceof Recipient.StaffGroup g) {
      return identity.createUserQuery().memberOfGroup(g.groupId()).orderByUserId().asc().list().stream()
          .map(this::staff)
          .toList();
    }
    Recipient.Webhook w = (Recipient.Webhook) recipient;
    return List.of(new Addressee(RecipientKind.WEBHOOK, w.endpointName(), DeliveryChannel.WEBHOOK, w.endpointName(),
        webhooks.languageOf(w.endpointName()), null));
  }

  private Addressee customer(Complaint c) {
    String id = String.valueOf(c.getId());
    String language = Languages.normalize(c.getCustomerLanguage());
    boolean sms = c.getCustomerContactChannel() == ContactChannel.SMS;
    String email = blankToNull(c.getCustomerEmail());
    String phone = blankToNull(c.getCustomerPhone());
    if (sms && phone != null || !sms && email == null && phone != null) {
      return new Addressee(RecipientKind.CUSTOMER, id, DeliveryChannel.SMS, phone, language, null);
    }
    if (email != null) {
      return new Addressee(RecipientKind.CUSTOMER, id, DeliveryChannel.EMAIL, email, language, null);
    }
    return new Addressee(RecipientKind.CUSTOMER, id, sms ? DeliveryChannel.SMS : DeliveryChannel.EMAIL, null, language,
        "the customer left neither phone nor email");
  }

  private Addressee staff(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return new Addressee(RecipientKind.STAFF, userId, DeliveryChannel.EMAIL, null, Languages.CHINESE,
          "no staff user " + userId);
    }
    return staff(user);
  }

  private Addressee staff(User user) {
    String userId = user.getId();
    String language = Languages.normalize(identity.getUserInfo(userId, LANGUAGE));
    DeliveryChannel preferred = preferredChannel(identity.getUserInfo(userId, CHANNEL));
    String email = blankToNull(user.getEmail());
    String phone = blankToNull(identity.getUserInfo(userId, PHONE));
    if (preferred == DeliveryChannel.WEBHOOK) {
      String endpoint = blankToNull(identity.getUserInfo(userId, WEBHOOK_ENDPOINT));
      return new Addressee(RecipientKind.STAFF, userId, DeliveryChannel.WEBHOOK,
          endpoint != null ? endpoint : webhooks.staffEndpoint(), language, null);
    }
    if (preferred == DeliveryChannel.SMS && phone != null || email == null && phone != null) {
      return new Addressee(RecipientKind.STAFF, userId, DeliveryChannel.SMS, phone, language, null);
    }
    if (email != null) {
      return new Addressee(RecipientKind.STAFF, userId, DeliveryChannel.EMAIL, email, language, null);
    }
    return new Addressee(RecipientKind.STAFF, userId, preferred, null, language,
        "staff user " + userId + " has neither email nor phone");
  }

  private static DeliveryChannel preferredChannel(String value) {
    if (value == null || value.isBlank()) {
      return DeliveryChannel.EMAIL;
    }
    try {
      return DeliveryChannel.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return DeliveryChannel.EMAIL;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
