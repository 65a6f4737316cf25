package io.complaintflow.api.staff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.ComplaintViews;
import io.complaintflow.api.complaint.PlainText;
import io.complaintflow.api.complaint.ComplaintViews.HistoryEntry;
import io.complaintflow.api.complaint.ComplaintViews.Remedy;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.authorization.RemedyDecision;
import io.complaintflow.process.authorization.RemedyDecisionRepository;
import io.complaintflow.process.accountability.AccountabilityReview;
import io.complaintflow.process.accountability.AccountabilityReviewRepository;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintFilter;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.complaint.ComplaintSearch;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.escalation.EscalationDemands;
import io.complaintflow.process.escalation.EscalationDemands.Demand;
import io.complaintflow.process.linkage.DepartmentInquiryRepository;
import io.complaintflow.process.sla.SlaClock;
import io.complaintflow.process.sla.SlaState;
import io.complaintflow.process.revisit.RevisitSurvey;
import io.complaintflow.process.revisit.RevisitSurveyRepository;
import io.complaintflow.process.staff.Department;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Complaint lists and records for staff (HTTP Basic, any staff group). */
@RestController
@RequestMapping(path = "/api/staff/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "staff", description = "员工查询投诉 / Complaint lists for staff")
@SecurityRequirement(name = "staff")
class StaffComplaintController {

  private static final Set<String> SORTABLE = Set.of("receivedAt", "firstResponseDueAt", "resolutionDueAt", "ticket",
      "status");

  private final ComplaintSearch search;
  private final ComplaintRepository complaints;
  private final ComplaintHistory history;
  private final ComplaintViews views;
  private final SlaClock slaClock;
  private final RemedyDecisionRepository decisions;
  private final DepartmentInquiryRepository inquiries;
  private final EscalationDemands escalationDemands;
  private final RevisitSurveyRepository revisits;
  private final AccountabilityReviewRepository accountability;

  StaffComplaintController(ComplaintSearch search, ComplaintRepository complaints, ComplaintHistory history,
      ComplaintViews views, SlaClock slaClock, RemedyDecisionRepository decisions,
      DepartmentInquiryRepository inquiries, EscalationDemands escalationDemands, RevisitSurveyRepository revisits,
      AccountabilityReviewRepository accountability) {
    this.revisits = revisits;
    this.accountability = accountability;
    this.search = search;
    this.complaints = complaints;
    this.history = history;
    this.views = views;
    this.slaClock = slaClock;
    this.decisions = decisions;
    this.inquiries = inquiries;
    this.escalationDemands = escalationDemands;
  }

  record Summary(String ticket, String status, String statusText, String customerName, String customerTier,
      String channel, String product, String category, String severity, String department, String owner,
      Instant receivedAt, Instant firstResponseDueAt, Instant resolutionDueAt, Instant closedAt,
      String escalationLevel, boolean slaPaused) {
  }

  record PageMeta(int number, int size, long totalElements, int totalPages) {
  }

  record SummaryPage(List<Summary> content, PageMeta page) {
  }

  record Detail(Summary summary, String customerPhone, String customerEmail, String customerLanguage,
      Instant occurredAt, String description, String desiredRemedy, String facts, String customerRequest,
      String problemType, String receivedBy, Instant firstRespondedAt, Instant promisedReplyAt, String delayReason,
      Remedy remedy, String signedOffBy, Instant resolvedAt, String closureReason, int reopenCount,
      String processInstanceId, SlaState sla, Instant linkageOverdueAt, List<RemedyDecision> remedyDecisions,
      List<Inquiry> departmentInquiries, Long batchIncidentId, List<Revisit> revisits,
      List<AccountabilityReview> accountabilityReviews, List<StaffHistoryEntry> history) {
  }

  /** A revisit after closure (回访) and the customer's scores (1–5) on the four points of seed 002 J.3. */
  record Revisit(String method, Instant openedAt, Instant answerBefore, Instant answeredAt, String answeredBy,
      Boolean reached, RevisitSurvey.Scores scores, String comment, Boolean satisfied) {
  }

  /** A department inquiry as staff see it. */
  record Inquiry(String department, String departmentTitle, String question, String requestedBy, Instant requestedAt,
      Instant dueAt, Instant remindedAt, Instant overdueAt, Instant repliedAt, String repliedBy, String reply,
      Boolean repliedOnTime, Integer satisfaction, String ratingComment) {
  }

  record StaffHistoryEntry(Instant at, String type, String text, String actor, String detail,
      boolean customerVisible) {
  }

  @Operation(summary = "按条件查询投诉 / Search complaints",
      description = "Filters combine; receivedFrom is inclusive, receivedTo exclusive. Sort by receivedAt (default, "
          + "newest first), firstResponseDueAt, resolutionDueAt, ticket or status; e.g. sort=resolutionDueAt,asc.")
  @GetMapping
  SummaryPage list(@RequestParam(required = false) ComplaintStatus status,
      @RequestParam(required = false) @Size(max = 32) @Pattern(regexp = "^[A-Z_]+$", message = "{validation.code}") String category,
      @RequestParam(required = false) @Size(max = 32) @Pattern(regexp = "^[A-Z_]+$", message = "{validation.code}") String department,
      @RequestParam(required = false) @Size(max = 64) String owner,
      @RequestParam(required = false) CustomerTier tier,
      @RequestParam(required = false) OffsetDateTime receivedFrom,
      @RequestParam(required = false) OffsetDateTime receivedTo,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "{validation.page}") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "{validation.size}") @Max(value = 200, message = "{validation.size}") int size,
      @RequestParam(defaultValue = "receivedAt,desc") @Pattern(regexp = "^[A-Za-z]+(,(asc|desc))?$", message = "{validation.sort}") String sort,
      Locale locale) {
    String[] sortParts = sort.split(",");
    if (!SORTABLE.contains(sortParts[0])) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "sort", "validation.sort");
    }
    if (receivedFrom != null && receivedTo != null && !receivedFrom.isBefore(receivedTo)) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "receivedTo", "validation.range");
    }
    Sort order = Sort.by(sortParts.length > 1 && "asc".equals(sortParts[1]) ? Sort.Direction.ASC : Sort.Direction.DESC,
        sortParts[0]).and(Sort.by(Sort.Direction.DESC, "id"));
    ComplaintFilter filter = new ComplaintFilter(status, category, department, owner, tier,
        receivedFrom == null ? null : receivedFrom.toInstant(), receivedTo == null ? null : receivedTo.toInstant());
    Page<Complaint> result = search.search(filter, PageRequest.of(page, size, order));
    return new SummaryPage(result.getContent().stream().map(c -> summary(c, locale)).toList(),
        new PageMeta(result.getNumber(), result.getSize(), result.getTotalElements(), result.getTotalPages()));
  }

  @Operation(summary = "投诉档案 / A complaint's record", description = "Everything about one complaint, with its full history.")
  @GetMapping("/{ticket}")
  Detail detail(@PathVariable String ticket, Locale locale) {
    Complaint c = complaints.findByTicket(ticket).orElseThrow(() ->
        ApiException.field(HttpStatus.NOT_FOUND, "complaint-not-found", "ticket", "problem.ticket.unknown", ticket));
    List<StaffHistoryEntry> entries = history.all(c.getId()).stream().map(e -> {
      HistoryEntry h = views.entry(e, locale, true);
      return new StaffHistoryEntry(h.at(), h.type(), h.text(), e.actor(), h.detail(), e.customerVisible());
    }).toList();
    return new Detail(summary(c, locale), c.getCustomerPhone(), c.getCustomerEmail(), c.getCustomerLanguage(),
        c.getOccurredAt(), c.getDescription(), c.getDesiredRemedy(), c.getFacts(), c.getCustomerRequest(),
        c.getProblemType(), c.getReceivedBy(), c.getFirstRespondedAt(), c.getPromisedReplyAt(), c.getDelayReason(),
        views.remedy(c, locale), c.getSignedOffBy(), c.getResolvedAt(),
        c.getClosureReason() == null ? null : c.getClosureReason().name(), c.getReopenCount(),
        c.getProcessInstanceId(), slaClock.state(c), c.getLinkageOverdueAt(),
        decisions.findByComplaintIdOrderByDecidedAtAscIdAsc(c.getId()),
        inquiries.findByComplaintIdOrderByRequestedAtAscIdAsc(c.getId()).stream().map(i -> new Inquiry(
            i.getDepartment(), Department.of(i.getDepartment()).title(), i.getQuestion(), i.getRequestedBy(),
            i.getRequestedAt(), i.getDueAt(), i.getRemindedAt(), i.getOverdueAt(), i.getRepliedAt(), i.getRepliedBy(),
            i.getReply(), i.getRepliedAt() == null ? null : i.repliedOnTime(), i.getSatisfaction(),
            i.getRatingComment())).toList(),
        c.getBatchIncidentId(),
        revisits.findByComplaintIdOrderByOpenedAt(c.getId()).stream().map(r -> new Revisit(r.getMethod(),
            r.getOpenedAt(), r.getExpiresAt(), r.getAnsweredAt(), r.getAnsweredBy(), r.getReached(), r.scores(),
            r.getComment(), r.getSatisfied())).toList(),
        accountability.findByComplaintIdOrderByOpenedAt(c.getId()),
        entries);
  }

  /** What a staff member reports: the customer asked for a superior, or threatened the media, a regulator or court. */
  record EscalationDemandReport(@NotNull(message = "{validation.required}") Demand demand,
      @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") @PlainText
      String note) {
  }

  @Operation(summary = "报告客户要求升级 / Report a customer's demand for escalation",
      description = "A manager is brought in at once (escalation level MANAGER, a task in the managers' Tasklist).")
  @PostMapping(path = "/{ticket}/escalation-demands", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Detail> demandEscalation(@PathVariable String ticket, @Valid @RequestBody EscalationDemandReport report,
      Authentication authentication, Locale locale) {
    Complaint c = complaints.findByTicket(ticket).orElseThrow(() ->
        ApiException.field(HttpStatus.NOT_FOUND, "complaint-not-found", "ticket", "problem.ticket.unknown", ticket));
    if (!escalationDemands.demand(c, report.demand(), report.note().strip(), authentication.getName())) {
      throw ApiException.field(HttpStatus.CONFLICT, "escalation-closed", "ticket", "problem.escalation-closed.detail",
          ticket);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(detail(ticket, locale));
  }

  private Summary summary(Complaint c, Locale locale) {
    return new Summary(c.getTicket(), c.getStatus().name(), views.text("status." + c.getStatus(), locale),
        c.getCustomerName(), c.getCustomerTier().name(), c.getChannel().name(), c.getProductName(), c.getCategory(),
        c.getSeverity(), c.getDepartment(), c.getOwner(), c.getReceivedAt(), c.getFirstResponseDueAt(),
        c.getResolutionDueAt(), c.getClosedAt(), c.getEscalationLevel() == null ? null : c.getEscalationLevel().name(),
        c.isSlaPaused());
  }

}
