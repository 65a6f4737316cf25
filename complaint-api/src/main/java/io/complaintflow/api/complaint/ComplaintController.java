package io.complaintflow.api.complaint;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.ComplaintViews.StatusView;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.api.system.ApiProblems.FieldProblem;
import io.complaintflow.api.system.StaffRoles;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ContactChannel;
import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.handling.CustomerActionRefusedException;
import io.complaintflow.process.handling.CustomerActions;
import io.complaintflow.process.intake.ComplaintIntake;
import io.complaintflow.process.intake.ComplaintIntake.Registered;
import io.complaintflow.process.intake.IdempotencyKeyReusedException;
import io.complaintflow.process.intake.NewComplaint;
import io.complaintflow.process.product.ProductRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The customer's side of a complaint: file it, follow it with the ticket number and tracking token, confirm the
 * resolution, reopen it. Staff taking a complaint by phone or in a store file it here too, authenticated: they then
 * own it from the first contact (首诉负责制).
 */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "complaints", description = "投诉受理与查询 / Filing and following a complaint")
class ComplaintController {

  /** Clocks of customers' devices drift; an occurrence this far ahead is still "now". */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ComplaintIntake intake;
  private final CustomerAccess access;
  private final CustomerActions actions;
  private final ComplaintViews views;
  private final ProductRepository products;
  private final Clock clock;

  ComplaintController(ComplaintIntake intake, CustomerAccess access, CustomerActions actions, ComplaintViews views,
      ProductRepository products, Clock clock) {
    this.intake = intake;
    this.access = access;
    this.actions = actions;
    this.views = views;
    this.products = products;
    this.clock = clock;
  }

  /** What the customer gets back: the ticket, the secret to follow it with, and when we will respond. */
  record Receipt(String ticket, String trackingToken, String status, String statusText, Instant receivedAt,
      Instant firstResponseDueAt, String statusUrl) {
  }

  @Operation(summary = "登记一件投诉 / File a complaint",
      description = "Answers 201 with the ticket number, a secret tracking token and the promised first-response time. "
          + "With an Idempotency-Key, a retried request returns the same complaint (201, header Idempotent-Replayed).")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> file(@Valid @RequestBody ComplaintSubmission submission,
      @Parameter(description = "客户端生成的唯一键,重试时原样发送 / client-chosen key, resent unchanged on retry")
      @RequestHeader(name = "Idempotency-Key", required = false)
      @Size(min = 8, max = 128, message = "{validation.idempotencyKey}")
      @Pattern(regexp = "^[A-Za-z0-9._:-]+$", message = "{validation.idempotencyKey}") String idempotencyKey,
      Authentication authentication, Locale locale) {
    NewComplaint request = validated(submission);
    Registered registered;
    try {
      registered = intake.register(request, idempotencyKey, StaffRoles.staffUserOf(authentication));
    } catch (IdempotencyKeyReusedException e) {
      throw ApiException.field(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key",
          "problem.idempotencyKey.reused", e.ticket());
    }
    Complaint c = registered.complaint();
    URI location = URI.create("/api/complaints/" + c.getTicket());
    Receipt receipt = new Receipt(c.getTicket(), registered.trackingToken(), c.getStatus().name(),
        views.text("status." + c.getStatus(), locale), c.getReceivedAt(), c.getFirstResponseDueAt(), location.toString());
    return ResponseEntity.created(location)
        .header("Idempotent-Replayed", Boolean.toString(registered.replayed()))
        .body(receipt);
  }

  @Operation(summary = "查询投诉进展 / Follow a complaint",
      description = "Needs the tracking token from the receipt, in the X-Tracking-Token header (or the token parameter).")
  @GetMapping("/{ticket}")
  StatusView status(@PathVariable String ticket,
      @RequestHeader(name = CustomerAccess.TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken, Locale locale) {
    return views.forCustomer(access.complaint(ticket, headerToken, queryToken), locale);
  }

  /** The customer's answer to "is your problem solved?". */
  record ResolutionConfirmation(@NotNull(message = "{validation.required}") Boolean resolved,
      @Size(max = 1000, message = "{validation.tooLong}") @PlainText String comment) {
  }

  @Operation(summary = "确认问题已解决(或不认可) / Confirm or dispute the resolution")
  @PostMapping(path = "/{ticket}/resolution-confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
  StatusView confirm(@PathVariable String ticket, @Valid @RequestBody ResolutionConfirmation body,
      @RequestHeader(name = CustomerAccess.TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken, Locale locale) {
    return act(ticket, headerToken, queryToken, locale, c -> {
      if (!body.resolved() && (body.comment() == null || body.comment().isBlank())) {
        throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "comment", "validation.disputeReason");
      }
      return actions.confirmResolution(c, body.resolved(), body.comment());
    });
  }

  /** What the customer adds when the owner asked for missing information. */
  record InformationAnswer(@jakarta.validation.constraints.NotBlank(message = "{validation.required}")
      @Size(max = 2000, message = "{validation.tooLong}") @PlainText String answer) {
  }

  @Operation(summary = "补充信息 / Send the information we asked for",
      description = "Only while the complaint waits for the customer (status AWAITING_CUSTOMER); its clocks run again.")
  @PostMapping(path = "/{ticket}/information", consumes = MediaType.APPLICATION_JSON_VALUE)
  StatusView information(@PathVariable String ticket, @Valid @RequestBody InformationAnswer body,
      @RequestHeader(name = CustomerAccess.TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken, Locale locale) {
    return act(ticket, headerToken, queryToken, locale, c -> actions.provideInformation(c, body.answer().strip()));
  }

  /** Why the customer wants the closed complaint handled again. */
  record ReopenRequest(@jakarta.validation.constraints.NotBlank(message = "{validation.required}")
      @Size(max = 1000, message = "{validation.tooLong}") @PlainText String reason) {
  }

  @Operation(summary = "重新处理已结案的投诉 / Reopen a resolved complaint",
      description = "Within the reopen period after closure; the complaint returns to its owner.")
  @PostMapping(path = "/{ticket}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
  StatusView reopen(@PathVariable String ticket, @Valid @RequestBody ReopenRequest body,
      @RequestHeader(name = CustomerAccess.TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken, Locale locale) {
    return act(ticket, headerToken, queryToken, locale, c -> actions.reopen(c, body.reason().strip()));
  }

  /**
   * A customer's action on their complaint, found by ticket and token (404 or 403 before anything else): what the
   * complaint looks like afterwards, or the reason it was refused (409).
   */
  private StatusView act(String ticket, String headerToken, String queryToken, Locale locale,
      UnaryOperator<Complaint> action) {
    Complaint c = access.complaint(ticket, headerToken, queryToken);
    try {
      return views.forCustomer(action.apply(c), locale);
    } catch (CustomerActionRefusedException e) {
      throw refused(e, c);
    }
  }

  /** Checks what Bean Validation cannot: cross-field rules and the catalogue. */
  private NewComplaint validated(ComplaintSubmission s) {
    List<FieldProblem> errors = new ArrayList<>();
    ComplaintSubmission.CustomerDetails customer = s.customer();
    if (blank(customer.phone()) && blank(customer.email())) {
      errors.add(new FieldProblem("customer.phone", "validation.contact"));
    }
    ContactChannel contactChannel = customer.preferredChannel() != null ? customer.preferredChannel()
        : blank(customer.email()) ? ContactChannel.SMS : ContactChannel.EMAIL;
    if (contactChannel == ContactChannel.EMAIL && blank(customer.email())) {
      errors.add(new FieldProblem("customer.email", "validation.emailForChannel"));
    }
    if (contactChannel == ContactChannel.SMS && blank(customer.phone())) {
      errors.add(new FieldProblem("customer.phone", "validation.phoneForChannel"));
    }
    Instant occurredAt = s.occurredAt().toInstant();
    if (occurredAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      errors.add(new FieldProblem("occurredAt", "validation.future"));
    }
    String code = blank(s.product().code()) ? null : s.product().code();
    if (code != null && !products.existsById(code)) {
      errors.add(new FieldProblem("product.code", "validation.productUnknown"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "validation", errors);
    }
    Complaint.Customer who = new Complaint.Customer(customer.name().strip(), blankToNull(customer.phone()),
        blankToNull(customer.email()), customer.tier() == null ? CustomerTier.STANDARD : customer.tier(),
        customer.language() == null ? "zh-CN" : customer.language(), contactChannel);
    return new NewComplaint(who, s.channel(), code, s.product().name().strip(), occurredAt, s.description().strip(),
        blankToNull(s.desiredRemedy()));
  }

  private static ApiException refused(CustomerActionRefusedException e, Complaint c) {
    return ApiException.field(HttpStatus.CONFLICT, "action-not-allowed", "ticket",
        "problem.refused." + e.reason().name(), c.getTicket());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
