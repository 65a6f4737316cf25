package io.complaintflow.api.protection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.complaintflow.api.system.ApiProblems.FieldProblem;
import io.complaintflow.api.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
    chain.doFilter(new ReadBody(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
        List.of(new FieldProblem("body", "problem.payload-too-large.reason")), Long.toString(maxBody));
  }

  /** A request whose body has been read already. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return body.length == 0 || available() == 0;
        }

        @Override
        public int available() {
          try {
            return in.available();
          } catch (IOException e) {
            return 0;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          java.nio.charset.Charset.forName(getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding())));
    }
  }
}
