package dev.buildbridge.api.tuxsuite;

import java.time.LocalDateTime;

/**
 * A TuxSuite build, test or oebuild as the REST API returns it (the same object a callback
 * carries as {@code status}). What every kind shares is here; {@link TuxBuild}, {@link TuxTest}
 * and {@link TuxOebuild} have the rest.
 *
 * <p>Times are ISO-8601 without a zone, in UTC, so they are {@link LocalDateTime}s (convert with
 * {@code time.toInstant(ZoneOffset.UTC)}). Fields missing from the answer are null, collections
 * empty, and {@link #state()} and {@link #result()} {@code UNKNOWN}.
 *
 * <pre>{@code
 * TuxRun run = tux.get(TuxKind.TEST, uid);
 * if (run.isFinished() && run.result() != TuxResult.PASS) {
 *     System.out.println(run.kind() + " " + run.uid() + ": " + run.result() + ", logs in "
 *         + run.downloadUrl());
 * }
 * }</pre>
 */
public sealed interface TuxRun permits TuxBuild, TuxTest, TuxOebuild {

  /**
   * Returns the kind of run.
   *
   * @return {@link TuxKind#BUILD}, {@link TuxKind#TEST} or {@link TuxKind#OEBUILD}
   */
  TuxKind kind();

  /**
   * Returns the unique id, a 27-character string such as {@code 2ZITcwA6wxeKxh9cZA5HBJ6FkSj}.
   *
   * @return {@code uid}, or null when absent
   */
  String uid();

  /**
   * Returns the project, as {@code group/project}.
   *
   * @return {@code project}, or null when absent
   */
  String project();

  /**
   * Returns the uid of the plan the run belongs to.
   *
   * @return {@code plan}, or null
   */
  String plan();

  /**
   * Returns the state.
   *
   * @return {@code state}; {@link TuxState#UNKNOWN} when absent or not known to this version
   */
  TuxState state();

  /**
   * Returns the result, final once {@link #isFinished()}.
   *
   * @return {@code result}; {@link TuxResult#UNKNOWN} when absent, undecided or not known to this
   *     version
   */
  TuxResult result();

  /**
   * Returns the directory of the run's artifacts and logs, ending with {@code /}.
   *
   * @return {@code download_url}, or null when absent
   */
  String downloadUrl();

  /**
   * Returns the URL TuxSuite posts the callback to.
   *
   * @return {@code callback}, or null
   */
  String callback();

  /**
   * Tells whether the run's results are public.
   *
   * @return {@code is_public}, or null when absent
   */
  Boolean isPublic();

  /**
   * Tells whether a cancellation is in progress.
   *
   * @return {@code is_canceling}, or null when absent
   */
  Boolean isCanceling();

  /**
   * Returns the user who submitted the run.
   *
   * @return {@code user}, or null when absent
   */
  String user();

  /**
   * Returns the name of the token the run was submitted with.
   *
   * @return {@code token_name}, or null when absent
   */
  String tokenName();

  /**
   * Returns when provisioning started (UTC).
   *
   * @return {@code provisioning_time}, or null
   */
  LocalDateTime provisioningTime();

  /**
   * Returns when the run started running (UTC).
   *
   * @return {@code running_time}, or null
   */
  LocalDateTime runningTime();

  /**
   * Returns when the run finished (UTC).
   *
   * @return {@code finished_time}, or null
   */
  LocalDateTime finishedTime();

  /**
   * Returns how long the run took.
   *
   * @return {@code duration} in seconds, or null
   */
  Long duration();

  /**
   * Tells whether the run reached its terminal state, {@code finished}; other and unknown states
   * are not terminal.
   *
   * @return true when {@link #state()} is {@link TuxState#FINISHED}
   */
  default boolean isFinished() {
    return state().isTerminal();
  }
}
