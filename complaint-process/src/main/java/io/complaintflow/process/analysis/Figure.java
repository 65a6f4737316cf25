package io.complaintflow.process.analysis;

/**
 * One figure of a hot-spot analysis, for the period and the previous period of equal length.
 *
 * @param section what kind of figure (overall rate, top category, product ratio …)
 * @param key what it measures within its section: a figure name in {@link Section#OVERALL} and
 *     {@link Section#SATISFACTION}, else a category, product or department code
 * @param label how people know the subject when the key alone does not say it (a product's name), else {@code null}
 * @param current the value in the period; {@code null} when nothing could be measured (no complaint closed, no user
 *     base given …)
 * @param previous the value in the previous period, {@code null} likewise
 * @param delta current − previous, {@code null} unless both are known
 */
public record Figure(Section section, String key, String label, Double current, Double previous, Double delta) {

  public static Figure of(Section section, String key, String label, Double current, Double previous) {
    Double c = round(current);
    Double p = round(previous);
    return new Figure(section, key, label, c, p, c == null || p == null ? null : round(c - p));
  }

  static Double round(Double value) {
    return value == null ? null : Math.round(value * 10_000d) / 10_000d;
  }

  /** The sections of a report, in the order they are shown. */
  public enum Section {
    /** Counts and rates over all complaints received in the period; keys are {@link Overall} names. */
    OVERALL,
    /** Complaints per category (top 5). */
    CATEGORY,
    /** Complaints per product (top 5); label: the product's name. */
    PRODUCT,
    /** Complaints per responsible department (top 5). */
    DEPARTMENT,
    /** Complaints per 10,000 users (万用户投诉比) for products whose user base is known. */
    PER_10K_USERS,
    /** Complaints per million units shipped (PPM) for products whose units shipped are known. */
    PPM,
    /** Revisit surveys answered in the period: count, mean score per survey point (1–5), share satisfied. */
    SATISFACTION,
    /** Department reply on-time rate 回复及时率 for inquiries sent in the period. */
    DEPARTMENT_REPLY_ON_TIME,
    /** Mean rating 回复满意度 (1–5) of department replies to inquiries sent in the period. */
    DEPARTMENT_REPLY_SATISFACTION
  }

  /** The keys of {@link Section#OVERALL} and {@link Section#SATISFACTION}. */
  public static final class Overall {
    public static final String COMPLAINTS = "complaints";
    public static final String CLOSED = "closed";
    public static final String FIRST_CONTACT_RESOLUTION_RATE = "firstContactResolutionRate";
    public static final String FIRST_RESPONSE_ON_TIME_RATE = "firstResponseOnTimeRate";
    public static final String RESOLUTION_ON_TIME_RATE = "resolutionOnTimeRate";
    public static final String SLA_BREACH_RATE = "slaBreachRate";
    public static final String ESCALATION_RATE = "escalationRate";
    public static final String REOPEN_RATE = "reopenRate";
    public static final String DEPARTMENT_REPLY_ON_TIME_RATE = "departmentReplyOnTimeRate";
    public static final String DEPARTMENT_REPLY_SATISFACTION = "departmentReplySatisfaction";
    public static final String SURVEYS = "surveys";
    public static final String CHANNEL_EASE = "channelEase";
    public static final String STAFF_ATTITUDE = "staffAttitude";
    public static final String HANDLING_TIME = "handlingTime";
    public static final String HANDLING_RESULT = "handlingResult";
    public static final String SATISFIED_RATE = "satisfiedRate";

    private Overall() {
    }
  }
}
