package io.complaintflow.api.protection;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.complaintflow.api.system.ApiProblems.FieldProblem;
import io.complaintflow.api.system.ProblemResponses;
import io.complaintflow.api.system.ReadBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body over the limit with 413 before anything parses it: by its {@code Content-Length}, or, sent
 * in chunks without one, by reading at most one byte more than the limit.
 */
class RequestSizeFilter extends OncePerRequestFilter {

  private final long maxBody;
  private final ProblemResponses problems;

  RequestSizeFilter(long maxBody, ProblemResponses problems) {
    this.maxBody = maxBody;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBody) {
      refuse(request, response);
      return;
    }
    if (declared >= 0 || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
    if (body.length > maxBody) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new ReadBodyRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
        List.of(new FieldProblem("body", "problem.payload-too-large.reason")), Long.toString(maxBody));
  }
}
