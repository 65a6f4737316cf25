package io.complaintflow.process.product;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product or service complaints can be about, with its handling plan (预案): what staff should offer when a
 * complaint about it comes in. The launch review of a new product writes the plan; intake shows it to the handler.
 */
@Table
public record Product(@Id String code, @Version Integer version, String name, String productLine,
    String handlingPlan, Instant handlingPlanUpdatedAt) {

  public static Product of(String code, String name, String productLine) {
    return new Product(code, null, name, productLine, null, null);
  }

  public Product withHandlingPlan(String plan, Instant at) {
    return new Product(code, version, name, productLine, plan, at);
  }
}
