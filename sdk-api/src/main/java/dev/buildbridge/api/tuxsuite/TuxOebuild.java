package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An OpenEmbedded/Yocto build as TuxSuite returns it from {@code GET .../oebuilds/{uid}}, from a
 * submission or a listing. Missing fields are null and collections empty.
 *
 * <pre>{@code
 * TuxOebuild oebuild = tux.getOebuild("2ZITcWtwDj3povtoSM0c5sk30FZ");
 * System.out.println(oebuild.machine() + "/" + oebuild.distro() + ": " + oebuild.result());
 * }</pre>
 *
 * @param uid {@code uid}, or null
 * @param project {@code project} ({@code group/project}), or null
 * @param plan {@code plan}, or null
 * @param user {@code user}, or null
 * @param tokenName {@code token_name}, or null
 * @param userAgent {@code user_agent}, or null
 * @param isPublic {@code is_public}, or null
 * @param callback {@code callback}, or null
 * @param state {@code state}; {@link TuxState#UNKNOWN} when absent or unknown
 * @param result {@code result}; {@link TuxResult#UNKNOWN} when absent, undecided or unknown
 * @param statusMessage {@code status_message}, or null
 * @param warningsCount {@code warnings_count}, or null
 * @param errorsCount {@code errors_count}, or null
 * @param isCanceling {@code is_canceling}, or null
 * @param name {@code name}, or null
 * @param sources {@code sources} (such as {@code repo} with {@code url}, {@code branch},
 *     {@code manifest}), copied in and out, or null
 * @param machine {@code machine}, such as {@code qemux86-64}, or null
 * @param distro {@code distro}, or null
 * @param container {@code container}, such as {@code ubuntu-20.04}, or null
 * @param envsetup {@code envsetup}, or null
 * @param targets {@code targets}; empty when absent
 * @param localConf {@code local_conf}; empty when absent
 * @param bblayersConf {@code bblayers_conf}; empty when absent
 * @param extraconfigs {@code extraconfigs}; empty when absent
 * @param environment {@code environment}; empty when absent
 * @param kasOverride {@code kas_override}, or null
 * @param manifestFile {@code manifest_file}, or null
 * @param pinnedManifest {@code pinned_manifest}, or null
 * @param noCache {@code no_cache}, or null
 * @param downloadUrl {@code download_url}, or null
 * @param artifacts {@code artifacts}; empty when absent
 * @param provisioningTime {@code provisioning_time} (UTC), or null
 * @param runningTime {@code running_time} (UTC), or null
 * @param finishedTime {@code finished_time} (UTC), or null
 * @param duration {@code duration} in seconds, or null
 * @param setupDuration {@code setup_duration} in seconds, or null
 * @param waitedBy {@code waited_by}; empty when absent
 */
public record TuxOebuild(
    String uid,
    String project,
    String plan,
    String user,
    @JsonProperty("token_name") String tokenName,
    @JsonProperty("user_agent") String userAgent,
    @JsonProperty("is_public") Boolean isPublic,
    String callback,
    TuxState state,
    TuxResult result,
    @JsonProperty("status_message") String statusMessage,
    @JsonProperty("warnings_count") Long warningsCount,
    @JsonProperty("errors_count") Long errorsCount,
    @JsonProperty("is_canceling") Boolean isCanceling,
    String name,
    JsonNode sources,
    String machine,
    String distro,
    String container,
    String envsetup,
    List<String> targets,
    @JsonProperty("local_conf") List<String> localConf,
    @JsonProperty("bblayers_conf") List<String> bblayersConf,
    List<String> extraconfigs,
    Map<String, String> environment,
    @JsonProperty("kas_override") String kasOverride,
    @JsonProperty("manifest_file") String manifestFile,
    @JsonProperty("pinned_manifest") String pinnedManifest,
    @JsonProperty("no_cache") Boolean noCache,
    @JsonProperty("download_url") String downloadUrl,
    List<String> artifacts,
    @JsonProperty("provisioning_time") LocalDateTime provisioningTime,
    @JsonProperty("running_time") LocalDateTime runningTime,
    @JsonProperty("finished_time") LocalDateTime finishedTime,
    Long duration,
    @JsonProperty("setup_duration") Long setupDuration,
    @JsonProperty("waited_by") List<String> waitedBy) implements TuxRun {

  /** Copies the collections and the tree; null collections become empty, null enums UNKNOWN. */
  public TuxOebuild {
    state = state == null ? TuxState.UNKNOWN : state;
    result = result == null ? TuxResult.UNKNOWN : result;
    sources = Copies.tree(sources);
    targets = Copies.list(targets);
    localConf = Copies.list(localConf);
    bblayersConf = Copies.list(bblayersConf);
    extraconfigs = Copies.list(extraconfigs);
    environment = Copies.map(environment);
    artifacts = Copies.list(artifacts);
    waitedBy = Copies.list(waitedBy);
  }

  /**
   * Returns {@link TuxKind#OEBUILD}.
   *
   * @return {@link TuxKind#OEBUILD}
   */
  @Override
  public TuxKind kind() {
    return TuxKind.OEBUILD;
  }

  /**
   * Returns the sources the build fetched.
   *
   * @return a deep copy, or null when absent
   */
  @Override
  public JsonNode sources() {
    return Copies.tree(sources);
  }
}
