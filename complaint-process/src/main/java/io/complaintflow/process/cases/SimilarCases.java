package io.complaintflow.process.cases;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.ComplaintHistory;

/**
 * What intake offers the handler of a complaint: the approved cases most like it (same product and category first,
 * then same product, then same category). Models call it as {@code ${similarCases.forComplaint(complaintId)}}.
 */
@Component("similarCases")
public class SimilarCases {

  /** How many cases a handler is shown. */
  public static final int LIMIT = 3;

  private final CaseLibrary library;
  private final ComplaintHistory history;

  public SimilarCases(CaseLibrary library, ComplaintHistory history) {
    this.library = library;
    this.history = history;
  }

  /**
   * The cases as a short list for a task form, one per line: {@code 标题(案例 12)}; {@code null} when there is none,
   * so that a form can hide the field ({@code "hide": "=similarCases = null"}).
   *
   * @param complaintId the complaint's id (any number type, as process variables come)
   */
  public String forComplaint(Object complaintId) {
    List<ExemplaryCase> cases = cases(((Number) complaintId).longValue());
    if (cases.isEmpty()) {
      return null;
    }
    return cases.stream().map(c -> c.getTitle() + "(案例 " + c.getId() + ")").collect(Collectors.joining("\n"));
  }

  /** The cases themselves, at most {@link #LIMIT}. */
  public List<ExemplaryCase> cases(long complaintId) {
    return library.similarTo(history.complaint(complaintId), LIMIT);
  }
}
