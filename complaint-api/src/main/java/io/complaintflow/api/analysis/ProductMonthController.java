package io.complaintflow.api.analysis;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.complaintflow.api.system.ApiProblems.ApiException;
import io.complaintflow.process.analysis.ProductMonths;
import io.complaintflow.process.analysis.ProductMonths.ProductMonth;
import io.complaintflow.process.product.ProductRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** A product's user base and units shipped per month: what 万用户投诉比 and PPM are computed against. */
@RestController
@Tag(name = "analysis")
@SecurityRequirement(name = "staff")
@PreAuthorize("hasAnyRole('supervisors','managers','directors','qualityManagers','processOwners')")
class ProductMonthController {

  private final ProductMonths months;
  private final ProductRepository products;

  ProductMonthController(ProductMonths months, ProductRepository products) {
    this.months = months;
    this.products = products;
  }

  record ProductMonthUpdate(
      @PositiveOrZero(message = "{validation.notNegative}") @Max(value = 10_000_000_000L, message = "{validation.tooLarge}") Long users,
      @PositiveOrZero(message = "{validation.notNegative}") @Max(value = 10_000_000_000L, message = "{validation.tooLarge}") Long unitsShipped) {
  }

  @Operation(summary = "设置产品月度用户数和发货量 / Set a product's users and units shipped in a month",
      description = "month: yyyy-MM (Asia/Shanghai). Either figure may be left out when unknown, not both.")
  @PutMapping(path = "/api/staff/products/{code}/months/{month}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ProductMonth put(@PathVariable String code, @PathVariable String month, @Valid @RequestBody ProductMonthUpdate update) {
    requireProduct(code);
    YearMonth m = month(month);
    if (update.users() == null && update.unitsShipped() == null) {
      throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "users", "validation.usersOrUnits");
    }
    return months.put(code, m, update.users(), update.unitsShipped());
  }

  @Operation(summary = "产品月度用户数和发货量 / A product's months")
  @GetMapping(path = "/api/staff/products/{code}/months", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ProductMonth> list(@PathVariable String code) {
    requireProduct(code);
    return months.of(code);
  }

  private void requireProduct(String code) {
    if (!products.existsById(code)) {
      throw ApiException.field(HttpStatus.NOT_FOUND, "product-not-found", "code", "problem.product.unknown", code);
    }
  }

  private static YearMonth month(String month) {
    try {
      if (month.matches("^\\d{4}-\\d{2}$")) {
        return YearMonth.parse(month);
      }
    } catch (DateTimeParseException e) {
      // below
    }
    throw ApiException.field(HttpStatus.BAD_REQUEST, "validation", "month", "validation.month");
  }
}
