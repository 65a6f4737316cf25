package io.complaintflow.process.authorization;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface RemedyDecisionRepository extends ListCrudRepository<RemedyDecision, Long> {

  List<RemedyDecision> findByComplaintIdOrderByDecidedAtAscIdAsc(long complaintId);
}
