package io.complaintflow.process.forms;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What staff entered in a task form cannot be accepted. Thrown while the task is completed, it refuses the
 * completion; Tasklist shows the message, which names the field and the reason in Chinese and English.
 */
public class FormInputException extends ProcessEngineException {

  private final String field;

  public FormInputException(String field, String messageZh, String messageEn) {
    super(messageZh + " / " + messageEn);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
