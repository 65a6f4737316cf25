package io.complaintflow.api.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.accountability.AccountabilityReview;
import io.complaintflow.process.accountability.AccountabilityReviewRepository;
import io.complaintflow.process.batch.BatchIncident;
import io.complaintflow.process.batch.BatchIncidentRepository;
import io.complaintflow.process.staff.Department;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Batch incidents (批量投诉事件) and accountability reviews (问责复盘), for staff. */
@RestController
@Tag(name = "after-action", description = "批量投诉与问责复盘 / Batch incidents and accountability reviews")
class AfterActionController {

  private final BatchIncidentRepository incidents;
  private final AccountabilityReviewRepository reviews;
  private final JdbcClient jdbc;

  AfterActionController(BatchIncidentRepository incidents, AccountabilityReviewRepository reviews, JdbcClient jdbc) {
    this.incidents = incidents;
    this.reviews = reviews;
    this.jdbc = jdbc;
  }

  record Incident(long id, String productCode, String productName, String category, String department,
      String departmentTitle, Instant openedAt, int complaintsAtOpening, List<String> tickets, String cause,
      String scriptedAnswer, String resolution, Instant closedAt, String closedBy) {
  }

  @Operation(summary = "批量投诉事件 / Batch incidents", description = "Newest first; open=true for the open ones only.")
  @GetMapping(path = "/api/staff/batch-incidents", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Incident> incidents(@RequestParam(defaultValue = "false") boolean open) {
    return incidents.findAllByOrderByOpenedAtDesc().stream().filter(i -> !open || i.isOpen()).map(this::view).toList();
  }

  @Operation(summary = "一个批量投诉事件 / A batch incident", description = "With the tickets of its complaints.")
  @GetMapping(path = "/api/staff/batch-incidents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  Incident incident(@PathVariable long id) {
    return view(incidents.findById(id).orElseThrow(() -> ApiException.field(HttpStatus.NOT_FOUND,
        "batch-incident-not-found", "id", "problem.batchIncident.unknown", id)));
  }

  @Operation(summary = "问责复盘 / Accountability reviews",
      description = "Newest first; open=true for those whose corrective action is not completed yet.")
  @GetMapping(path = "/api/staff/accountability-reviews", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AccountabilityReview> reviews(@RequestParam(defaultValue = "false") boolean open) {
    return reviews.findAllByOrderByOpenedAtDesc().stream().filter(r -> !open || r.getCompletedAt() == null).toList();
  }

  private Incident view(BatchIncident i) {
    List<String> tickets = jdbc.sql("select ticket from complaint where batch_incident_id = :id order by received_at")
        .param("id", i.getId()).query(String.class).list();
    return new Incident(i.getId(), i.getProductCode(), i.getProductName(), i.getCategory(), i.getDepartment(),
        Department.of(i.getDepartment()).title(), i.getOpenedAt(), i.getComplaintsAtOpening(), tickets, i.getCause(),
        i.getScriptedAnswer(), i.getResolution(), i.getClosedAt(), i.getClosedBy());
  }
}
