package io.complaintflow.process.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.escalation.EscalationProcess;

/**
 * The SLA clocks of a complaint (升级机制): when its first response and its resolution fall due, in working time.
 *
 * <p>The complaint row holds the due times; {@code bpmn/complaint-escalation.bpmn} runs one instance per complaint
 * whose timers ask this bean for their dates ({@code ${slaClock.dueAt(execution, 'RESOLUTION_BREACH')}}). The
 * warnings before them are no timers: {@link SlaWarningSweep} gives them when {@link SlaWarningSchedule} says. Whenever
 * the due times move (the complaint is classified, or waits for the customer and then goes on), the row is updated
 * and every waiting timer is recalculated, and the due dates of the complaint's open tasks follow, so Tasklist sorts
 * by real urgency. While the complaint waits for the customer its timers are put off indefinitely.
 */
@Component("slaClock")
@EnableConfigurationProperties(SlaSettings.class)
public class SlaClock {

  /** When the clocks' timers fire while the complaint waits for the customer: not before it goes on. */
  static final Instant WHILE_PAUSED = Instant.parse("9999-12-31T00:00:00Z");

  private final ComplaintHistory history;
  private final BusinessCalendar calendar;
  private final SlaSettings settings;
  private final SlaWarningSchedule warnings;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final Clock clock;
  /**
   * The complaint whose timers are being set right now ({@link #start}, {@link #firstResponded},
   * {@link #recalculateTimers}): the timers' expressions read their dates from it instead of loading it once per timer.
   */
  private final ThreadLocal<Complaint> settingTimersOf = new ThreadLocal<>();

  public SlaClock(ComplaintHistory history, BusinessCalendar calendar, SlaSettings settings,
      SlaWarningSchedule warnings, RuntimeService runtime, ManagementService management, TaskService tasks,
      Clock clock) {
    this.history = history;
    this.calendar = calendar;
    this.settings = settings;
    this.warnings = warnings;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Sets the targets of a newly received complaint (before classification: by customer tier). */
  public void setTargets(Complaint c, SlaTargets targets) {
    Instant received = c.getReceivedAt();
    c.setSlaTargets(targets.firstResponse(), calendar.plus(received, targets.firstResponse()),
        targets.resolution(), calendar.plus(received, targets.resolution()));
  }

  /** Starts the clocks of a complaint: its escalation process. */
  public void start(Complaint c) {
    settingTimersOf(c, () -> runtime.startProcessInstanceByKey(EscalationProcess.KEY, c.getTicket(), Map.of(
        EscalationProcess.Vars.COMPLAINT_ID, c.getId(), EscalationProcess.Vars.TICKET, c.getTicket(),
        "customerName", c.getCustomerName(), "customerTier", c.getCustomerTier().name(),
        "productName", c.getProductName())));
  }

  /** The complaint was registered: its first-response clock stops. */
  public void firstResponded(Complaint c) {
    escalationProcess(c).ifPresent(pi -> settingTimersOf(c, () -> runtime
        .createMessageCorrelation(EscalationProcess.MSG_FIRST_RESPONDED)
        .processInstanceId(pi.getId()).correlateAllWithResult()));
  }

  /** The complaint is being closed: all clocks stop. Returns the complaint as saved. */
  public Complaint stop(Complaint c) {
    if (c.isSlaPaused()) {
      c = resume(c, "CLOSED");
    }
    escalationProcess(c).ifPresent(pi -> runtime.createMessageCorrelation(EscalationProcess.MSG_COMPLAINT_CLOSED)
        .processInstanceId(pi.getId()).correlateAllWithResult());
    return c;
  }

  /**
   * Classification set the complaint's category and severity, and with them a new resolution target: the resolution
   * clock moves (counted from receipt, plus any time already spent waiting for the customer).
   */
  public void classify(Complaint c, String category, String severity, String department, String resolutionTarget) {
    Instant due = calendar.plus(c.getReceivedAt(), resolutionTarget);
    if (c.getSlaPausedSeconds() > 0) {
      due = calendar.addWorkingTime(due, Duration.ofSeconds(c.getSlaPausedSeconds()));
    }
    c.classify(category, severity, department, resolutionTarget, due);
    retime(c);
  }

  /** A resolved complaint was reopened: a fresh resolution clock from now; the first response stays met. */
  public void restart(Complaint c) {
    start(c);
    firstResponded(c);
  }

  /** The complaint waits for the customer: the clocks stand still until {@link #resume}. Returns it as saved. */
  public Complaint pause(Complaint c, String reason) {
    if (c.isSlaPaused() || c.getClosedAt() != null) {
      return c;
    }
    c.pauseSla(clock.instant());
    c = history.record(c, ComplaintEventType.SLA_PAUSED, ComplaintHistory.SYSTEM, reason);
    recalculateTimers(c);
    return c;
  }

  /**
   * The customer answered (or we go on without them): the clocks run again, the open due times moved by the paused
   * working time. Returns the complaint as saved.
   */
  public Complaint resume(Complaint c, String reason) {
    if (!c.isSlaPaused()) {
      return c;
    }
    Duration paused = calendar.workingTimeBetween(c.getSlaPausedAt(), clock.instant());
    Instant firstDue = c.getFirstRespondedAt() == null
        ? calendar.addWorkingTime(c.getFirstResponseDueAt(), paused) : c.getFirstResponseDueAt();
    Instant resolutionDue = calendar.addWorkingTime(c.getResolutionDueAt(), paused);
    c.resumeSla(paused.toSeconds(), firstDue, resolutionDue);
    c = history.record(c, ComplaintEventType.SLA_RESUMED, ComplaintHistory.SYSTEM,
        reason + " (" + paused.toMinutes() + " min)");
    retime(c);
    return c;
  }

  /** The date a timer of the escalation process fires at; called by the timers' expressions. */
  public Date dueAt(DelegateExecution execution, String timer) {
    long complaintId = ((Number) execution.getVariable(EscalationProcess.Vars.COMPLAINT_ID)).longValue();
    Complaint inHand = settingTimersOf.get();
    Complaint c = inHand != null && inHand.getId() != null && inHand.getId() == complaintId
        ? inHand : history.complaint(complaintId);
    return Date.from(timerDue(c, SlaTimer.valueOf(timer)));
  }

  private void settingTimersOf(Complaint c, Runnable step) {
    Complaint outer = settingTimersOf.get();
    settingTimersOf.set(c);
    try {
      step.run();
    } finally {
      if (outer == null) {
        settingTimersOf.remove();
      } else {
        settingTimersOf.set(outer);
      }
    }
  }

  /**
   * When a moment of a complaint's clocks comes, from its due times and the escalation settings: a timer of the
   * escalation model, or a warning (for the follow-up date of its tasks and the status APIs).
   */
  public Instant timerDue(Complaint c, SlaTimer timer) {
    if (c.isSlaPaused() && timer != SlaTimer.CUSTOMER_INFORMATION_WAIT) {
      return WHILE_PAUSED;
    }
    return switch (timer) {
      case FIRST_RESPONSE_WARNING -> warnings.firstResponseWarning(c);
      case FIRST_RESPONSE_BREACH -> c.getFirstResponseDueAt();
      case RESOLUTION_WARNING -> warnings.resolutionWarning(c);
      case RESOLUTION_BREACH -> c.getResolutionDueAt();
      case ESCALATION_TO_MANAGER -> calendar.addWorkingTime(c.getResolutionDueAt(), settings.escalateToManagerAfter());
      case ESCALATION_TO_DIRECTOR -> calendar.addWorkingTime(c.getResolutionDueAt(), settings.escalateToDirectorAfter());
      case CUSTOMER_INFORMATION_WAIT -> calendar.addWorkingTime(
          c.getSlaPausedAt() != null ? c.getSlaPausedAt() : clock.instant(), settings.customerInformationWait());
    };
  }

  /** Where the clocks of a complaint stand, for the status and staff APIs. */
  public SlaState state(Complaint c) {
    Instant now = clock.instant();
    Instant reference = c.isSlaPaused() ? c.getSlaPausedAt() : now;
    SlaState.Clock first = SlaState.clock(c.getFirstResponseTarget(), c.getFirstResponseDueAt(),
        c.getFirstRespondedAt(), c.getFirstResponseWarnedAt(), c.getFirstResponseBreachedAt(), c.isSlaPaused(),
        timeLeft(reference, c.getFirstResponseDueAt()));
    Instant resolvedAt = c.getClosedAt() != null ? c.getClosedAt() : null;
    SlaState.Clock resolution = SlaState.clock(c.getResolutionTarget(), c.getResolutionDueAt(), resolvedAt,
        c.getResolutionWarnedAt(), c.getResolutionBreachedAt(), c.isSlaPaused(),
        timeLeft(reference, c.getResolutionDueAt()));
    return new SlaState(first, resolution, c.isSlaPaused(), c.getSlaPausedAt(),
        Duration.ofSeconds(c.getSlaPausedSeconds()), c.getEscalationLevel());
  }

  private Duration timeLeft(Instant from, Instant due) {
    return due == null ? null : calendar.workingTimeBetween(from, due);
  }

  /**
   * Re-evaluates the due date of every waiting timer of the complaint's escalation process. (Not suspend and activate:
   * those are bulk updates that leave the engine's cached timers stale when they run inside another engine command,
   * such as the step that closes the complaint.)
   */
  private void recalculateTimers(Complaint c) {
    List<Job> timers = timerJobs(c);
    settingTimersOf(c, () -> timers.forEach(job -> management.recalculateJobDuedate(job.getId(), false)));
  }

  /** After the due times moved: every waiting timer and every open task follows. */
  private void retime(Complaint c) {
    recalculateTimers(c);
    Date resolutionDue = Date.from(c.getResolutionDueAt());
    Date followUp = Date.from(timerDue(c, SlaTimer.RESOLUTION_WARNING));
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(c.getTicket()).list();
    for (Task task : open) {
      if (task.getDueDate() != null && !"Task_RegisterComplaint".equals(task.getTaskDefinitionKey())) {
        task.setDueDate(resolutionDue);
        task.setFollowUpDate(followUp);
        tasks.saveTask(task);
      }
    }
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getTicket()).list().forEach(pi ->
        runtime.setVariable(pi.getId(), "resolutionDueAt", resolutionDue));
  }

  private List<Job> timerJobs(Complaint c) {
    return escalationProcess(c)
        .map(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers().list())
        .orElse(List.of());
  }

  private java.util.Optional<ProcessInstance> escalationProcess(Complaint c) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(EscalationProcess.KEY)
        .processInstanceBusinessKey(c.getTicket()).list().stream().findFirst();
  }
}
