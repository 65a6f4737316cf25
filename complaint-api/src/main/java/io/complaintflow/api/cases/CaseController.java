package io.complaintflow.api.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.PlainText;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.api.system.StaffRoles;
import io.complaintflow.process.cases.CaseLibrary;
import io.complaintflow.process.cases.CaseNominationRefusedException;
import io.complaintflow.process.cases.ExemplaryCase;
import io.complaintflow.process.cases.SimilarCases;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.staff.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The case library 案例库: staff nominate closed complaints as exemplary cases (a supervisor reviews them in
 * Tasklist), search the approved ones, and see those like a complaint. Any staff member.
 */
@RestController
@Tag(name = "cases", description = "典型案例库 / Case library")
@SecurityRequirement(name = "staff")
class CaseController {

  private final CaseLibrary library;
  private final SimilarCases similarCases;
  private final ComplaintRepository complaints;

  CaseController(CaseLibrary library, SimilarCases similarCases, ComplaintRepository complaints) {
    this.library = library;
    this.similarCases = similarCases;
    this.complaints = complaints;
  }

  /** A case written up as the manuals do. */
  record Nomination(
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") @PlainText String title,
      @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") @PlainText String story,
      @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") @PlainText String handling,
      @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") @PlainText String analysis) {
  }

  record CaseView(long id, String ticket, String status, String title, String category, String productCode,
      String productName, String story, String handling, String analysis, String nominatedBy, Instant nominatedAt,
      String reviewedBy, Instant reviewedAt, String reviewNote) {
  }

  record CaseSummary(long id, String title, String category, String productCode, String productName,
      Instant reviewedAt) {
  }

  record PageMeta(int number, int size, long totalElements, int totalPages) {
  }

  record CasePage(List<CaseSummary> content, PageMeta page) {
  }

  @Operation(summary = "推荐典型案例 / Nominate a closed complaint as an exemplary case",
      description = "Written up as 事情经过 (story), 处理 (handling) and 分析及预防 (analysis). A supervisor reviews it in "
          + "Tasklist. 409 when the complaint is not closed or already has a case in review or in the library.")
  @PostMapping(path = "/api/staff/complaints/{ticket}/case-nominations", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView> nominate(@PathVariable String ticket, @Valid @RequestBody Nomination n,
      Authentication user) {
    Complaint c = complaint(ticket);
    try {
      ExemplaryCase nominated = library.nominate(c, new ExemplaryCase.Text(n.title().strip(), n.story().strip(),
          n.handling().strip(), n.analysis().strip()), user.getName());
      return ResponseEntity.status(HttpStatus.CREATED).body(view(nominated, ticket));
    } catch (CaseNominationRefusedException e) {
      String type = e.reason() == CaseNominationRefusedException.Reason.NOT_CLOSED ? "case-not-closed"
          : "case-already-nominated";
      throw ApiException.field(HttpStatus.CONFLICT, type, "ticket", "problem." + type + ".reason", ticket);
    }
  }

  @Operation(summary = "相似案例 / Approved cases like a complaint",
      description = "Same product and category first, then same product, then same category; at most 3.")
  @GetMapping(path = "/api/staff/complaints/{ticket}/similar-cases", produces = MediaType.APPLICATION_JSON_VALUE)
  List<CaseSummary> similar(@PathVariable String ticket) {
    return similarCases.cases(complaint(ticket).getId()).stream().map(CaseController::summary).toList();
  }

  @Operation(summary = "检索案例库 / Search the approved cases",
      description = "category: a category code; product: a product code or part of its name; q: text in the title, "
          + "story, handling or analysis. Newest first, paged.")
  @GetMapping(path = "/api/staff/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  CasePage search(
      @RequestParam(required = false) @Size(max = 32) @Pattern(regexp = "^[A-Z_]+$", message = "{validation.code}") String category,
      @RequestParam(required = false) @Size(max = 200, message = "{validation.tooLong}") String product,
      @RequestParam(required = false) @Size(max = 200, message = "{validation.tooLong}") String q,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "{validation.page}") int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = "{validation.size}") @Max(value = 200, message = "{validation.size}") int size) {
    Page<ExemplaryCase> found = library.search(blankToNull(category), blankToNull(product), blankToNull(q),
        PageRequest.of(page, size));
    return new CasePage(found.getContent().stream().map(CaseController::summary).toList(),
        new PageMeta(found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages()));
  }

  @Operation(summary = "典型案例 / A case",
      description = "Approved cases for every staff member; a case still in review for its nominator and supervisors, "
          + "managers and directors.")
  @GetMapping(path = "/api/staff/cases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  CaseView get(@PathVariable long id, Authentication user) {
    ExemplaryCase c = library.find(id).filter(found -> found.getStatus() == ExemplaryCase.Status.APPROVED
        || found.getNominatedBy().equals(user.getName()) || reviewer(user))
        .orElseThrow(() -> ApiException.field(HttpStatus.NOT_FOUND, "case-not-found", "id", "problem.case.unknown", String.valueOf(id)));
    return view(c, complaints.findById(c.getComplaintId()).map(Complaint::getTicket).orElse(null));
  }

  private static boolean reviewer(Authentication user) {
    List<String> reviewers = List.of(StaffRoles.role(StaffGroups.SUPERVISORS), StaffRoles.role(StaffGroups.MANAGERS),
        StaffRoles.role(StaffGroups.DIRECTORS));
    return user.getAuthorities().stream().anyMatch(a -> reviewers.contains(a.getAuthority()));
  }

  private Complaint complaint(String ticket) {
    return complaints.findByTicket(ticket).orElseThrow(() ->
        ApiException.field(HttpStatus.NOT_FOUND, "complaint-not-found", "ticket", "problem.ticket.unknown", ticket));
  }

  private static CaseView view(ExemplaryCase c, String ticket) {
    return new CaseView(c.getId(), ticket, c.getStatus().name(), c.getTitle(), c.getCategory(), c.getProductCode(),
        c.getProductName(), c.getStory(), c.getHandling(), c.getAnalysis(), c.getNominatedBy(), c.getNominatedAt(),
        c.getReviewedBy(), c.getReviewedAt(), c.getReviewNote());
  }

  private static CaseSummary summary(ExemplaryCase c) {
    return new CaseSummary(c.getId(), c.getTitle(), c.getCategory(), c.getProductCode(), c.getProductName(),
        c.getReviewedAt());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
