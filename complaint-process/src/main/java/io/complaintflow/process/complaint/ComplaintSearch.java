package io.complaintflow.process.complaint;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;

/** Staff lists of complaints: filtered, sorted and paged in the database. */
@Service
public class ComplaintSearch {

  private final JdbcAggregateTemplate template;

  public ComplaintSearch(JdbcAggregateTemplate template) {
    this.template = template;
  }

  public Page<Complaint> search(ComplaintFilter f, Pageable page) {
    Criteria c = Criteria.empty();
    if (f.status() != null) {
      c = c.and("status").is(f.status());
    }
    if (f.category() != null) {
      c = c.and("category").is(f.category());
    }
    if (f.department() != null) {
      c = c.and("department").is(f.department());
    }
    if (f.owner() != null) {
      c = c.and("owner").is(f.owner());
    }
    if (f.customerTier() != null) {
      c = c.and("customerTier").is(f.customerTier());
    }
    if (f.receivedFrom() != null) {
      c = c.and("receivedAt").greaterThanOrEquals(f.receivedFrom());
    }
    if (f.receivedTo() != null) {
      c = c.and("receivedAt").lessThan(f.receivedTo());
    }
    return template.findAll(Query.query(c), Complaint.class, page);
  }
}
