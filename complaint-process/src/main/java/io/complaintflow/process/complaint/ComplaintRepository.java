package io.complaintflow.process.complaint;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ComplaintRepository extends ListCrudRepository<Complaint, Long> {

  Optional<Complaint> findByTicket(String ticket);

  Optional<Complaint> findByIdempotencyKey(String idempotencyKey);
}
