package io.complaintflow.process.launch;

import static io.complaintflow.process.launch.LaunchReviewProcess.Vars;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.forms.FormInput;
import io.complaintflow.process.product.Product;
import io.complaintflow.process.product.ProductRepository;

/**
 * The steps of {@code bpmn/launch-review.bpmn} (事前预防, seed 002 J.1): list past complaints on similar products,
 * record customer service's findings and improvement requests, the product department's answer, and the handling
 * plan 预案, which is registered on the product so that intake shows it to handlers.
 */
@Configuration(proxyBeanMethods = false)
public class LaunchReviewDelegates {

  private final LaunchReviewRepository reviews;
  private final PastComplaints pastComplaints;
  private final ProductRepository products;
  private final BusinessCalendar calendar;
  private final LaunchSettings settings;
  private final Clock clock;

  public LaunchReviewDelegates(LaunchReviewRepository reviews, PastComplaints pastComplaints, ProductRepository products,
      BusinessCalendar calendar, LaunchSettings settings, Clock clock) {
    this.reviews = reviews;
    this.pastComplaints = pastComplaints;
    this.products = products;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
  }

  /** 列出同类产品的历史投诉: same product code or product line; counts per category and the latest ones. */
  @Bean
  public JavaDelegate listPastComplaintsDelegate() {
    return execution -> {
      LaunchReview r = review(execution);
      PastComplaints.Found found = pastComplaints.similarTo(r.getProductCode(), r.getProductLine(),
          settings.examples(), calendar.zone());
      r.pastComplaintsFound(found.total(), found.text());
      reviews.save(r);
      execution.setVariable(Vars.PAST_COMPLAINTS, found.text());
    };
  }

  /** 提醒产品部答复. */
  @Bean
  public JavaDelegate remindProductDepartmentDelegate() {
    return execution -> {
      LaunchReview r = review(execution);
      r.responseReminded(clock.instant());
      reviews.save(r);
    };
  }

  /** 登记处理预案: the product enters the catalogue (if new) with its plan; intake shows it from now on. */
  @Bean
  public JavaDelegate registerHandlingPlanDelegate() {
    return execution -> {
      LaunchReview r = review(execution);
      Instant now = clock.instant();
      Product product = products.findById(r.getProductCode())
          .orElse(Product.of(r.getProductCode(), r.getProductName(), r.getProductLine()));
      products.save(product.withHandlingPlan(r.getHandlingPlan(), now));
      r.complete(now);
      reviews.save(r);
    };
  }

  /** 对照历史投诉测评新产品 and 制定处理预案 (supervisors), 答复改进要求 (product department). */
  @Bean
  public TaskListener launchReviewSteps() {
    return this::taskCompleted;
  }

  private void taskCompleted(DelegateTask task) {
    FormInput form = FormInput.of(task);
    String actor = FormInput.completedBy(task);
    LaunchReview r = review(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewLaunch" -> {
        String findings = form.requiredText(Vars.FINDINGS, "测评意见", 4000);
        String requests = form.text(Vars.IMPROVEMENT_REQUESTS, "改进要求", 4000);
        r.reviewed(actor, findings, requests);
        task.getExecution().setVariable(Vars.IMPROVEMENTS_REQUESTED, requests != null);
        if (requests != null) {
          Instant now = clock.instant();
          Duration window = settings.responseWithin();
          task.getExecution().setVariable(Vars.RESPONSE_DUE_AT, Date.from(calendar.addWorkingTime(now, window)));
          task.getExecution().setVariable(Vars.RESPONSE_REMINDER_AT, Date.from(calendar.addWorkingTime(now,
              Duration.ofSeconds(Math.round(window.toSeconds() * settings.reminderShare())))));
        }
      }
      case "Task_RespondToImprovements" ->
          r.responded(actor, form.requiredText(Vars.PRODUCT_RESPONSE, "改进答复", 4000));
      case "Task_RecordHandlingPlan" -> r.planned(form.requiredText(Vars.HANDLING_PLAN, "处理预案", 4000));
      default -> throw new IllegalStateException("no launch review step for task " + task.getTaskDefinitionKey());
    }
    reviews.save(r);
  }

  private LaunchReview review(VariableScope scope) {
    long id = ((Number) scope.getVariable(Vars.REVIEW_ID)).longValue();
    return reviews.findById(id).orElseThrow(() -> new IllegalStateException("no launch review " + id));
  }
}
