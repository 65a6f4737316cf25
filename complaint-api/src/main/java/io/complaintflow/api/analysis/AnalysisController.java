package io.complaintflow.api.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.analysis.AnalysisReport;
import io.complaintflow.process.analysis.AnalysisReports;
import io.complaintflow.process.analysis.HotSpotAnalysis;
import io.complaintflow.process.analysis.HotSpotAnalysisProcess;
import io.complaintflow.process.analysis.ImprovementProject;
import io.complaintflow.process.analysis.ImprovementProjectRepository;
import io.complaintflow.process.analysis.Period;
import io.complaintflow.process.staff.Department;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

/**
 * The hot-spot analysis 热点分析 (分析机制): figures for any period, the stored monthly and on-demand reports that the
 * joint meeting discusses, and the improvement projects 攻关项目 it decided. Supervisors, managers, directors, quality
 * managers and process owners.
 */
@RestController
@RequestMapping("/api/staff/analysis")
@Tag(name = "analysis", description = "热点分析与攻关项目 / Hot-spot analysis and improvement projects")
@SecurityRequirement(name = "staff")
@PreAuthorize("hasAnyRole('supervisors','managers','directors','qualityManagers','processOwners')")
class AnalysisController {

  private final HotSpotAnalysis analysis;
  private final AnalysisReports reports;
  private final ImprovementProjectRepository projects;
  private final AnalysisViews views;
  private final RuntimeService runtime;

  AnalysisController(HotSpotAnalysis analysis, AnalysisReports reports, ImprovementProjectRepository projects,
      AnalysisViews views, RuntimeService runtime) {
    this.analysis = analysis;
    this.reports = reports;
    this.projects = projects;
    this.views = views;
    this.runtime = runtime;
  }

  @Operation(summary = "热点分析 / Hot-spot analysis of a period",
      description = "Figures for complaints received in [from, to) (dates in Asia/Shanghai, to exclusive; default: the "
          + "last calendar month), each with the previous period of equal length (the previous months when the period "
          + "is whole months) and the change. JSON, or CSV with Accept: text/csv or format=csv.")
  @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> analyse(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) @Pattern(regexp = "^(json|csv)$", message = "{validation.format}") String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Locale locale) {
    Period period = period(from, to);
    return render(period, analysis.figures(period), format, accept, locale);
  }

  /** The period to analyse, in the request's words. */
  record ReportRequest(LocalDate from, LocalDate to) {
  }

  record ReportSummary(long id, Instant from, Instant to, Instant generatedAt, String generatedBy,
      Instant meetingHeldAt, String meetingMinutes, String processInstanceId, long projects) {
  }

  record Report(ReportSummary report, AnalysisViews.Analysis analysis) {
  }

  @Operation(summary = "生成分析报告 / Generate a report for the joint meeting",
      description = "Starts the hot-spot analysis process for the period (default: last calendar month): the report "
          + "is stored and the managers get the joint-meeting task 召开联席会议. The monthly report starts by itself.")
  @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Report> generate(@RequestBody(required = false) ReportRequest request, Authentication user,
      Locale locale) {
    Period period = request == null ? period(null, null) : period(request.from(), request.to());
    Map<String, Object> variables = new HashMap<>();
    variables.put(HotSpotAnalysisProcess.Vars.PERIOD_FROM, period.from().toString());
    variables.put(HotSpotAnalysisProcess.Vars.PERIOD_TO, period.to().toString());
    variables.put(HotSpotAnalysisProcess.Vars.REQUESTED_BY, user.getName());
    ProcessInstance instance = runtime.startProcessInstanceByMessage(HotSpotAnalysisProcess.MESSAGE_REQUESTED, variables);
    long id = ((Number) runtime.getVariable(instance.getId(), HotSpotAnalysisProcess.Vars.REPORT_ID)).longValue();
    return ResponseEntity.status(HttpStatus.CREATED).body(report(id, locale));
  }

  @Operation(summary = "分析报告列表 / Stored reports, newest first")
  @GetMapping(path = "/reports", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ReportSummary> reports() {
    return reports.all().stream().map(this::summary).toList();
  }

  @Operation(summary = "分析报告 / A stored report", description = "JSON, or CSV with Accept: text/csv or format=csv.")
  @GetMapping(path = "/reports/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> report(@PathVariable long id,
      @RequestParam(required = false) @Pattern(regexp = "^(json|csv)$", message = "{validation.format}") String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Locale locale) {
    if (AnalysisViews.wantsCsv(format, accept)) {
      AnalysisReport r = stored(id);
      return views.csv(r.period(), reports.zone(), AnalysisReports.figuresOf(r), locale);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report(id, locale));
  }

  record ProjectView(long id, long reportId, String title, String goal, String department, String departmentTitle,
      Instant dueAt, Instant openedAt, String state, Instant remindedAt, Instant overdueAt, Instant completedAt,
      String completedBy, String result, String supervisionNote) {
  }

  @Operation(summary = "攻关项目 / Improvement projects and where they stand",
      description = "All projects by due date, or those of one report. state: OPEN, OVERDUE or COMPLETED.")
  @GetMapping(path = "/projects", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ProjectView> projects(@RequestParam(required = false) Long reportId) {
    List<ImprovementProject> found = reportId == null ? projects.findAllByOrderByDueAtAscIdAsc()
        : projects.findByReportIdOrderByIdAsc(stored(reportId).getId());
    return found.stream().map(p -> new ProjectView(p.getId(), p.getReportId(), p.getTitle(), p.getGoal(),
        p.getDepartment(), Department.of(p.getDepartment()).title(), p.getDueAt(), p.getOpenedAt(), p.state().name(),
        p.getRemindedAt(), p.getOverdueAt(), p.getCompletedAt(), p.getCompletedBy(), p.getResult(),
        p.getSupervisionNote())).toList();
  }

  private Report report(long id, Locale locale) {
    AnalysisReport r = stored(id);
    return new Report(summary(r), views.analysis(r.period(), reports.zone(), AnalysisReports.figuresOf(r), locale));
  }

  private ReportSummary summary(AnalysisReport r) {
    return new ReportSummary(r.getId(), r.getPeriodFrom(), r.getPeriodTo(), r.getGeneratedAt(), r.getGeneratedBy(),
        r.getMeetingHeldAt(), r.getMeetingMinutes(), r.getProcessInstanceId(),
        projects.findByReportIdOrderByIdAsc(r.getId()).size());
  }

  private AnalysisReport stored(long id) {
    return reports.find(id).orElseThrow(() ->
        ApiException.field(HttpStatus.NOT_FOUND, "report-not-found", "id", "problem.report.unknown", String.valueOf(id)));
  }

  private ResponseEntity<?> render(Period period, List<io.complaintflow.process.analysis.Figure> figures, String format,
      String accept, Locale locale) {
    if (AnalysisViews.wantsCsv(format, accept)) {
      return views.csv(period, reports.zone(), figures, locale);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(views.analysis(period, reports.zone(), figures, locale));
  }

  /** [from, to) from the request; both or neither (the last calendar month). */
  private Period period(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return reports.defaultPeriod();
    }
    if (from == null) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "from", "validation.required");
    }
    if (to == null) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "to", "validation.required");
    }
    if (!from.isBefore(to)) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "to", "validation.range");
    }
    if (from.plusYears(3).isBefore(to)) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "to", "validation.periodTooLong");
    }
    return Period.of(from, to, reports.zone());
  }
}
