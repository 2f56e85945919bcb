package dev.buildbridge.workflow;

import dev.buildbridge.core.BuildBridgeException;
import dev.buildbridge.workflow.kdl.KdlLocation;
import dev.buildbridge.workflow.kdl.KdlParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow that cannot be used: not KDL, not a valid workflow, not readable at the commit, or
 * without the job asked for. {@link #reason()} tells which; {@link #problems()} lists every problem
 * of a file that does not parse or validate, each with its {@code file:line:column}.
 *
 * <pre>{@code
 * try {
 *     List<JobRequest> jobs = fanOut.expand(template);
 * } catch (WorkflowException e) {
 *     if (e.isRetryable()) {
 *         retryLater();                                   // the repository could not be read now
 *     } else {
 *         e.problems().forEach(System.err::println);      // .solstice/workflow.kdl:3:5: ...
 *     }
 * }
 * }</pre>
 */
public final class WorkflowException extends BuildBridgeException {
  private static final long serialVersionUID = 1L;

  /** Why a workflow cannot be used. */
  public enum Reason {
    /** The file is not KDL; the cause is the {@link KdlParseException}. */
    SYNTAX,
    /** The file is KDL but not a valid workflow; {@link #problems()} lists why. */
    INVALID,
    /** The job selected for expansion is not in the workflow. */
    UNKNOWN_JOB,
    /** The workflow path names a directory, a submodule or a symbolic link at the commit. */
    NOT_A_FILE,
    /** The workflow file is larger than the source's limit. */
    TOO_LARGE,
    /** The commit is not in the repository (after fetching, for a remote), or is not a commit. */
    COMMIT_NOT_FOUND,
    /** The repository could not be opened, cloned, fetched or read. */
    SOURCE_UNREADABLE
  }

  private final Reason reason;
  private final transient List<WorkflowProblem> problems;

  /**
   * Creates a failure that is not about the file's content.
   *
   * @param reason why; not {@link Reason#SYNTAX} or {@link Reason#INVALID}, which come from
   *     {@link #syntax(KdlParseException)} and {@link #invalid(List)}
   * @param message what was wrong and where; no secrets
   * @param cause the underlying failure, or {@code null}
   * @throws IllegalArgumentException for {@link Reason#SYNTAX} or {@link Reason#INVALID}
   */
  public WorkflowException(Reason reason, String message, Throwable cause) {
    this(check(reason), message, cause, List.of());
  }

  private WorkflowException(Reason reason, String message, Throwable cause,
      List<WorkflowProblem> problems) {
    super(reason.name(), Objects.requireNonNull(message, "message"), cause);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  private static Reason check(Reason reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason == Reason.SYNTAX || reason == Reason.INVALID) {
      throw new IllegalArgumentException(
          reason + " failures are made by WorkflowException.syntax or WorkflowException.invalid");
    }
    return reason;
  }

  /**
   * Creates the failure for a file that is not KDL. Its message is the parse exception's
   * ({@code file:line:column: detail}) and its one problem is that location and detail.
   *
   * @param cause the parse failure, kept as the cause
   * @return the failure, reason {@link Reason#SYNTAX}
   */
  public static WorkflowException syntax(KdlParseException cause) {
    Objects.requireNonNull(cause, "cause");
    return new WorkflowException(Reason.SYNTAX, cause.getMessage(), cause,
        List.of(new WorkflowProblem(cause.location(), cause.detail())));
  }

  /**
   * Creates the failure for a file that is not a valid workflow. Its message is the first problem
   * followed by {@code " (and N more)"} when there are others.
   *
   * @param problems every problem, in file order; copied
   * @return the failure, reason {@link Reason#INVALID}
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public static WorkflowException invalid(List<WorkflowProblem> problems) {
    List<WorkflowProblem> copy = List.copyOf(problems);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("problems is empty");
    }
    String message = copy.get(0).toString();
    if (copy.size() > 1) {
      message += " (and " + (copy.size() - 1) + " more)";
    }
    return new WorkflowException(Reason.INVALID, message, null, copy);
  }

  /**
   * Returns why the workflow cannot be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns what is wrong with the file, in file order: one problem for {@link Reason#SYNTAX},
   * one or more for {@link Reason#INVALID}, none for other reasons. Not kept when the exception
   * is serialized.
   *
   * @return the problems
   */
  public List<WorkflowProblem> problems() {
    return problems == null ? List.of() : problems;
  }

  /**
   * Returns where the first problem is.
   *
   * @return the location for {@link Reason#SYNTAX} and {@link Reason#INVALID}, else empty
   */
  public Optional<KdlLocation> location() {
    List<WorkflowProblem> all = problems();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).location());
  }

  /**
   * Tells whether trying again later may succeed: true when the repository could not be read or
   * did not have the commit yet ({@link Reason#SOURCE_UNREADABLE},
   * {@link Reason#COMMIT_NOT_FOUND}); false when the file or the request is wrong and must be
   * fixed first.
   *
   * @return whether a retry may help
   */
  public boolean isRetryable() {
    return reason == Reason.SOURCE_UNREADABLE || reason == Reason.COMMIT_NOT_FOUND;
  }
}
