package io.complaintflow.api.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.privacy.CustomerAnonymisation.Outcome;
import io.complaintflow.api.privacy.CustomerAnonymisation.Subject;
import io.complaintflow.api.privacy.CustomerAnonymisation.SubjectKind;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.api.system.ApiProblems.FieldProblem;
import io.complaintflow.api.system.StaffRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer's request to erase their personal data (PIPL 第四十七条 删除权 / GDPR Art. 17), carried out by a manager,
 * director or administrator: an irreversible act on every complaint of the customer, so not for the front line or
 * supervisors (who handle complaints day to day), and not for departments or analysts (who need no personal data).
 */
@RestController
@Tag(name = "staff")
@SecurityRequirement(name = "staff")
@PreAuthorize("hasAnyRole('managers','directors','camunda-admin')")
class CustomerAnonymisationController {

  /** Who is to be anonymised: exactly one of phone, email, ticket. */
  @Schema(description = "Exactly one of phone, email, ticket. The customer is known by every phone and email of the "
      + "complaints that match: their other complaints are anonymised too.")
  record AnonymisationRequest(
      @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,18}[0-9]$", message = "{validation.phone}")
      @Schema(example = "13800138000") String phone,
      @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.tooLong}")
      @Schema(example = "wang@example.com") String email,
      @Pattern(regexp = "^[A-Za-z0-9-]{1,32}$", message = "{validation.ticket}")
      @Schema(example = "CF-20261123-000001") String ticket) {
  }

  /**
   * The customer's complaints, all anonymised now.
   *
   * @param tickets every complaint of the customer, anonymised by this request or an earlier one
   * @param count how many tickets
   * @param anonymisedNow how many of them this request anonymised (0 when it was repeated)
   * @param at when
   */
  record AnonymisationResult(List<String> tickets, int count, int anonymisedNow, Instant at) {
  }

  private final CustomerAnonymisation anonymisation;

  CustomerAnonymisationController(CustomerAnonymisation anonymisation) {
    this.anonymisation = anonymisation;
  }

  @Operation(summary = "删除客户个人信息 / Anonymise a customer's personal data",
      description = "Erases the customer's name, phone, email, ID numbers and own words from every complaint of theirs "
          + "(matched by phone or email; a ticket stands for its customer), from history texts, revisit comments, "
          + "case library entries, the notification outbox and the engine's process variables and history. Messages "
          + "to the customer not yet sent are withdrawn. Category, product, channel, severity, tier, status, dates "
          + "and SLA figures stay: hot-spot analysis figures do not change. Audited (who, when, how many; no personal "
          + "data). Idempotent: repeating the request answers the same tickets with anonymisedNow 0. "
          + "Managers, directors and administrators only.")
  @ApiResponse(responseCode = "201", description = "Anonymised now")
  @ApiResponse(responseCode = "200", description = "Already anonymised by an earlier request; nothing left to do")
  @ApiResponse(responseCode = "400", description = "Not exactly one of phone, email, ticket, or one of them malformed")
  @ApiResponse(responseCode = "403", description = "Not a manager, director or administrator")
  @ApiResponse(responseCode = "404", description = "No complaint of such a customer")
  @ApiResponse(responseCode = "409", description = "A process step of one of the complaints ran at the same moment; "
      + "nothing was changed, repeat the request")
  @PostMapping(path = "/api/staff/customers/anonymisations", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AnonymisationResult> anonymise(@Valid @RequestBody AnonymisationRequest request,
      Authentication authentication) {
    Subject subject = subject(request);
    Outcome o;
    try {
      o = anonymisation.anonymise(subject, StaffRoles.staffUserOf(authentication)).orElseThrow(() -> ApiException.field(HttpStatus.NOT_FOUND, "customer-not-found", subject.kind().name()
            .toLowerCase(java.util.Locale.ROOT), "problem.customer.unknown"));
    } catch (OptimisticLockingException | OptimisticLockingFailureException busy) {
      // a process step of one of the complaints ran at the same moment: nothing was changed, the request may be repeated
      throw new ApiException(HttpStatus.CONFLICT, "anonymisation-conflict", List.of());
    }
    return ResponseEntity.status(o.anonymisedNow() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new AnonymisationResult(o.tickets(), o.tickets().size(), o.anonymisedNow(), o.at()));
  }

  private static Subject subject(AnonymisationRequest r) {
    List<Subject> given = new ArrayList<>();
    if (r.phone() != null && !r.phone().isBlank()) {
      given.add(new Subject(SubjectKind.PHONE, r.phone()));
    }
    if (r.email() != null && !r.email().isBlank()) {
      given.add(new Subject(SubjectKind.EMAIL, r.email()));
    }
    if (r.ticket() != null && !r.ticket().isBlank()) {
      given.add(new Subject(SubjectKind.TICKET, r.ticket()));
    }
    if (given.size() != 1) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "validation",
          List.of(new FieldProblem("body", "validation.anonymisationSubject")));
    }
    return given.get(0);
  }
}
