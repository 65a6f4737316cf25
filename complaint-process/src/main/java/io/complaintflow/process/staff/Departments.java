package io.complaintflow.process.staff;

import org.springframework.stereotype.Component;

/** Lets the models address a department's group: {@code camunda:candidateGroups="${departments.group(department)}"}. */
@Component("departments")
public class Departments {

  public String group(String department) {
    return Department.of(department).group();
  }

  public String title(String department) {
    return Department.of(department).title();
  }
}
