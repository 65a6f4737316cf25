package io.complaintflow.process.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.handling.HandlingProcess;
import io.complaintflow.process.product.Product;
import io.complaintflow.process.product.ProductRepository;
import io.complaintflow.process.sla.SlaClock;
import io.complaintflow.process.sla.SlaPolicy;

/**
 * Receives a complaint: gives it a ticket number and a tracking token, promises a first response in working time,
 * and starts its handling process. The complaint row and the process instance commit together or not at all.
 */
@Service
public class ComplaintIntake {

  private final ComplaintRepository complaints;
  private final ComplaintHistory history;
  private final ProductRepository products;
  private final TicketNumbers tickets;
  private final TrackingTokens tokens;
  private final SlaPolicy sla;
  private final IntakeRouting routing;
  private final SlaClock slaClock;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ComplaintIntake(ComplaintRepository complaints, ComplaintHistory history, ProductRepository products,
      TicketNumbers tickets, TrackingTokens tokens, SlaPolicy sla, IntakeRouting routing, SlaClock slaClock,
      RuntimeService runtime, PlatformTransactionManager transactionManager, Clock clock) {
    this.complaints = complaints;
    this.history = history;
    this.products = products;
    this.tickets = tickets;
    this.tokens = tokens;
    this.sla = sla;
    this.routing = routing;
    this.slaClock = slaClock;
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** The registered complaint and the token its customer follows it with. */
  public record Registered(Complaint complaint, String trackingToken, boolean replayed) {
  }

  /**
   * Registers a complaint. With an idempotency key, a repeated request returns the complaint registered the first
   * time ({@link Registered#replayed()}), never a second one; the same key with other content is refused.
   *
   * @param receivedBy the staff member who took the complaint (phone, store…), or {@code null} when the customer filed it
   */
  public Registered register(NewComplaint request, String idempotencyKey, String receivedBy) {
    String fingerprint = request.fingerprint();
    if (idempotencyKey != null) {
      Optional<Registered> earlier = replay(idempotencyKey, fingerprint);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    try {
      return transaction.execute(status -> registerNew(request, idempotencyKey, fingerprint, receivedBy));
    } catch (RuntimeException e) {
      if (idempotencyKey != null && causedByDuplicateKey(e)) {
        // A concurrent request with the same key committed first: answer with its complaint.
        return replay(idempotencyKey, fingerprint).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  private Registered registerNew(NewComplaint request, String idempotencyKey, String fingerprint, String receivedBy) {
    Instant now = clock.instant();
    Complaint complaint = Complaint.received(tickets.next(), tokens.newSalt(), request.customer(), request.channel(),
        request.productCode(), request.productName(), request.occurredAt(), request.description(),
        request.desiredRemedy(), now);
    complaint.identifyRequest(idempotencyKey, fingerprint);
    complaint.receivedBy(receivedBy);
    slaClock.setTargets(complaint, sla.targets(request.customer().tier(), null, null));
    IntakeRouting.Route route = routing.route(request.customer().tier(), request.channel());
    complaint.prioritise(route.taskPriority());
    complaint = complaints.save(complaint);

    Map<String, Object> variables = HandlingProcess.variablesOf(complaint);
    variables.put(HandlingProcess.Vars.REGISTRATION_GROUP, route.registrationGroup());
    variables.put(HandlingProcess.Vars.HANDLING_PLAN, handlingPlanFor(request.productCode()));
    ProcessInstance instance = runtime.startProcessInstanceByKey(HandlingProcess.KEY, complaint.getTicket(), variables);
    complaint.attachProcess(instance.getId());
    slaClock.start(complaint);

    String actor = receivedBy == null ? ComplaintHistory.CUSTOMER : receivedBy;
    complaint = history.record(complaint, ComplaintEventType.RECEIVED, actor, request.channel().name());
    return new Registered(complaint, tokens.tokenFor(complaint), false);
  }

  private String handlingPlanFor(String productCode) {
    if (productCode == null) {
      return null;
    }
    return products.findById(productCode).map(Product::handlingPlan).orElse(null);
  }

  private Optional<Registered> replay(String idempotencyKey, String fingerprint) {
    return complaints.findByIdempotencyKey(idempotencyKey).map(existing -> {
      if (!fingerprint.equals(existing.getRequestFingerprint())) {
        throw new IdempotencyKeyReusedException(existing.getTicket());
      }
      return new Registered(existing, tokens.tokenFor(existing), true);
    });
  }

  private static boolean causedByDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
    }
    return false;
  }
}
