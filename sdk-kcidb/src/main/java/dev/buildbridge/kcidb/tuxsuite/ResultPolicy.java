package dev.buildbridge.kcidb.tuxsuite;

/**
 * What the {@link TuxSuiteKcidbMapper} does with a TuxSuite result that has no KCIDB status:
 * {@code canceled}, {@code unknown} (which TuxSuite also reports while a run is not finished) and
 * any result it does not know. KCIDB keeps the first non-null status it stores, so a status sent
 * now can never be corrected by a later submission.
 *
 * <pre>{@code
 * TuxSuiteKcidbMapper mapper = TuxSuiteKcidbMapper.newBuilder("tuxsuite")
 *     .canceledPolicy(ResultPolicy.SUBMIT_AS_SKIP)
 *     .build();
 * }</pre>
 */
public enum ResultPolicy {
  /** Leave the build or test out of the document and list it in the mapping's skipped items. */
  SKIP_AND_REPORT,
  /** Submit it as {@code MISS}: the harness failed to run it. */
  SUBMIT_AS_MISS,
  /** Submit it as {@code ERROR}: it did not complete. */
  SUBMIT_AS_ERROR,
  /** Submit it as {@code SKIP}: it did not run. */
  SUBMIT_AS_SKIP,
  /**
   * Submit it without a status ("scheduled or running"), so that a later submission of the same
   * id can still fill the status in.
   */
  SUBMIT_WITHOUT_STATUS
}
