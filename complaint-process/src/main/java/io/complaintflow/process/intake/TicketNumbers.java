package io.complaintflow.process.intake;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Human-readable, unique ticket numbers: prefix, the business date of receipt and a database sequence, e.g.
 * {@code CF-20261123-000042}. The sequence never blocks concurrent intakes and never repeats across nodes.
 */
@Component
public class TicketNumbers {

  static final String SEQUENCE = "complaint_ticket_seq";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final DataFieldMaxValueIncrementer sequence;
  private final String prefix;
  private final Clock clock;

  public TicketNumbers(DataSource dataSource, IntakeSettings settings, Clock clock) {
    this.sequence = incrementerFor(dataSource);
    this.prefix = settings.ticketPrefix();
    this.clock = clock;
  }

  public String next() {
    return "%s-%s-%06d".formatted(prefix, DAY.format(clock.instant().atZone(clock.getZone())), sequence.nextLongValue());
  }

  private static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
    String product;
    try {
      product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell which database holds the complaints", e);
    }
    return switch (product) {
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default -> throw new IllegalStateException("unsupported database for ticket numbers: " + product);
    };
  }
}
