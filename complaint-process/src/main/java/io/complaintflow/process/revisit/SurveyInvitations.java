package io.complaintflow.process.revisit;

/**
 * Sends the customer the link to their revisit survey (implemented by the notifications module). The link carries the
 * survey's single-use token, so it is handed over here and never kept in a process variable.
 */
public interface SurveyInvitations {

  /**
   * @param key idempotency key: the same key never sends twice
   * @param complaintId whose customer is invited
   * @param surveyUrl the link with the token
   */
  void invite(String key, long complaintId, String surveyUrl);
}
