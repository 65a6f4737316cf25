package io.complaintflow.process.reply;

import org.camunda.bpm.engine.ProcessEngineException;

import io.complaintflow.process.reply.ReplySettings.ForbiddenPhrase;

/**
 * A customer-facing reply contains a forbidden phrase. Thrown while a task is completed, it refuses the completion;
 * Tasklist shows the message, which names the field, the phrase and why it is forbidden, in Chinese and English.
 */
public class ForbiddenPhraseException extends ProcessEngineException {

  private final String field;
  private final transient ForbiddenPhrase phrase;

  public ForbiddenPhraseException(String field, String fieldLabel, ForbiddenPhrase phrase) {
    super("「" + fieldLabel + "」含有禁语「" + phrase.phrase() + "」:" + phrase.reason() + "。请改用具体、负责的说法后再提交。"
        + " / The field '" + field + "' contains the forbidden phrase \"" + phrase.phrase() + "\": " + phrase.reasonEn()
        + ". Rephrase it before submitting.");
    this.field = field;
    this.phrase = phrase;
  }

  public String field() {
    return field;
  }

  public ForbiddenPhrase phrase() {
    return phrase;
  }
}
