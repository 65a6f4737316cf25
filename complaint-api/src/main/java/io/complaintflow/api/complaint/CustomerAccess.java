package io.complaintflow.api.complaint;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ComplaintRepository;
import io.complaintflow.process.intake.TrackingTokens;

/** A customer reaches only their own complaint: by ticket number and the tracking token they got at intake. */
@Component
class CustomerAccess {

  static final String TOKEN_HEADER = "X-Tracking-Token";

  private final ComplaintRepository complaints;
  private final TrackingTokens tokens;

  CustomerAccess(ComplaintRepository complaints, TrackingTokens tokens) {
    this.complaints = complaints;
    this.tokens = tokens;
  }

  Complaint complaint(String ticket, String headerToken, String queryToken) {
    String token = headerToken != null ? headerToken : queryToken;
    if (token == null || token.isBlank()) {
      throw ApiException.field(HttpStatus.UNAUTHORIZED, "token-required", "token", "problem.token.missing");
    }
    Complaint complaint = complaints.findByTicket(ticket).orElseThrow(() ->
        ApiException.field(HttpStatus.NOT_FOUND, "complaint-not-found", "ticket", "problem.ticket.unknown", ticket));
    if (!tokens.matches(complaint, token.strip())) {
      throw ApiException.field(HttpStatus.FORBIDDEN, "token-mismatch", "token", "problem.token.mismatch", ticket);
    }
    return complaint;
  }
}
