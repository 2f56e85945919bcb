package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code status} of a test callback ({@code kind} {@code test}). Every field of TuxSuite's
 * documented sample is a component; anything else is in {@link #unknownFields()}. Missing fields
 * are {@code null}, collections empty. Times are UTC.
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxTestCallback test) {
 *     for (String name : test.status().tests()) {
 *         String outcome = test.status().results().getOrDefault(name, "unknown");
 *     }
 * }
 * }</pre>
 *
 * @param uid {@code uid}, or {@code null}
 * @param project {@code project} ({@code group/project}), or {@code null}
 * @param plan {@code plan}, the uid of the plan the test belongs to, or {@code null}
 * @param user {@code user}, or {@code null}
 * @param tokenName {@code token_name}, or {@code null}
 * @param userAgent {@code user_agent}, or {@code null}
 * @param isPublic {@code is_public}, or {@code null}
 * @param callback {@code callback}, the URL this callback was sent to, or {@code null}
 * @param state {@code state} ({@code waiting}, {@code provisioning}, {@code running},
 *     {@code finished}), or {@code null}
 * @param result {@code result} ({@code pass}, {@code fail}, {@code error}, {@code canceled},
 *     {@code unknown}), or {@code null}
 * @param results {@code results}: test name to outcome ({@code pass}, {@code fail},
 *     {@code unknown}, ...); empty when absent
 * @param isCanceling {@code is_canceling}, or {@code null}
 * @param retries {@code retries}, or {@code null}
 * @param retriesMessages {@code retries_messages}; empty when absent
 * @param device {@code device}, such as {@code qemu-arm64}, or {@code null}
 * @param tests {@code tests}, the test suites run (including {@code boot}); empty when absent
 * @param kernel {@code kernel}, the kernel image URL, or {@code null}
 * @param modules {@code modules}, the modules archive URL, or {@code null}
 * @param rootfs {@code rootfs}, the root file system URL, or {@code null}
 * @param dtb {@code dtb}, the device tree URL, or {@code null}
 * @param bootArgs {@code boot_args}, extra kernel command line, or {@code null}
 * @param parameters {@code parameters}, test parameters such as {@code SHARD_INDEX}; empty when
 *     absent
 * @param timeouts {@code timeouts}, per-action timeouts in minutes; empty when absent
 * @param apRomfw {@code ap_romfw} firmware URL, or {@code null}
 * @param bios {@code bios} firmware URL, or {@code null}
 * @param bl1 {@code bl1} firmware URL, or {@code null}
 * @param fip {@code fip} firmware URL, or {@code null}
 * @param mcpFw {@code mcp_fw} firmware URL, or {@code null}
 * @param mcpRomfw {@code mcp_romfw} firmware URL, or {@code null}
 * @param scpFw {@code scp_fw} firmware URL, or {@code null}
 * @param scpRomfw {@code scp_romfw} firmware URL, or {@code null}
 * @param uefi {@code uefi} firmware URL, or {@code null}
 * @param waitingFor {@code waiting_for}, the run this test waits for ({@code BUILD#<uid>} or
 *     {@code TEST#<uid>}), or {@code null}
 * @param downloadUrl {@code download_url}, the results directory (ends with {@code /}), or
 *     {@code null}
 * @param provisioningTime {@code provisioning_time}, or {@code null}
 * @param runningTime {@code running_time}, or {@code null}
 * @param finishedTime {@code finished_time}, or {@code null}
 * @param duration {@code duration} in seconds, or {@code null}
 * @param unknownFields fields not modelled, or whose value has an unexpected type (copied in, and
 *     copied again by {@link #unknownFields()})
 */
public record TuxTestStatus(
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
    Map<String, String> results,
    Boolean isCanceling,
    Long retries,
    List<String> retriesMessages,
    String device,
    List<String> tests,
    String kernel,
    String modules,
    String rootfs,
    String dtb,
    String bootArgs,
    Map<String, String> parameters,
    Map<String, Long> timeouts,
    String apRomfw,
    String bios,
    String bl1,
    String fip,
    String mcpFw,
    String mcpRomfw,
    String scpFw,
    String scpRomfw,
    String uefi,
    String waitingFor,
    String downloadUrl,
    LocalDateTime provisioningTime,
    LocalDateTime runningTime,
    LocalDateTime finishedTime,
    Long duration,
    Map<String, JsonNode> unknownFields) implements TuxStatus {

  /** Copies the collections; null collections become empty. */
  public TuxTestStatus {
    results = Copies.map(results);
    retriesMessages = Copies.list(retriesMessages);
    tests = Copies.list(tests);
    parameters = Copies.map(parameters);
    timeouts = Copies.map(timeouts);
    unknownFields = Copies.trees(unknownFields);
  }

  static TuxTestStatus read(StatusFields f) {
    return new TuxTestStatus(
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
        f.stringMap("results"),
        f.bool("is_canceling"),
        f.count("retries"),
        f.strings("retries_messages"),
        f.text("device"),
        f.strings("tests"),
        f.text("kernel"),
        f.text("modules"),
        f.text("rootfs"),
        f.text("dtb"),
        f.text("boot_args"),
        f.stringMap("parameters"),
        f.countMap("timeouts"),
        f.text("ap_romfw"),
        f.text("bios"),
        f.text("bl1"),
        f.text("fip"),
        f.text("mcp_fw"),
        f.text("mcp_romfw"),
        f.text("scp_fw"),
        f.text("scp_romfw"),
        f.text("uefi"),
        f.text("waiting_for"),
        f.text("download_url"),
        f.time("provisioning_time"),
        f.time("running_time"),
        f.time("finished_time"),
        f.count("duration"),
        f.unread());
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
