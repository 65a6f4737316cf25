package io.complaintflow.api.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.PlainText;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.launch.LaunchReview;
import io.complaintflow.process.launch.LaunchReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Launch reviews 新产品测评 (事前预防): product owners submit a new product or service; customer service reviews it
 * against past complaints on similar products in Tasklist, and its handling plan 预案 ends up in the catalogue.
 */
@RestController
@RequestMapping(path = "/api/staff/launch-reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "launch reviews", description = "新产品测评 / Launch reviews")
@SecurityRequirement(name = "staff")
class LaunchReviewController {

  private final LaunchReviews reviews;
  private final BusinessCalendar calendar;
  private final Clock clock;

  LaunchReviewController(LaunchReviews reviews, BusinessCalendar calendar, Clock clock) {
    this.reviews = reviews;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** A new product or service to review before it launches. */
  record Submission(
      @NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.tooLong}")
      @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "{validation.productCode}") String productCode,
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") @PlainText
      String productName,
      @Size(max = 50, message = "{validation.tooLong}")
      @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "{validation.productLine}") String productLine,
      @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") @PlainText
      String description,
      @NotNull(message = "{validation.required}") LocalDate plannedLaunchDate) {
  }

  record ReviewView(long id, String status, String productCode, String productName, String productLine,
      String description, LocalDate plannedLaunchDate, String submittedBy, Instant submittedAt,
      Integer pastComplaintCount, String pastComplaints, String findings, String improvementRequests,
      String reviewedBy, String productResponse, String respondedBy, Instant responseRemindedAt, String handlingPlan,
      Instant completedAt, String processInstanceId) {
  }

  @Operation(summary = "提交新产品测评 / Submit a product or service for launch review",
      description = "Product department and process owners. Past complaints on the same product code or product line "
          + "are listed at once; supervisors review it in Tasklist. 409 while the product is under review.")
  @PreAuthorize("hasAnyRole('deptProduct','processOwners')")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ReviewView> submit(@Valid @RequestBody Submission s, Authentication user) {
    if (s.plannedLaunchDate().isBefore(LocalDate.ofInstant(clock.instant(), calendar.zone()))) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "plannedLaunchDate", "validation.launchDate");
    }
    try {
      LaunchReview r = reviews.submit(s.productCode().strip(), s.productName().strip(),
          s.productLine() == null || s.productLine().isBlank() ? null : s.productLine().strip(),
          s.description().strip(), s.plannedLaunchDate(), user.getName());
      return ResponseEntity.status(HttpStatus.CREATED).body(view(r));
    } catch (LaunchReviews.AlreadyUnderReviewException e) {
      throw ApiException.field(HttpStatus.CONFLICT, "launch-review-open", "productCode",
          "problem.launch-review-open.reason", s.productCode());
    }
  }

  @Operation(summary = "新产品测评列表 / Launch reviews, newest first")
  @GetMapping
  List<ReviewView> list() {
    return reviews.all().stream().map(LaunchReviewController::view).toList();
  }

  @Operation(summary = "新产品测评 / A launch review")
  @GetMapping("/{id}")
  ReviewView get(@PathVariable long id) {
    return view(reviews.find(id).orElseThrow(() -> ApiException.field(HttpStatus.NOT_FOUND,
        "launch-review-not-found", "id", "problem.launch-review.unknown", String.valueOf(id))));
  }

  private static ReviewView view(LaunchReview r) {
    return new ReviewView(r.getId(), r.getStatus().name(), r.getProductCode(), r.getProductName(), r.getProductLine(),
        r.getDescription(), r.getLaunchDate(), r.getSubmittedBy(), r.getSubmittedAt(), r.getPastComplaintCount(),
        r.getPastComplaints(), r.getFindings(), r.getImprovementRequests(), r.getReviewedBy(), r.getProductResponse(),
        r.getRespondedBy(), r.getResponseRemindedAt(), r.getHandlingPlan(), r.getCompletedAt(),
        r.getProcessInstanceId());
  }
}
