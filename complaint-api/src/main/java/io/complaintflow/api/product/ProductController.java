package io.complaintflow.api.product;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.complaint.PlainText;
import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.product.Product;
import io.complaintflow.process.product.ProductRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The products and services complaints can be about, and their handling plans (预案). */
@RestController
@Tag(name = "products", description = "产品目录与处理预案 / Products and handling plans")
class ProductController {

  private final ProductRepository products;
  private final Clock clock;

  ProductController(ProductRepository products, Clock clock) {
    this.products = products;
    this.clock = clock;
  }

  record ProductView(String code, String name, String productLine) {
  }

  record HandlingPlanView(String code, String name, String handlingPlan, Instant updatedAt) {
  }

  record HandlingPlanUpdate(@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
      @PlainText String handlingPlan) {
  }

  @Operation(summary = "产品目录 / The product catalogue", description = "Codes a complaint may name in product.code.")
  @GetMapping(path = "/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ProductView> catalogue() {
    return products.findAllByOrderByCode().stream().map(p -> new ProductView(p.code(), p.name(), p.productLine())).toList();
  }

  @Operation(summary = "查看处理预案 / A product's handling plan")
  @GetMapping(path = "/api/staff/products/{code}/handling-plan", produces = MediaType.APPLICATION_JSON_VALUE)
  HandlingPlanView plan(@PathVariable String code) {
    Product p = product(code);
    return new HandlingPlanView(p.code(), p.name(), p.handlingPlan(), p.handlingPlanUpdatedAt());
  }

  @Operation(summary = "设置处理预案 / Set a product's handling plan",
      description = "Shown to the handler of every new complaint about the product. Supervisors, managers and process owners.")
  @PreAuthorize("hasAnyRole('supervisors','managers','directors','processOwners')")
  @PutMapping(path = "/api/staff/products/{code}/handling-plan", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  HandlingPlanView setPlan(@PathVariable String code, @Valid @RequestBody HandlingPlanUpdate update) {
    Product p = products.save(product(code).withHandlingPlan(update.handlingPlan().strip(), clock.instant()));
    return new HandlingPlanView(p.code(), p.name(), p.handlingPlan(), p.handlingPlanUpdatedAt());
  }

  private Product product(String code) {
    return products.findById(code).orElseThrow(() ->
        ApiException.field(HttpStatus.NOT_FOUND, "product-not-found", "code", "problem.product.unknown", code));
  }
}
