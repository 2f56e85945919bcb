package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A kernel build as TuxSuite returns it from {@code GET .../builds/{uid}}, from a build
 * submission or a listing. Every field of TuxSuite's documented sample is a component; missing
 * fields are null and collections empty.
 *
 * <pre>{@code
 * TuxBuild build = tux.getBuild("2ZITcwA6wxeKxh9cZA5HBJ6FkSj");
 * if (build.isFinished() && build.result() == TuxResult.PASS) {
 *     String image = build.downloadUrl() + build.kernelImageName();  // .../Image.gz
 * }
 * }</pre>
 *
 * @param uid {@code uid}, or null
 * @param project {@code project} ({@code group/project}), or null
 * @param plan {@code plan}, the uid of the plan the build belongs to, or null
 * @param user {@code user}, or null
 * @param tokenName {@code token_name}, or null
 * @param userAgent {@code user_agent}, such as {@code tuxsuite/1.33.0}, or null
 * @param clientToken {@code client_token}, echoed from the request, or null
 * @param isPublic {@code is_public}, or null
 * @param callback {@code callback}, or null
 * @param state {@code state}; {@link TuxState#UNKNOWN} when absent or unknown
 * @param result {@code result}; {@link TuxResult#UNKNOWN} when absent, undecided or unknown
 * @param buildStatus {@code build_status} ({@code queued}, {@code building}, {@code pass},
 *     {@code fail}, {@code error}, {@code canceled}, {@code unknown}), or null
 * @param tuxbuildStatus {@code tuxbuild_status} ({@code queued}, {@code building},
 *     {@code complete}, {@code error}), or null
 * @param statusMessage {@code status_message}, such as {@code build completed}, or null
 * @param warningsCount {@code warnings_count}, or null
 * @param errorsCount {@code errors_count}, or null
 * @param isCanceling {@code is_canceling}, or null
 * @param retry {@code retry}, how many times TuxSuite retried the build, or null
 * @param retryMessage {@code retry_message}, or null
 * @param autoRetry {@code auto_retry}, or null
 * @param gitRepo {@code git_repo}, or null
 * @param gitRef {@code git_ref}, or null
 * @param gitSha {@code git_sha}, or null
 * @param gitDescribe {@code git_describe}, such as {@code v6.7-rc4-111-g5e3f5b81de80}, or null
 * @param gitShortLog {@code git_short_log}, the commit id and subject, or null
 * @param kernelPatchFile {@code kernel_patch_file}, or null
 * @param kernelVersion {@code kernel_version}, such as {@code 6.7.0-rc4}, or null
 * @param buildName {@code build_name}, or null
 * @param targetArch {@code target_arch}, such as {@code arm64}, or null
 * @param toolchain {@code toolchain}, such as {@code clang-17}, or null
 * @param kconfig {@code kconfig}, in order (a single string reads as one entry); empty when
 *     absent
 * @param targets {@code targets}; empty when absent
 * @param makeVariables {@code make_variables}, such as {@code LLVM=1}; empty when absent
 * @param environment {@code environment}; empty when absent
 * @param imageSha {@code image_sha}, or null
 * @param noCache {@code no_cache}, or null
 * @param downloadUrl {@code download_url}, the artifacts directory, or null
 * @param kernelImage {@code kernel_image}, or null
 * @param kernelImageName {@code kernel_image_name}, such as {@code Image.gz}, or null
 * @param modules {@code modules}, the modules archive's file name; null when TuxSuite sent
 *     {@code false} (no modules) or nothing
 * @param provisioningTime {@code provisioning_time} (UTC), or null
 * @param runningTime {@code running_time} (UTC), or null
 * @param finishedTime {@code finished_time} (UTC), or null
 * @param duration {@code duration} in seconds, or null
 * @param setupDuration {@code setup_duration} in seconds, or null
 * @param sccacheHits {@code sccache_hits}, or null
 * @param sccacheMisses {@code sccache_misses}, or null
 * @param waitedBy {@code waited_by}, the runs waiting for this build such as
 *     {@code TEST#<uid>}; empty when absent
 * @param tuxmakeMetadata {@code tuxmake_metadata} (compiler, per-target results, tools), copied
 *     in and out, or null
 */
public record TuxBuild(
    String uid,
    String project,
    String plan,
    String user,
    @JsonProperty("token_name") String tokenName,
    @JsonProperty("user_agent") String userAgent,
    @JsonProperty("client_token") String clientToken,
    @JsonProperty("is_public") Boolean isPublic,
    String callback,
    TuxState state,
    TuxResult result,
    @JsonProperty("build_status") String buildStatus,
    @JsonProperty("tuxbuild_status") String tuxbuildStatus,
    @JsonProperty("status_message") String statusMessage,
    @JsonProperty("warnings_count") Long warningsCount,
    @JsonProperty("errors_count") Long errorsCount,
    @JsonProperty("is_canceling") Boolean isCanceling,
    Long retry,
    @JsonProperty("retry_message") String retryMessage,
    @JsonProperty("auto_retry") Boolean autoRetry,
    @JsonProperty("git_repo") String gitRepo,
    @JsonProperty("git_ref") String gitRef,
    @JsonProperty("git_sha") String gitSha,
    @JsonProperty("git_describe") String gitDescribe,
    @JsonProperty("git_short_log") String gitShortLog,
    @JsonProperty("kernel_patch_file") String kernelPatchFile,
    @JsonProperty("kernel_version") String kernelVersion,
    @JsonProperty("build_name") String buildName,
    @JsonProperty("target_arch") String targetArch,
    String toolchain,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> kconfig,
    List<String> targets,
    @JsonProperty("make_variables") Map<String, String> makeVariables,
    Map<String, String> environment,
    @JsonProperty("image_sha") String imageSha,
    @JsonProperty("no_cache") Boolean noCache,
    @JsonProperty("download_url") String downloadUrl,
    @JsonProperty("kernel_image") String kernelImage,
    @JsonProperty("kernel_image_name") String kernelImageName,
    @JsonDeserialize(using = FileNameOrFalse.class) String modules,
    @JsonProperty("provisioning_time") LocalDateTime provisioningTime,
    @JsonProperty("running_time") LocalDateTime runningTime,
    @JsonProperty("finished_time") LocalDateTime finishedTime,
    Long duration,
    @JsonProperty("setup_duration") Long setupDuration,
    @JsonProperty("sccache_hits") Long sccacheHits,
    @JsonProperty("sccache_misses") Long sccacheMisses,
    @JsonProperty("waited_by") List<String> waitedBy,
    @JsonProperty("tuxmake_metadata") JsonNode tuxmakeMetadata) implements TuxRun {

  /** Copies the collections and the tree; null collections become empty, null enums UNKNOWN. */
  public TuxBuild {
    state = state == null ? TuxState.UNKNOWN : state;
    result = result == null ? TuxResult.UNKNOWN : result;
    kconfig = Copies.list(kconfig);
    targets = Copies.list(targets);
    makeVariables = Copies.map(makeVariables);
    environment = Copies.map(environment);
    waitedBy = Copies.list(waitedBy);
    tuxmakeMetadata = Copies.tree(tuxmakeMetadata);
  }

  /**
   * Returns {@link TuxKind#BUILD}.
   *
   * @return {@link TuxKind#BUILD}
   */
  @Override
  public TuxKind kind() {
    return TuxKind.BUILD;
  }

  /**
   * Returns tuxmake's metadata: {@code compiler}, {@code results} (per-target status and
   * durations), {@code runtime}, {@code tools}, {@code tuxmake}.
   *
   * @return a deep copy, or null when absent
   */
  @Override
  public JsonNode tuxmakeMetadata() {
    return Copies.tree(tuxmakeMetadata);
  }
}
