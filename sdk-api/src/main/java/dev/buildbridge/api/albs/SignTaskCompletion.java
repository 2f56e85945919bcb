package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /sign-tasks/{id}/complete/} (ALBS's {@code SignTaskComplete}): the
 * signed packages, uploaded to Pulp, or why signing failed.
 *
 * <pre>{@code
 * albs.signNode().complete(task.id(), SignTaskCompletion.succeeded(task.buildId(), List.of(
 *     new SignTaskCompletion.SignedPackage(10, "bash-5.1.8-9.el9.x86_64.rpm", "x86_64", "rpm",
 *         "/pulp/api/v3/artifacts/9b1f.../", fingerprint, sha256, null))));
 * }</pre>
 *
 * @param buildId the build signed, positive
 * @param success whether every package was signed
 * @param errorMessage why signing failed, or null
 * @param logHref the Pulp href of the sign log, or null
 * @param packages the signed packages, or null on failure
 * @param stats timings ({@code sign_packages_time} and the like), or null; nested values are
 *     unmodifiable
 */
public record SignTaskCompletion(
    @JsonProperty("build_id") long buildId,
    boolean success,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("log_href") String logHref,
    List<SignedPackage> packages,
    Map<String, Object> stats) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a package is null
   * @throws IllegalArgumentException if the build id is not positive, a text is blank, or a
   *     failure has no error message
   */
  public SignTaskCompletion {
    Checks.positive(buildId, "buildId");
    Checks.nullOrNonBlank(errorMessage, "errorMessage");
    Checks.nullOrNonBlank(logHref, "logHref");
    packages = packages == null ? null : List.copyOf(packages);
    stats = Copies.treeOrNull(stats);
    if (!success && errorMessage == null) {
      throw new IllegalArgumentException("a failed sign task needs an errorMessage");
    }
  }

  /**
   * Returns a successful completion.
   *
   * @param buildId the build signed, positive
   * @param packages the signed packages
   * @return the completion
   * @throws NullPointerException if the list or a package is null
   * @throws IllegalArgumentException if the build id is not positive
   */
  public static SignTaskCompletion succeeded(long buildId, List<SignedPackage> packages) {
    Objects.requireNonNull(packages, "packages");
    return new SignTaskCompletion(buildId, true, null, null, packages, null);
  }

  /**
   * Returns a failed completion.
   *
   * @param buildId the build, positive
   * @param errorMessage why signing failed, not blank
   * @return the completion
   * @throws NullPointerException if the message is null
   * @throws IllegalArgumentException if the build id is not positive or the message blank
   */
  public static SignTaskCompletion failed(long buildId, String errorMessage) {
    return new SignTaskCompletion(buildId, false, Checks.nonBlank(errorMessage, "errorMessage"),
        null, null, null);
  }

  /**
   * Returns a copy with sign timings.
   *
   * @param stats the timings, such as {@code {"sign_packages_time": 30}}
   * @return the completion
   * @throws NullPointerException if the argument is null
   */
  public SignTaskCompletion withStats(Map<String, ?> stats) {
    Objects.requireNonNull(stats, "stats");
    return new SignTaskCompletion(buildId, success, errorMessage, logHref, packages,
        Copies.treeOrNull(stats));
  }

  /**
   * Returns a copy with the Pulp href of the sign log.
   *
   * @param logHref the href, not blank
   * @return the completion
   * @throws NullPointerException if the argument is null
   * @throws IllegalArgumentException if blank
   */
  public SignTaskCompletion withLogHref(String logHref) {
    return new SignTaskCompletion(buildId, success, errorMessage,
        Checks.nonBlank(logHref, "logHref"), packages, stats);
  }

  /**
   * A signed package uploaded to Pulp (ALBS's {@code SignedRpmInfo}).
   *
   * <pre>{@code
   * SignedPackage signed = new SignedPackage(pkg.id(), pkg.name(), pkg.arch(), pkg.type(),
   *     href, fingerprint, sha256, null);
   * }</pre>
   *
   * @param id the artifact id from {@link SignNodeTask.SignPackage#id()}, positive
   * @param name the file name, not blank
   * @param arch the architecture, or null
   * @param type the kind, such as {@code rpm}, not blank
   * @param href the Pulp artifact href of the signed file, not blank
   * @param fingerprint the fingerprint of the key used, not blank
   * @param sha256 the signed file's SHA-256 as 64 hex digits; kept in lower case
   * @param casHash the notarization hash, or null
   */
  public record SignedPackage(
      long id,
      String name,
      String arch,
      String type,
      String href,
      String fingerprint,
      String sha256,
      @JsonProperty("cas_hash") String casHash) {

    /**
     * Checks the components and lower-cases the digest.
     *
     * @throws NullPointerException if a required component is null
     * @throws IllegalArgumentException if the id is not positive, a text is blank or the digest
     *     is not 64 hex digits
     */
    public SignedPackage {
      Checks.positive(id, "id");
      Checks.nonBlank(name, "name");
      Checks.nullOrNonBlank(arch, "arch");
      Checks.nonBlank(type, "type");
      Checks.nonBlank(href, "href");
      Checks.nonBlank(fingerprint, "fingerprint");
      sha256 = Checks.sha256(sha256, "sha256");
      Checks.nullOrNonBlank(casHash, "casHash");
    }
  }
}
