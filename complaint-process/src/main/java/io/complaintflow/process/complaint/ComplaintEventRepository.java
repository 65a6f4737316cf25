package io.complaintflow.process.complaint;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ComplaintEventRepository extends ListCrudRepository<ComplaintEvent, Long> {

  List<ComplaintEvent> findByComplaintIdOrderByOccurredAtAscIdAsc(long complaintId);

  List<ComplaintEvent> findByComplaintIdAndCustomerVisibleTrueOrderByOccurredAtAscIdAsc(long complaintId);
}
