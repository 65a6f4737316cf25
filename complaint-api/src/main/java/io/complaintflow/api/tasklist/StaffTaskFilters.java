package io.complaintflow.api.tasklist;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

import io.complaintflow.process.staff.StaffGroups;

/**
 * The staff Tasklist filters: their names, the groups that read them and the engine query each saves. Defined once so
 * that the start-up setup creates them and the {@link TasklistReadModel} recognises them (a filter answered from the
 * read model must still hold exactly this query; one edited in Tasklist is left to the engine).
 */
public enum StaffTaskFilters {

  MY_TASKS("我的任务", "分配给我的任务,按到期时间和优先级排列", -10, StaffGroups.ALL_STAFF, Scope.MINE, null, null),
  GROUP_TASKS("待认领", "我所在组可以认领的任务", -5, StaffGroups.ALL_STAFF, Scope.MY_GROUPS, null, null),
  DUE_SOON("即将到期", StaffTaskFilters.DUE_SOON_HOURS + " 小时内到期或已超时的任务(我的和我所在组的),最急的在前", -4,
      StaffGroups.ALL_STAFF, Scope.MINE_OR_MY_GROUPS, Condition.DUE_SOON, null),
  BREACHED("已超时", "已过到期时间的任务(我的和我所在组的),请优先处理", -3, StaffGroups.ALL_STAFF,
      Scope.MINE_OR_MY_GROUPS, Condition.OVERDUE, null),
  VIP("VIP 客户", "VIP 客户的投诉(绿色通道)", -2,
      List.of(StaffGroups.AGENTS, StaffGroups.VIP_DESK, StaffGroups.SUPERVISORS, StaffGroups.MANAGERS,
          StaffGroups.DIRECTORS), Scope.MINE_OR_MY_GROUPS, Condition.VIP, null),
  APPROVALS("待审批", "等待本级审批的处理方案(授权机制)", -1,
      List.of(StaffGroups.SUPERVISORS, StaffGroups.MANAGERS, StaffGroups.DIRECTORS), Scope.MINE_OR_MY_GROUPS,
      Condition.TASK_KEY, "Task_ApproveRemedy"),
  DEPARTMENT_REPLIES("部门答复", "客服问询本部门、等待答复的投诉(联动机制)", -1,
      List.of(StaffGroups.DEPT_QUALITY, StaffGroups.DEPT_PRODUCT, StaffGroups.DEPT_BILLING,
          StaffGroups.DEPT_LOGISTICS, StaffGroups.SUPERVISORS), Scope.MINE_OR_MY_GROUPS, Condition.TASK_KEY,
      "Task_ReplyToInquiry");

  /** How far ahead "due soon" looks (the SLA dashboard's default window too). */
  public static final int DUE_SOON_HOURS = 4;
  /** The process variable the VIP filter asks for, and its value. */
  public static final String TIER_VARIABLE = "customerTier";
  public static final String VIP_TIER = "VIP";

  /** Whose tasks a filter lists. */
  enum Scope {
    /** Assigned to the signed-in user. */
    MINE,
    /** Unassigned, with a candidate group among the user's groups. */
    MY_GROUPS,
    /** Either of the above. */
    MINE_OR_MY_GROUPS
  }

  /** What a filter asks of those tasks besides. */
  enum Condition {
    /** Due before now + {@link #DUE_SOON_HOURS} hours. */
    DUE_SOON,
    /** Due before now. */
    OVERDUE,
    /** The process instance has {@code customerTier = "VIP"}. */
    VIP,
    /** At one step of a process (task definition key). */
    TASK_KEY
  }

  private final String filterName;
  private final String description;
  private final int priority;
  private final List<String> readers;
  final Scope scope;
  final Condition condition;
  final String taskKey;

  StaffTaskFilters(String filterName, String description, int priority, List<String> readers, Scope scope,
      Condition condition, String taskKey) {
    this.filterName = filterName;
    this.description = description;
    this.priority = priority;
    this.readers = readers;
    this.scope = scope;
    this.condition = condition;
    this.taskKey = taskKey;
  }

  public String filterName() {
    return filterName;
  }

  public String description() {
    return description;
  }

  /** Tasklist lists filters by this property, lowest first. */
  public int priority() {
    return priority;
  }

  /** The groups given READ on the filter. */
  public List<String> readers() {
    return readers;
  }

  /** The query the filter saves: its criteria, sorted by due date, then priority (highest first), then age. */
  public TaskQuery query(TaskService tasks) {
    TaskQuery q = switch (scope) {
      case MINE -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
      case MY_GROUPS -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
          .taskUnassigned();
      case MINE_OR_MY_GROUPS -> tasks.createTaskQuery()
          .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}")
          .endOr();
    };
    if (condition != null) {
      q = switch (condition) {
        case DUE_SOON -> q.dueBeforeExpression("${dateTime().plusHours(" + DUE_SOON_HOURS + ").toDate()}");
        case OVERDUE -> q.dueBeforeExpression("${now()}");
        case VIP -> q.processVariableValueEquals(TIER_VARIABLE, VIP_TIER);
        case TASK_KEY -> q.taskDefinitionKey(taskKey);
      };
    }
    return q.orderByDueDate().asc().orderByTaskPriority().desc().orderByTaskCreateTime().asc();
  }
}
