package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code status} of an OpenEmbedded/Yocto build callback ({@code kind} {@code oebuild}). Every
 * field of TuxSuite's documented sample is a component; anything else is in
 * {@link #unknownFields()}. Missing fields are {@code null}, collections empty. Times are UTC.
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxOebuildCallback oe) {
 *     System.out.println(oe.status().machine() + " " + oe.status().result());
 * }
 * }</pre>
 *
 * @param uid {@code uid}, or {@code null}
 * @param project {@code project} ({@code group/project}), or {@code null}
 * @param plan {@code plan}, the uid of the plan the build belongs to, or {@code null}
 * @param user {@code user}, or {@code null}
 * @param tokenName {@code token_name}, or {@code null}
 * @param userAgent {@code user_agent}, or {@code null}
 * @param isPublic {@code is_public}, or {@code null}
 * @param callback {@code callback}, the URL this callback was sent to, or {@code null}
 * @param state {@code state} ({@code provisioning}, {@code running}, {@code finished}), or
 *     {@code null}
 * @param result {@code result} ({@code pass}, {@code fail}, {@code error}, {@code canceled},
 *     {@code unknown}), or {@code null}
 * @param statusMessage {@code status_message}, or {@code null}
 * @param warningsCount {@code warnings_count}, or {@code null}
 * @param errorsCount {@code errors_count}, or {@code null}
 * @param isCanceling {@code is_canceling}, or {@code null}
 * @param name {@code name}, or {@code null}
 * @param sources {@code sources}, where the layers come from (such as {@code repo} with
 *     {@code url}, {@code branch}, {@code manifest}; copied in, and copied again by
 *     {@link #sources()}), or {@code null}
 * @param machine {@code machine}, such as {@code qemux86-64}, or {@code null}
 * @param distro {@code distro}, or {@code null}
 * @param container {@code container}, the build container image, or {@code null}
 * @param envsetup {@code envsetup}, the environment setup script, or {@code null}
 * @param targets {@code targets}, the bitbake targets; empty when absent
 * @param localConf {@code local_conf} lines; empty when absent
 * @param bblayersConf {@code bblayers_conf} lines; empty when absent
 * @param extraconfigs {@code extraconfigs}; empty when absent
 * @param environment {@code environment}; empty when absent
 * @param kasOverride {@code kas_override}, or {@code null}
 * @param manifestFile {@code manifest_file}, or {@code null}
 * @param pinnedManifest {@code pinned_manifest}, or {@code null}
 * @param noCache {@code no_cache}, or {@code null}
 * @param downloadUrl {@code download_url}, the artifacts directory (ends with {@code /}), or
 *     {@code null}
 * @param artifacts {@code artifacts}; empty when absent
 * @param provisioningTime {@code provisioning_time}, or {@code null}
 * @param runningTime {@code running_time}, or {@code null}
 * @param finishedTime {@code finished_time}, or {@code null}
 * @param duration {@code duration} in seconds, or {@code null}
 * @param setupDuration {@code setup_duration} in seconds, or {@code null}
 * @param waitedBy {@code waited_by}, the runs waiting for this build; empty when absent
 * @param unknownFields fields not modelled, or whose value has an unexpected type (copied in, and
 *     copied again by {@link #unknownFields()})
 */
public record TuxOebuildStatus(
    String uid,
    String project,
    String plan,
    String user,
    String tokenName,
    String userAgent,
    Boolean isPublic,
    String callback,
    String state,
    String result,
    String statusMessage,
    Long warningsCount,
    Long errorsCount,
    Boolean isCanceling,
    String name,
    JsonNode sources,
    String machine,
    String distro,
    String container,
    String envsetup,
    List<String> targets,
    List<String> localConf,
    List<String> bblayersConf,
    List<String> extraconfigs,
    Map<String, String> environment,
    String kasOverride,
    String manifestFile,
    String pinnedManifest,
    Boolean noCache,
    String downloadUrl,
    List<String> artifacts,
    LocalDateTime provisioningTime,
    LocalDateTime runningTime,
    LocalDateTime finishedTime,
    Long duration,
    Long setupDuration,
    List<String> waitedBy,
    Map<String, JsonNode> unknownFields) implements TuxStatus {

  /** Copies the collections and trees; null collections become empty. */
  public TuxOebuildStatus {
    sources = Copies.tree(sources);
    targets = Copies.list(targets);
    localConf = Copies.list(localConf);
    bblayersConf = Copies.list(bblayersConf);
    extraconfigs = Copies.list(extraconfigs);
    environment = Copies.map(environment);
    artifacts = Copies.list(artifacts);
    waitedBy = Copies.list(waitedBy);
    unknownFields = Copies.trees(unknownFields);
  }

  static TuxOebuildStatus read(StatusFields f) {
    return new TuxOebuildStatus(
        f.text("uid"),
        f.text("project"),
        f.text("plan"),
        f.text("user"),
        f.text("token_name"),
        f.text("user_agent"),
        f.bool("is_public"),
        f.text("callback"),
        f.text("state"),
        f.text("result"),
        f.text("status_message"),
        f.count("warnings_count"),
        f.count("errors_count"),
        f.bool("is_canceling"),
        f.text("name"),
        f.tree("sources"),
        f.text("machine"),
        f.text("distro"),
        f.text("container"),
        f.text("envsetup"),
        f.strings("targets"),
        f.strings("local_conf"),
        f.strings("bblayers_conf"),
        f.strings("extraconfigs"),
        f.stringMap("environment"),
        f.text("kas_override"),
        f.text("manifest_file"),
        f.text("pinned_manifest"),
        f.bool("no_cache"),
        f.text("download_url"),
        f.strings("artifacts"),
        f.time("provisioning_time"),
        f.time("running_time"),
        f.time("finished_time"),
        f.count("duration"),
        f.count("setup_duration"),
        f.strings("waited_by"),
        f.unread());
  }

  /**
   * Returns where the layers come from, such as {@code {"repo": {"url": ..., "branch": ...}}}.
   *
   * @return a deep copy, or {@code null} when absent
   */
  @Override
  public JsonNode sources() {
    return Copies.tree(sources);
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
