package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code status} of a kernel build callback ({@code kind} {@code build}). Every field of
 * TuxSuite's documented sample is a component; anything else is in {@link #unknownFields()}.
 * Missing fields are {@code null}, collections empty, {@link #modules()} empty. Times are UTC.
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxBuildCallback build) {
 *     TuxBuildStatus status = build.status();
 *     if (status.isFinished() && "pass".equals(status.result())) {
 *         String image = status.downloadUrl() + status.kernelImageName();
 *     }
 * }
 * }</pre>
 *
 * @param uid {@code uid}, or {@code null}
 * @param project {@code project} ({@code group/project}), or {@code null}
 * @param plan {@code plan}, the uid of the plan the build belongs to, or {@code null}
 * @param user {@code user}, or {@code null}
 * @param tokenName {@code token_name}, or {@code null}
 * @param userAgent {@code user_agent}, or {@code null}
 * @param clientToken {@code client_token}, the id the client chose, or {@code null}
 * @param isPublic {@code is_public}, or {@code null}
 * @param callback {@code callback}, the URL this callback was sent to, or {@code null}
 * @param state {@code state} ({@code queued}, {@code provisioning}, {@code building},
 *     {@code running}, {@code finished}), or {@code null}
 * @param result {@code result} ({@code pass}, {@code fail}, {@code error}, {@code canceled},
 *     {@code unknown}), or {@code null}
 * @param buildStatus {@code build_status} ({@code queued}, {@code building}, {@code pass},
 *     {@code fail}, {@code error}, ...), or {@code null}
 * @param tuxbuildStatus {@code tuxbuild_status} ({@code queued}, {@code building},
 *     {@code complete}, {@code error}), or {@code null}
 * @param statusMessage {@code status_message}, such as {@code build completed}, or {@code null}
 * @param warningsCount {@code warnings_count}, or {@code null}
 * @param errorsCount {@code errors_count}, or {@code null}
 * @param isCanceling {@code is_canceling}, or {@code null}
 * @param retry {@code retry}, how many times the build was retried, or {@code null}
 * @param retryMessage {@code retry_message}, or {@code null}
 * @param autoRetry {@code auto_retry}, or {@code null}
 * @param gitRepo {@code git_repo}, the repository URL, or {@code null}
 * @param gitRef {@code git_ref}, or {@code null}
 * @param gitSha {@code git_sha}, or {@code null}
 * @param gitDescribe {@code git_describe}, such as {@code v6.7-rc4-111-g5e3f5b81de80}, or
 *     {@code null}
 * @param gitShortLog {@code git_short_log}, the commit id and subject, or {@code null}
 * @param kernelPatchFile {@code kernel_patch_file}, or {@code null}
 * @param kernelVersion {@code kernel_version}, such as {@code 6.7.0-rc4}, or {@code null}
 * @param buildName {@code build_name}, or {@code null}
 * @param targetArch {@code target_arch}, such as {@code arm64}, or {@code null}
 * @param toolchain {@code toolchain}, such as {@code clang-17}, or {@code null}
 * @param kconfig {@code kconfig}, the configurations in order (a single string reads as one);
 *     empty when absent
 * @param targets {@code targets}; empty when absent
 * @param makeVariables {@code make_variables}, such as {@code LLVM=1}; empty when absent
 * @param environment {@code environment}; empty when absent
 * @param imageSha {@code image_sha}, or {@code null}
 * @param noCache {@code no_cache}, or {@code null}
 * @param downloadUrl {@code download_url}, the artifacts directory (ends with {@code /}), or
 *     {@code null}
 * @param kernelImage {@code kernel_image}, or {@code null}
 * @param kernelImageName {@code kernel_image_name}, such as {@code Image.gz}, or {@code null}
 * @param modules {@code modules}: the modules archive's file name; empty when TuxSuite sent
 *     {@code false} (no modules) or nothing
 * @param provisioningTime {@code provisioning_time}, or {@code null}
 * @param runningTime {@code running_time}, or {@code null}
 * @param finishedTime {@code finished_time}, or {@code null}
 * @param duration {@code duration} in seconds, or {@code null}
 * @param setupDuration {@code setup_duration} in seconds, or {@code null}
 * @param sccacheHits {@code sccache_hits}, or {@code null}
 * @param sccacheMisses {@code sccache_misses}, or {@code null}
 * @param waitedBy {@code waited_by}, the runs waiting for this build such as
 *     {@code TEST#<uid>}; empty when absent
 * @param tuxmakeMetadata {@code tuxmake_metadata} (compiler, per-target results, tools; copied
 *     in, and copied again by {@link #tuxmakeMetadata()}), or {@code null}
 * @param unknownFields fields not modelled, or whose value has an unexpected type (copied in, and
 *     copied again by {@link #unknownFields()})
 */
public record TuxBuildStatus(
    String uid,
    String project,
    String plan,
    String user,
    String tokenName,
    String userAgent,
    String clientToken,
    Boolean isPublic,
    String callback,
    String state,
    String result,
    String buildStatus,
    String tuxbuildStatus,
    String statusMessage,
    Long warningsCount,
    Long errorsCount,
    Boolean isCanceling,
    Long retry,
    String retryMessage,
    Boolean autoRetry,
    String gitRepo,
    String gitRef,
    String gitSha,
    String gitDescribe,
    String gitShortLog,
    String kernelPatchFile,
    String kernelVersion,
    String buildName,
    String targetArch,
    String toolchain,
    List<String> kconfig,
    List<String> targets,
    Map<String, String> makeVariables,
    Map<String, String> environment,
    String imageSha,
    Boolean noCache,
    String downloadUrl,
    String kernelImage,
    String kernelImageName,
    Optional<String> modules,
    LocalDateTime provisioningTime,
    LocalDateTime runningTime,
    LocalDateTime finishedTime,
    Long duration,
    Long setupDuration,
    Long sccacheHits,
    Long sccacheMisses,
    List<String> waitedBy,
    JsonNode tuxmakeMetadata,
    Map<String, JsonNode> unknownFields) implements TuxStatus {

  /** Copies the collections and trees; null collections become empty, a null modules empty. */
  public TuxBuildStatus {
    kconfig = Copies.list(kconfig);
    targets = Copies.list(targets);
    makeVariables = Copies.map(makeVariables);
    environment = Copies.map(environment);
    modules = modules == null ? Optional.empty() : modules;
    waitedBy = Copies.list(waitedBy);
    tuxmakeMetadata = Copies.tree(tuxmakeMetadata);
    unknownFields = Copies.trees(unknownFields);
  }

  static TuxBuildStatus read(StatusFields f) {
    return new TuxBuildStatus(
        f.text("uid"),
        f.text("project"),
        f.text("plan"),
        f.text("user"),
        f.text("token_name"),
        f.text("user_agent"),
        f.text("client_token"),
        f.bool("is_public"),
        f.text("callback"),
        f.text("state"),
        f.text("result"),
        f.text("build_status"),
        f.text("tuxbuild_status"),
        f.text("status_message"),
        f.count("warnings_count"),
        f.count("errors_count"),
        f.bool("is_canceling"),
        f.count("retry"),
        f.text("retry_message"),
        f.bool("auto_retry"),
        f.text("git_repo"),
        f.text("git_ref"),
        f.text("git_sha"),
        f.text("git_describe"),
        f.text("git_short_log"),
        f.text("kernel_patch_file"),
        f.text("kernel_version"),
        f.text("build_name"),
        f.text("target_arch"),
        f.text("toolchain"),
        f.stringOrStrings("kconfig"),
        f.strings("targets"),
        f.stringMap("make_variables"),
        f.stringMap("environment"),
        f.text("image_sha"),
        f.bool("no_cache"),
        f.text("download_url"),
        f.text("kernel_image"),
        f.text("kernel_image_name"),
        f.fileOrFalse("modules"),
        f.time("provisioning_time"),
        f.time("running_time"),
        f.time("finished_time"),
        f.count("duration"),
        f.count("setup_duration"),
        f.count("sccache_hits"),
        f.count("sccache_misses"),
        f.strings("waited_by"),
        f.tree("tuxmake_metadata"),
        f.unread());
  }

  /**
   * Returns tuxmake's metadata: {@code compiler}, {@code results} (per-target status and
   * durations), {@code runtime}, {@code tools}, {@code tuxmake}.
   *
   * @return a deep copy, or {@code null} when absent
   */
  @Override
  public JsonNode tuxmakeMetadata() {
    return Copies.tree(tuxmakeMetadata);
  }

  /**
   * Returns the fields not modelled, or whose value has an unexpected type, in payload order.
   *
   * @return an unmodifiable map of deep copies
   */
  @Override
  public Map<String, JsonNode> unknownFields() {
    return Copies.trees(unknownFields);
  }
}
