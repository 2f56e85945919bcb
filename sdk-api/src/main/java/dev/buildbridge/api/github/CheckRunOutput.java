package dev.buildbridge.api.github;

/**
 * The output shown on a check run's page: a title, a Markdown summary and optional Markdown
 * details. GitHub requires the title and summary whenever output is sent.
 *
 * <pre>{@code
 * CheckRunOutput output = CheckRunOutput.of("Build passed", "3 jobs, 12 minutes");
 * CheckRunOutput detailed = new CheckRunOutput("Build failed", "1 of 3 jobs failed", logTail);
 * }</pre>
 *
 * @param title the title, not blank
 * @param summary the summary (Markdown), not blank, at most 65,535 characters
 * @param text the details (Markdown), at most 65,535 characters; may be null
 */
public record CheckRunOutput(String title, String summary, String text) {
  /** GitHub's limit on {@code summary} and {@code text}, in characters. */
  public static final int MAX_CHARS = 65_535;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the title or summary is null
   * @throws IllegalArgumentException if the title or summary is blank, or a text is too long
   */
  public CheckRunOutput {
    Arguments.nonBlank(title, "title");
    Arguments.nonBlank(summary, "summary");
    Arguments.maxChars(summary, MAX_CHARS, "summary");
    Arguments.maxChars(text, MAX_CHARS, "text");
  }

  /**
   * Returns output with a title and summary only.
   *
   * @param title the title, not blank
   * @param summary the summary, not blank
   * @return the output
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is blank or the summary too long
   */
  public static CheckRunOutput of(String title, String summary) {
    return new CheckRunOutput(title, summary, null);
  }
}
