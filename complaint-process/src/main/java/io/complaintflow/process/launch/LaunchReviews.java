package io.complaintflow.process.launch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintflow.process.launch.LaunchReview.Status;

/** Launch reviews: submitted by product owners, worked through {@code bpmn/launch-review.bpmn}. */
@Service
@EnableConfigurationProperties(LaunchSettings.class)
public class LaunchReviews {

  /** A product already under review cannot be submitted again until that review is complete. */
  public static class AlreadyUnderReviewException extends RuntimeException {
    public AlreadyUnderReviewException(String productCode) {
      super(productCode);
    }
  }

  private final LaunchReviewRepository reviews;
  private final RuntimeService runtime;
  private final Clock clock;

  public LaunchReviews(LaunchReviewRepository reviews, RuntimeService runtime, Clock clock) {
    this.reviews = reviews;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Transactional
  public LaunchReview submit(String productCode, String productName, String productLine, String description,
      LocalDate launchDate, String by) {
    if (reviews.existsByProductCodeAndStatusIn(productCode, EnumSet.of(Status.IN_REVIEW,
        Status.AWAITING_PRODUCT_RESPONSE, Status.PLANNING))) {
      throw new AlreadyUnderReviewException(productCode);
    }
    LaunchReview r = reviews.save(LaunchReview.submit(productCode, productName, productLine, description, launchDate,
        by, clock.instant()));
    Map<String, Object> variables = new HashMap<>();
    variables.put(LaunchReviewProcess.Vars.REVIEW_ID, r.getId());
    variables.put(LaunchReviewProcess.Vars.PRODUCT_CODE, productCode);
    variables.put(LaunchReviewProcess.Vars.PRODUCT_NAME, productName);
    variables.put(LaunchReviewProcess.Vars.PRODUCT_LINE, productLine);
    variables.put(LaunchReviewProcess.Vars.DESCRIPTION, description);
    variables.put(LaunchReviewProcess.Vars.LAUNCH_DATE, launchDate == null ? null : launchDate.toString());
    ProcessInstance instance = runtime.startProcessInstanceByKey(LaunchReviewProcess.KEY, "LR-" + r.getId(),
        variables);
    LaunchReview saved = reviews.findById(r.getId()).orElseThrow();
    saved.attachProcess(instance.getId());
    return reviews.save(saved);
  }

  public Optional<LaunchReview> find(long id) {
    return reviews.findById(id);
  }

  public List<LaunchReview> all() {
    return reviews.findAllByOrderBySubmittedAtDescIdDesc();
  }
}
