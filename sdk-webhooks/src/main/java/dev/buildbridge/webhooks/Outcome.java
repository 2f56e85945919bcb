package dev.buildbridge.webhooks;

/**
 * What the handler decided about a delivery, with the HTTP status to answer.
 *
 * <pre>{@code
 * Decision decision = handler.handle(delivery);
 * if (decision.outcome() == Outcome.ACCEPTED) queue.addAll(decision.jobs());
 * response.setStatus(decision.status());
 * }</pre>
 */
public enum Outcome {
  /** Verified and parsed; jobs were produced: 202. */
  ACCEPTED(202),
  /** Verified and parsed, nothing to do (ignored event or action, deletion, filtered): 204. */
  IGNORED(204),
  /** A GitHub {@code ping}: 200. */
  PING(200),
  /** A verified TuxSuite callback, for the host to process: 200. */
  CALLBACK(200),
  /** The delivery id was seen before; no new jobs: 200. */
  DUPLICATE(200),
  /** Malformed body or missing event header: 400. */
  MALFORMED(400),
  /** Bad or missing signature or token: 401. */
  UNAUTHORIZED(401),
  /** Body over the size limit: 413. */
  TOO_LARGE(413),
  /** Content type neither JSON nor form: 415. */
  UNSUPPORTED_MEDIA_TYPE(415),
  /**
   * The delivery is fine but the repository's workflow file is not (syntax, unknown job in
   * {@code needs}, a cycle): 422. The reason names the file, line and column; no jobs.
   */
  INVALID_WORKFLOW(422),
  /** The workflow file could not be read now (the repository could not be fetched): 503. */
  WORKFLOW_UNAVAILABLE(503);

  private final int status;

  Outcome(int status) {
    this.status = status;
  }

  /**
   * Returns the HTTP status to answer.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * Tells whether the delivery was taken (a 2xx answer).
   *
   * @return true for 2xx outcomes
   */
  public boolean isSuccess() {
    return status < 300;
  }
}
