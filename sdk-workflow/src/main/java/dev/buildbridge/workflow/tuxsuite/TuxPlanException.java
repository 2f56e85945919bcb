package dev.buildbridge.workflow.tuxsuite;

import dev.buildbridge.core.BuildBridgeException;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan that was not submitted in full: TuxSuite refused a step or could not be reached, or
 * answered a submission with other than one status per request. {@link #submitted()} holds what
 * went through before the failure (the plan and the runs already accepted), so the caller can
 * cancel the plan or look the runs up; the cause is the {@code ApiException} of the failed call.
 * Needs sdk-api at run time.
 *
 * <pre>{@code
 * try {
 *     SubmittedPlan submitted = submitter.submit(expanded);
 * } catch (TuxPlanException e) {
 *     e.submitted().ifPresent(SubmittedPlan::cancel);   // do not leave half a plan running
 *     throw e;
 * }
 * }</pre>
 */
public final class TuxPlanException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Which step failed. */
  public enum Reason {
    /** {@code POST .../plans} failed; nothing was submitted. */
    PLAN_NOT_CREATED,
    /** A {@code POST .../builds} failed; earlier batches went through. */
    BUILDS_NOT_SUBMITTED,
    /** A {@code POST .../tests} of sanity tests failed; the builds went through. */
    SANITY_TESTS_NOT_SUBMITTED,
    /** A {@code POST .../tests} of the other tests failed; builds and sanity tests went through. */
    TESTS_NOT_SUBMITTED,
    /** TuxSuite answered a submission with other than one status with a uid per request. */
    UNEXPECTED_RESPONSE
  }

  private final Reason reason;
  private final transient SubmittedPlan submitted;

  TuxPlanException(Reason reason, String message, SubmittedPlan submitted, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), message, cause);
    this.reason = reason;
    this.submitted = submitted;
  }

  /**
   * Returns which step failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns what TuxSuite accepted before the failure. Not kept when the exception is
   * serialized.
   *
   * @return the plan with the runs already submitted, or empty when the plan was not created
   */
  public Optional<SubmittedPlan> submitted() {
    return Optional.ofNullable(submitted);
  }
}
