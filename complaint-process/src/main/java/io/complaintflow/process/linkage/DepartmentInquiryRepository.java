package io.complaintflow.process.linkage;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface DepartmentInquiryRepository extends ListCrudRepository<DepartmentInquiry, Long> {

  List<DepartmentInquiry> findByComplaintIdOrderByRequestedAtAscIdAsc(long complaintId);
}
