package dev.buildbridge.api.albs;

/**
 * What ALBS answered to a {@code build_done} report. Both mean the result is recorded: a report
 * that is repeated (after a lost response, say) meets {@link #ALREADY_FINISHED}.
 *
 * <pre>{@code
 * BuildDoneOutcome outcome = albs.buildNode().buildDone(task.id(), result);
 * if (outcome == BuildDoneOutcome.ALREADY_FINISHED) {
 *   log.log(INFO, "task " + task.id() + " was already finished");
 * }
 * }</pre>
 */
public enum BuildDoneOutcome {
  /** 200 {@code {"ok": true}}: the result was accepted and is being processed. */
  ACCEPTED,
  /**
   * 409 {@code {"ok": false}}: the task was already finished (an earlier report, or a user
   * cancelled it); nothing more to do.
   */
  ALREADY_FINISHED
}
