package io.complaintflow.api.protection;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.complaintflow.api.system.ApiProblems.FieldProblem;
import io.complaintflow.api.system.ProblemResponses;
import io.complaintflow.api.system.StaffRoles;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request budgets of the customers' endpoints, per client address and group of endpoints (token buckets, Bucket4j):
 * a client over its budget gets 429 with {@code Retry-After} (seconds) and its request goes no further. Staff
 * signed in (filing a complaint taken by phone, say) have no budget: Spring Security has authenticated them already.
 * Budgets are held in memory on each node: behind a load balancer spreading a client over n nodes, it gets up to n
 * times the budget.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  /** Groups of endpoints and their budgets. */
  enum Group {
    INTAKE("intake"), STATUS("status"), CUSTOMER_ACTION("customer-action"), SURVEY("survey");

    final String key;

    Group(String key) {
      this.key = key;
    }
  }

  private final Map<Group, ProtectionSettings.Budget> budgets;
  private final ClientAddress clients;
  private final ProblemResponses problems;
  private final int maxClients;
  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

  private record Key(Group group, String client) {
  }

  RateLimitFilter(ProtectionSettings.RateLimit settings, ProblemResponses problems) {
    this.budgets = new EnumMap<>(Group.class);
    for (Group g : Group.values()) {
      ProtectionSettings.Budget b = settings.limits().get(g.key);
      if (settings.enabled() && (b == null || b.requests() < 1 || b.per() == null || b.per().isNegative()
          || b.per().isZero())) {
        throw new IllegalStateException("complaintflow.protection.rate-limit.limits." + g.key
            + " needs requests (at least 1) and per (a positive duration)");
      }
      budgets.put(g, b);
    }
    this.clients = new ClientAddress(settings.clientAddressHeader(), settings.trustedProxies());
    this.problems = problems;
    this.maxClients = settings.maxClients();
  }

  /** The group a request belongs to, or {@code null} when it has no budget. */
  static Group groupOf(String method, String path) {
    String[] parts = path.split("/", -1);
    // "", "api", "complaints" | "revisits", …
    if (parts.length < 3 || !parts[1].equals("api")) {
      return null;
    }
    if (parts[2].equals("revisits") && parts.length == 4) {
      return Group.SURVEY;
    }
    if (!parts[2].equals("complaints")) {
      return null;
    }
    if (parts.length == 3 && method.equals("POST")) {
      return Group.INTAKE;
    }
    if (parts.length == 4 && method.equals("GET")) {
      return Group.STATUS;
    }
    if (parts.length == 5 && method.equals("POST")) {
      return Group.CUSTOMER_ACTION;
    }
    return null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Group group = groupOf(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()));
    if (group == null || StaffRoles.staffUserOf(SecurityContextHolder.getContext().getAuthentication()) != null) {
      chain.doFilter(request, response);
      return;
    }
    String client = clients.of(request);
    ConsumptionProbe probe = bucket(group, client).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
      chain.doFilter(request, response);
      return;
    }
    long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    log.warn("Rate limit: {} over its {} budget, retry after {} s", client, group.key, retryAfter);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setHeader("RateLimit-Remaining", "0");
    problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
        List.of(new FieldProblem("client", "problem.rate-limited.reason")), Long.toString(retryAfter));
  }

  private Bucket bucket(Group group, String client) {
    if (buckets.size() >= maxClients) {
      forgetRefilled();
    }
    return buckets.computeIfAbsent(new Key(group, client), k -> newBucket(budgets.get(group)));
  }

  private static Bucket newBucket(ProtectionSettings.Budget budget) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(budget.requests()).refillGreedy(budget.requests(), budget.per()).build())
        .build();
  }

  /** Clients whose bucket is full again owe nothing: a new bucket would be the same. */
  private synchronized void forgetRefilled() {
    if (buckets.size() < maxClients) {
      return;
    }
    buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= budgets.get(e.getKey().group()).requests());
    if (buckets.size() >= maxClients) {
      // all of them busy: memory is bounded all the same, at the price of fresh budgets for some
      log.warn("Rate limit: more than {} clients at once; budgets reset", maxClients);
      buckets.clear();
    }
  }
}
