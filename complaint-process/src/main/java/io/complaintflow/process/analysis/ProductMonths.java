package io.complaintflow.process.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user base and units shipped of a product in a month: the denominators of 万用户投诉比 and PPM. Given through the
 * API by whoever keeps the figures (sales, operations); either may be unknown.
 */
@Service
public class ProductMonths {

  /** One product's figures for one month; {@code null} where unknown. */
  public record ProductMonth(String productCode, String month, Long users, Long unitsShipped) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ProductMonths(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public ProductMonth put(String productCode, YearMonth month, Long users, Long unitsShipped) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated = jdbc.update("update product_month set users = ?, units_shipped = ?, updated_at = ? "
        + "where product_code = ? and sales_month = ?", users, unitsShipped, now, productCode, month.toString());
    if (updated == 0) {
      jdbc.update("insert into product_month (product_code, sales_month, users, units_shipped, updated_at) "
          + "values (?, ?, ?, ?, ?)", productCode, month.toString(), users, unitsShipped, now);
    }
    return new ProductMonth(productCode, month.toString(), users, unitsShipped);
  }

  public List<ProductMonth> of(String productCode) {
    return jdbc.query("select product_code, sales_month, users, units_shipped from product_month where product_code = ? "
        + "order by sales_month", (rs, n) -> new ProductMonth(rs.getString(1), rs.getString(2),
            (Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class)), productCode);
  }
}
