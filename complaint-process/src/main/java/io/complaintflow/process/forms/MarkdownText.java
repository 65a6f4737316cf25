package io.complaintflow.process.forms;

/**
 * Text that people wrote (customers, or staff in another context), put into the Markdown a task form shows: on one
 * line, with no markup or link of theirs rendered.
 */
public final class MarkdownText {

  private MarkdownText() {
  }

  /**
   * Line breaks become spaces (a line of its own could start a heading or a list), {@code <} and {@code [} become
   * character references (no HTML, image or link of theirs), as the forms do with FEEL's {@code replace}.
   */
  public static String plain(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("[\\r\\n]+", " ").replace("<", "&lt;").replace("[", "&#91;");
  }
}
