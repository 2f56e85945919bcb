package dev.buildbridge.kcidb.submit;

import java.util.List;
import java.util.Objects;

/**
 * What {@link KcidbClient#submit(byte[])} achieved: one accepted submission per part the document
 * was split into (usually one).
 *
 * <pre>{@code
 * SubmitResult result = client.submit(document);
 * String first = result.ids().get(0);
 * SubmissionStatus status = client.status(first);
 * }</pre>
 *
 * @param submissions the accepted parts, in sending order; at least one
 */
public record SubmitResult(List<Submission> submissions) {

  /**
   * Checks and copies the list.
   *
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if the list is empty
   */
  public SubmitResult {
    submissions = List.copyOf(Objects.requireNonNull(submissions, "submissions"));
    if (submissions.isEmpty()) {
      throw new IllegalArgumentException("submissions is empty");
    }
  }

  /**
   * Returns the submission ids.
   *
   * @return one id per part, in sending order
   */
  public List<String> ids() {
    return submissions.stream().map(Submission::id).toList();
  }
}
