package io.complaintflow.notifications;

import java.util.Locale;

/**
 * What a notification says. Each constant has its texts under {@code notifications/templates/{zh-CN,en}/}: a text
 * template ({@code <name>.txt}, with the parts {@code subject}, {@code short} for SMS and chat, and {@code text} for
 * the plain mail body) and an HTML mail body ({@code <name>.html}).
 *
 * <p><b>Customer templates</b> read the complaint themselves; every one of them can use {@code ticket},
 * {@code customerName}, {@code productName}, {@code statusText}, {@code receivedAt} and {@code trackingUrl}
 * ({@code complaintflow.notifications.public-base-url} + {@code /api/complaints/{ticket}?token={token}}). Times are
 * texts in the business time zone, formatted for the language ({@code 2026年11月24日 14:00} / {@code 24 Nov 2026, 14:00}).
 *
 * <p><b>Staff templates</b> use what the sender passes: {@code ticket}, {@code customerName}, {@code productName},
 * {@code taskName}, {@code dueAt} (a {@code Date}, {@code Instant}, {@code OffsetDateTime} or ISO text), {@code level}
 * (an escalation level: a group id such as {@code supervisors}, or any text), {@code detail}, {@code taskId}; and
 * {@code tasklistUrl}, built from {@code complaintflow.notifications.staff-base-url} (opening the task when
 * {@code taskId} is given). {@code ticket} and {@code customerName} come from the complaint when not passed.
 */
public enum Template {

  /** 受理确认. Customer: the complaint was received; uses {@code firstResponseDueAt} (when we will contact them). */
  ACKNOWLEDGEMENT(Audience.CUSTOMER),
  /**
   * 暂不能解决的说明. Customer: why it cannot be solved at once and exactly when they will hear back; uses
   * {@code delayReason} and {@code promisedReplyAt} from the complaint.
   */
  REPLY_PROMISED(Audience.CUSTOMER),
  /**
   * 处理方案. Customer: the proposed remedy; uses {@code remedyTypeText}, {@code remedyAmount} (may be absent) and
   * {@code remedyDescription} from the complaint.
   */
  REMEDY_PROPOSED(Audience.CUSTOMER),
  /**
   * 处理结果待确认. Customer: the remedy was carried out, please confirm; uses {@code actionsTaken} (variable, else the
   * latest "remedy carried out" entry of the complaint's history) and {@code remedyDescription}.
   */
  REMEDY_CARRIED_OUT(Audience.CUSTOMER),
  /**
   * 严正答复. Customer of a complaint confirmed as malicious: the firm reply; uses {@code reply} (variable, else the
   * latest "firm reply given" entry of the complaint's history).
   */
  FIRM_REPLY(Audience.CUSTOMER),
  /**
   * 结案通知. Customer: the complaint is closed; uses {@code closedAt}, {@code closureReason} (RESOLVED, MALICIOUS,
   * LEGAL) and {@code remedyDescription}.
   */
  COMPLAINT_CLOSED(Audience.CUSTOMER),
  /**
   * 回访邀请. Customer: invitation to the revisit survey; uses {@code closedAt} and {@code surveyUrl} (variable, else the
   * tracking link).
   */
  REVISIT_INVITATION(Audience.CUSTOMER),
  /**
   * 批量问题已解决. Customer of a complaint closed with its batch incident: the shared problem was resolved; uses
   * {@code remedyDescription} (the incident's resolution) and {@code closedAt} from the complaint.
   */
  BATCH_RESOLVED(Audience.CUSTOMER),

  /** 任务分派. Staff: a task was assigned to you; uses {@code taskName}, {@code dueAt}, {@code ticket}, {@code customerName}. */
  TASK_ASSIGNED(Audience.STAFF),
  /**
   * 审批请求. Staff: a remedy beyond the requester's authority waits for approval; uses {@code ticket},
   * {@code customerName}, {@code detail} (the remedy asked for), {@code level}, {@code dueAt}.
   */
  APPROVAL_REQUESTED(Audience.STAFF),
  /**
   * 部门回复请求. Staff of a department: a reply is requested; uses {@code ticket}, {@code productName}, {@code detail}
   * (the question), {@code dueAt} (reply deadline).
   */
  DEPARTMENT_REPLY_REQUESTED(Audience.STAFF),
  /** 部门回复催办. Staff of a department: reminder before the reply deadline; uses {@code ticket}, {@code detail}, {@code dueAt}. */
  DEPARTMENT_REPLY_REMINDER(Audience.STAFF),
  /** 部门回复超时. Staff: the department's reply is overdue; uses {@code ticket}, {@code detail}, {@code dueAt}. */
  DEPARTMENT_REPLY_OVERDUE(Audience.STAFF),
  /**
   * SLA 预警. Staff at an escalation level: a deadline is near; uses {@code ticket}, {@code customerName},
   * {@code taskName}, {@code dueAt}, {@code level}, {@code detail}.
   */
  SLA_WARNING(Audience.STAFF),
  /**
   * SLA 预警汇总. Staff: several of their complaints (or of their group's unowned ones) reached the warning share of a
   * clock at once; uses {@code count}, {@code clock} ({@code FIRST_RESPONSE} or {@code RESOLUTION}, shown as
   * {@code clockText}), {@code items} (the most urgent, each with {@code ticket}, {@code customerName}, {@code dueAt})
   * and {@code more} (how many are not listed).
   */
  SLA_WARNING_DIGEST(Audience.STAFF),
  /**
   * SLA 超时. Staff at an escalation level: a deadline passed; uses {@code ticket}, {@code customerName},
   * {@code taskName}, {@code dueAt}, {@code level}, {@code detail}. Usually sent {@code urgent}.
   */
  SLA_BREACHED(Audience.STAFF),
  /**
   * 投诉升级. Staff: a complaint was escalated to your level; uses {@code ticket}, {@code customerName}, {@code level},
   * {@code detail} (why), {@code dueAt}.
   */
  ESCALATED(Audience.STAFF),
  /**
   * 批量投诉通报. Front-line staff: many similar complaints, answer them with the scripted answer; uses
   * {@code productName}, {@code count} (complaints so far), {@code detail} (the scripted answer), {@code ticket} (the
   * batch incident, optional).
   */
  BATCH_BROADCAST(Audience.STAFF),
  /**
   * 批量投诉预警. The responsible department: many similar complaints, find the cause; uses {@code productName},
   * {@code count}, {@code ticket} (the batch incident), {@code detail} (optional).
   */
  BATCH_ALERT(Audience.STAFF),
  /**
   * 待办提醒. Staff: a follow-up item (a corrective action, an improvement project) is due soon; uses {@code taskName},
   * {@code ticket} (optional reference), {@code detail}, {@code dueAt}.
   */
  ACTION_REMINDER(Audience.STAFF),
  /** 逾期通报. Staff who follow an item up: it is overdue; uses {@code taskName}, {@code ticket}, {@code detail}, {@code dueAt}. */
  ACTION_OVERDUE(Audience.STAFF);

  /** Who a template speaks to: customers get their complaint's data and are checked against forbidden phrases. */
  public enum Audience {
    CUSTOMER, STAFF
  }

  private final Audience audience;

  Template(Audience audience) {
    this.audience = audience;
  }

  public Audience audience() {
    return audience;
  }

  /** The file name of its texts: {@code REPLY_PROMISED} is {@code reply-promised}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
