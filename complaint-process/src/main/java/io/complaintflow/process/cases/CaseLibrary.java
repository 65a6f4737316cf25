package io.complaintflow.process.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintflow.process.cases.CaseNominationRefusedException.Reason;
import io.complaintflow.process.cases.ExemplaryCase.Status;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.ComplaintStatus;

/**
 * The case library 案例库 (seed 001's case write-ups): closed complaints nominated as exemplary cases, reviewed by a
 * supervisor ({@code bpmn/case-review.bpmn}), searched by category, product and text.
 */
@Service
public class CaseLibrary {

  private final ExemplaryCaseRepository cases;
  private final ComplaintHistory history;
  private final RuntimeService runtime;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public CaseLibrary(ExemplaryCaseRepository cases, ComplaintHistory history, RuntimeService runtime,
      NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.cases = cases;
    this.history = history;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Nominates a closed complaint and starts its review; refused when not closed or already nominated. */
  @Transactional
  public ExemplaryCase nominate(Complaint complaint, ExemplaryCase.Text text, String by) {
    if (complaint.getStatus() != ComplaintStatus.CLOSED) {
      throw new CaseNominationRefusedException(Reason.NOT_CLOSED);
    }
    if (cases.existsByComplaintIdAndStatusIn(complaint.getId(), EnumSet.of(Status.IN_REVIEW, Status.REWORK,
        Status.APPROVED))) {
      throw new CaseNominationRefusedException(Reason.ALREADY_NOMINATED);
    }
    ExemplaryCase c = cases.save(ExemplaryCase.nominate(complaint.getId(), complaint.getCategory(),
        complaint.getProductCode(), complaint.getProductName(), text, by, clock.instant()));
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseReviewProcess.Vars.CASE_ID, c.getId());
    variables.put(CaseReviewProcess.Vars.TICKET, complaint.getTicket());
    variables.put(CaseReviewProcess.Vars.NOMINATED_BY, by);
    variables.put(CaseReviewProcess.Vars.PRODUCT_NAME, complaint.getProductName());
    variables.put(CaseReviewProcess.Vars.CATEGORY, complaint.getCategory());
    variables.put(CaseReviewProcess.Vars.TITLE, text.title());
    variables.put(CaseReviewProcess.Vars.STORY, text.story());
    variables.put(CaseReviewProcess.Vars.HANDLING, text.handling());
    variables.put(CaseReviewProcess.Vars.ANALYSIS, text.analysis());
    ProcessInstance review = runtime.startProcessInstanceByKey(CaseReviewProcess.KEY, complaint.getTicket(), variables);
    c.attachProcess(review.getId());
    history.record(complaint, ComplaintEventType.CASE_NOMINATED, by, text.title());
    return cases.save(c);
  }

  public Optional<ExemplaryCase> find(long id) {
    return cases.findById(id);
  }

  /**
   * Approved cases, newest first: of a category, about a product (its code, or a part of its name), containing a text
   * in the title, story, handling or analysis (case-insensitive). Any criterion may be {@code null}.
   */
  public Page<ExemplaryCase> search(String category, String product, String text, Pageable page) {
    StringBuilder where = new StringBuilder("status = 'APPROVED'");
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (category != null) {
      where.append(" and category = :category");
      params.addValue("category", category);
    }
    if (product != null) {
      where.append(" and (product_code = :product or lower(product_name) like :productLike escape '!')");
      params.addValue("product", product).addValue("productLike", like(product));
    }
    if (text != null) {
      where.append(" and (lower(title) like :text escape '!' or lower(story) like :text escape '!'"
          + " or lower(handling) like :text escape '!' or lower(analysis) like :text escape '!')");
      params.addValue("text", like(text));
    }
    long total = jdbc.queryForObject("select count(*) from exemplary_case where " + where, params, Long.class);
    List<Long> ids = jdbc.queryForList("select id from exemplary_case where " + where
        + " order by reviewed_at desc, id desc limit :limit offset :offset",
        params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset()), Long.class);
    return new PageImpl<>(load(ids), page, total);
  }

  /**
   * Up to {@code limit} approved cases like a complaint: same product and category first, then same product, then
   * same category; newest first within each.
   */
  public List<ExemplaryCase> similarTo(Complaint complaint, int limit) {
    if (complaint.getProductCode() == null && complaint.getCategory() == null) {
      return List.of();
    }
    MapSqlParameterSource params = new MapSqlParameterSource().addValue("code", complaint.getProductCode())
        .addValue("category", complaint.getCategory()).addValue("complaint", complaint.getId())
        .addValue("limit", limit);
    List<Long> ids = jdbc.queryForList("""
        select id from exemplary_case
         where status = 'APPROVED' and complaint_id <> :complaint
           and (product_code = :code or category = :category)
         order by case when product_code = :code and category = :category then 0
                       when product_code = :code then 1 else 2 end,
                  reviewed_at desc, id desc
         limit :limit""", params, Long.class);
    return load(ids);
  }

  private List<ExemplaryCase> load(List<Long> ids) {
    Map<Long, ExemplaryCase> found = new HashMap<>();
    cases.findAllById(ids).forEach(c -> found.put(c.getId(), c));
    List<ExemplaryCase> ordered = new ArrayList<>();
    ids.forEach(id -> ordered.add(found.get(id)));
    return ordered;
  }

  /** A LIKE pattern that finds {@code text} anywhere, its wildcards taken literally ({@code escape '!'}). */
  private static String like(String text) {
    return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
