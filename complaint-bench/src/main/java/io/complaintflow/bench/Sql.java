package io.complaintflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on one benchmark database, a connection per call (the harness only looks and moves due dates). */
final class Sql {

  private final Database.Target target;

  Sql(Database.Target target) {
    this.target = target;
  }

  Database.Target target() {
    return target;
  }

  long count(String query, Object... params) {
    List<Object[]> rows = rows(query, params);
    return rows.isEmpty() || rows.get(0)[0] == null ? 0 : ((Number) rows.get(0)[0]).longValue();
  }

  List<String> strings(String query, Object... params) {
    return rows(query, params).stream().map(r -> (String) r[0]).toList();
  }

  /** Job id and time of the successful runs ({@code ACT_HI_JOB_LOG}) of an activity's jobs since a moment. */
  List<Object[]> jobSuccesses(String activity, Timestamp since) {
    return rows("select job_id_, timestamp_ from act_hi_job_log where act_id_ = ? and job_state_ = 2 and timestamp_ >= ?",
        activity, since);
  }

  List<Object[]> rows(String query, Object... params) {
    try (Connection c = target.connect(); PreparedStatement ps = c.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }
}
