package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A sign task ALBS hands to a sign node ({@code POST /sign-tasks/get_sign_task/}, ALBS's
 * {@code AvailableSignTask}): the packages of a build to sign with a key the node holds.
 *
 * <pre>{@code
 * albs.signNode().getSignTask(List.of("51D6647EC21AD6EA")).ifPresent(task ->
 *     task.packages().forEach(p -> download(p.downloadUrl(), p.name())));
 * }</pre>
 *
 * @param id the sign task id, used to complete it
 * @param buildId the build signed
 * @param keyid the PGP key id to sign with
 * @param signFiles whether detached signatures of files are wanted too
 * @param packages the packages to sign
 */
public record SignNodeTask(
    long id,
    @JsonProperty("build_id") long buildId,
    String keyid,
    @JsonProperty("sign_files") boolean signFiles,
    List<SignPackage> packages) {

  /** Copies the packages; null reads as empty. */
  public SignNodeTask {
    packages = Copies.list(packages);
  }

  /**
   * A package to sign.
   *
   * <pre>{@code
   * Path rpm = downloads.resolve(pkg.name());
   * }</pre>
   *
   * @param id the artifact id, reported back in {@link SignTaskCompletion.SignedPackage#id()}
   * @param name the file name
   * @param arch the architecture, or null
   * @param type the kind, such as {@code rpm}
   * @param downloadUrl where to download it
   * @param casHash the notarization hash, or null
   */
  public record SignPackage(
      long id,
      String name,
      String arch,
      String type,
      @JsonProperty("download_url") String downloadUrl,
      @JsonProperty("cas_hash") String casHash) {}
}
