package io.complaintflow.notifications.delegate;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Template;
import io.complaintflow.process.revisit.SurveyInvitations;

/** Sends the revisit survey's link ({@link Template#REVISIT_INVITATION}) to the customer, through the outbox. */
@Component
class SurveyInvitationNotifier implements SurveyInvitations {

  private final Notifications notifications;

  SurveyInvitationNotifier(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void invite(String key, long complaintId, String surveyUrl) {
    notifications.send(Notification.toCustomer(key, Template.REVISIT_INVITATION, complaintId,
        Map.of("surveyUrl", surveyUrl)));
  }
}
