package io.complaintflow.process.testing;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the notification steps ({@code notifyCustomerDelegate}, {@code notifyStaffDelegate}) in process tests:
 * records what each step was asked to send as {@code TEMPLATE→recipient}, the recipient being the customer, the
 * step's {@code recipientUser} or its {@code recipientGroup}.
 */
public final class SentNotifications implements JavaDelegate {

  private final List<String> sent = new ArrayList<>();

  /** Registers a recorder for both notification steps. */
  public static SentNotifications register() {
    SentNotifications recorder = new SentNotifications();
    Mocks.register("notifyCustomerDelegate", (JavaDelegate) e -> recorder.sent.add(e.getVariableLocal("template")
        + "→customer"));
    Mocks.register("notifyStaffDelegate", recorder);
    return recorder;
  }

  @Override
  public void execute(DelegateExecution e) {
    Object user = e.getVariableLocal("recipientUser");
    sent.add(e.getVariableLocal("template") + "→" + (user != null ? user : e.getVariableLocal("recipientGroup")));
  }

  /** What was sent, in order. */
  public List<String> all() {
    return List.copyOf(sent);
  }
}
