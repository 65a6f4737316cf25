package io.complaintflow.api.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.linkage.DepartmentPerformance;
import io.complaintflow.process.linkage.DepartmentPerformance.Figures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** How departments answer complaint inquiries: reply on-time rate 回复及时率 and reply satisfaction 回复满意度. */
@RestController
@Tag(name = "staff")
class DepartmentPerformanceController {

  private final DepartmentPerformance performance;
  private final Clock clock;

  DepartmentPerformanceController(DepartmentPerformance performance, Clock clock) {
    this.performance = performance;
    this.clock = clock;
  }

  record Report(Instant from, Instant to, List<Figures> departments) {
  }

  @Operation(summary = "部门回复及时率与满意度 / Department reply on-time rate and satisfaction",
      description = "For inquiries sent in [from, to); default: the last 30 days. An inquiry still open past its "
          + "deadline counts as late.")
  @GetMapping(path = "/api/staff/departments/performance", produces = MediaType.APPLICATION_JSON_VALUE)
  Report performance(@RequestParam(required = false) OffsetDateTime from,
      @RequestParam(required = false) OffsetDateTime to) {
    Instant end = to == null ? clock.instant() : to.toInstant();
    Instant start = from == null ? end.minus(Duration.ofDays(30)) : from.toInstant();
    if (!start.isBefore(end)) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "to", "validation.range");
    }
    return new Report(start, end, performance.between(start, end));
  }
}
