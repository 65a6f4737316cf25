package io.complaintflow.api.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.ComplaintViews;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.handling.HandlingProcess;
import io.complaintflow.process.linkage.DepartmentPerformance;
import io.complaintflow.process.linkage.DepartmentPerformance.Figures;
import io.complaintflow.process.sla.SlaOverview;
import io.complaintflow.process.sla.SlaOverview.State;
import io.complaintflow.process.staff.StaffLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The SLA dashboard's figures (Cockpit start page and the handling process's tab): open complaints by SLA state, due
 * soon, escalations by level, department reply on-time rates and the breached complaints.
 */
@RestController
@Tag(name = "staff")
@SecurityRequirement(name = "staff")
@EnableConfigurationProperties(SlaOverviewController.DashboardSettings.class)
class SlaOverviewController {

  /**
   * Dashboard settings ({@code complaintflow.dashboard.*}).
   *
   * @param dueSoon the default "due soon" window
   * @param departmentPeriod how far back department reply figures go
   * @param breachedListSize how many breached complaints are listed by default (most overdue first)
   */
  @ConfigurationProperties("complaintflow.dashboard")
  record DashboardSettings(@DefaultValue("PT4H") Duration dueSoon, @DefaultValue("P30D") Duration departmentPeriod,
      @DefaultValue("50") int breachedListSize) {
  }

  private final SlaOverview overview;
  private final DepartmentPerformance departments;
  private final RepositoryService repository;
  private final ComplaintViews views;
  private final DashboardSettings settings;

  SlaOverviewController(SlaOverview overview, DepartmentPerformance departments, RepositoryService repository,
      ComplaintViews views, DashboardSettings settings) {
    this.overview = overview;
    this.departments = departments;
    this.repository = repository;
    this.views = views;
    this.settings = settings;
  }

  record DueSoon(long withinHours, long count) {
  }

  record DepartmentReplies(Instant from, Instant to, List<Figures> departments) {
  }

  record BreachedComplaint(String ticket, String customerName, String customerTier, String status, String statusText,
      String department, String owner, String clock, Instant dueAt, String escalationLevel, String processInstanceId) {
  }

  record Breached(long total, List<BreachedComplaint> complaints) {
  }

  record Overview(Instant at, String processDefinitionId, Integer processDefinitionVersion, long open,
      Map<State, Long> byState, DueSoon dueSoon, Map<StaffLevel, Long> escalations,
      DepartmentReplies departmentReplies, Breached breached) {
  }

  @Operation(summary = "服务水平概览 / SLA overview",
      description = "Open complaints by SLA state (ON_TRACK, WARNED, BREACHED, PAUSED: the worst running clock), "
          + "those falling due within dueWithinHours (default complaintflow.dashboard.due-soon, 4 h), escalations by "
          + "level, each department's reply on-time rate over the last 30 days, and the breached complaints (most "
          + "overdue first, at most `limit`). With processDefinitionId: only complaints whose handling process runs "
          + "that version of ComplaintHandlingProcess.")
  @GetMapping(path = "/api/staff/sla/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  Overview overview(
      @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_:.-]+$", message = "{validation.processDefinition}") String processDefinitionId,
      @RequestParam(required = false) @Min(value = 1, message = "{validation.hours}") @Max(value = 720, message = "{validation.hours}") Integer dueWithinHours,
      @RequestParam(required = false) @Min(value = 0, message = "{validation.size}") @Max(value = 200, message = "{validation.size}") Integer limit,
      Locale locale) {
    Integer version = null;
    if (processDefinitionId != null) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId)
          .singleResult();
      if (definition == null || !HandlingProcess.KEY.equals(definition.getKey())) {
        throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "processDefinitionId",
            "validation.processDefinition");
      }
      version = definition.getVersion();
    }
    Duration window = dueWithinHours == null ? settings.dueSoon() : Duration.ofHours(dueWithinHours);
    SlaOverview.Figures f = overview.of(processDefinitionId, window, limit == null ? settings.breachedListSize() : limit);
    Instant to = f.at();
    Instant from = to.minus(settings.departmentPeriod());
    List<BreachedComplaint> breached = f.breached().stream().map(b -> new BreachedComplaint(b.ticket(),
        b.customerName(), b.customerTier(), b.status(), views.text("status." + b.status(), locale), b.department(),
        b.owner(), b.clock(), b.dueAt(), b.escalationLevel() == null ? null : b.escalationLevel().name(),
        b.processInstanceId())).toList();
    return new Overview(f.at(), processDefinitionId, version, f.open(), f.byState(),
        new DueSoon(window.toHours(), f.dueSoon()), f.escalations(),
        new DepartmentReplies(from, to, departments.between(from, to, processDefinitionId)),
        new Breached(f.byState().get(State.BREACHED), breached));
  }
}
