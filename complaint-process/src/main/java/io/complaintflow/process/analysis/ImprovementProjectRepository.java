package io.complaintflow.process.analysis;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ImprovementProjectRepository extends ListCrudRepository<ImprovementProject, Long> {

  List<ImprovementProject> findByReportIdOrderByIdAsc(long reportId);

  List<ImprovementProject> findAllByOrderByDueAtAscIdAsc();
}
