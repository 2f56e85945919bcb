package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A test run as TuxSuite returns it from {@code GET .../tests/{uid}}, from a test submission or a
 * listing. Missing fields are null and collections empty.
 *
 * <pre>{@code
 * TuxTest test = tux.getTest("2MBYa8FhoBHkRCX2BMMPusjuClf");
 * test.results().forEach((name, outcome) -> System.out.println(name + ": " + outcome));
 * String log = test.downloadUrl() + "logs.txt";
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
 * @param results {@code results}: test name to outcome ({@code pass}, {@code fail},
 *     {@code skip}, {@code unknown}, ...); empty when absent
 * @param isCanceling {@code is_canceling}, or null
 * @param retries {@code retries}, or null
 * @param retriesMessages {@code retries_messages}; empty when absent
 * @param device {@code device}, such as {@code qemu-riscv64}, or null
 * @param tests {@code tests}, the tests asked for ({@code boot} included); empty when absent
 * @param testName {@code test_name}, or null
 * @param kernel {@code kernel} URL, or null
 * @param modules {@code modules} URL, or null
 * @param rootfs {@code rootfs} URL, or null
 * @param dtb {@code dtb} URL, or null
 * @param bootArgs {@code boot_args}, or null
 * @param parameters {@code parameters}, such as {@code SHARD_INDEX}; empty when absent
 * @param timeouts {@code timeouts} in minutes by step or test; empty when absent
 * @param apRomfw {@code ap_romfw}, or null
 * @param bios {@code bios}, or null
 * @param bl1 {@code bl1}, or null
 * @param fip {@code fip}, or null
 * @param mcpFw {@code mcp_fw}, or null
 * @param mcpRomfw {@code mcp_romfw}, or null
 * @param scpFw {@code scp_fw}, or null
 * @param scpRomfw {@code scp_romfw}, or null
 * @param uefi {@code uefi}, or null
 * @param waitingFor {@code waiting_for}, such as {@code BUILD#<uid>}, or null
 * @param downloadUrl {@code download_url}, the results directory, or null
 * @param provisioningTime {@code provisioning_time} (UTC), or null
 * @param runningTime {@code running_time} (UTC), or null
 * @param finishedTime {@code finished_time} (UTC), or null
 * @param duration {@code duration} in seconds, or null
 */
public record TuxTest(
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
    Map<String, String> results,
    @JsonProperty("is_canceling") Boolean isCanceling,
    Long retries,
    @JsonProperty("retries_messages") List<String> retriesMessages,
    String device,
    List<String> tests,
    @JsonProperty("test_name") String testName,
    String kernel,
    String modules,
    String rootfs,
    String dtb,
    @JsonProperty("boot_args") String bootArgs,
    Map<String, String> parameters,
    Map<String, Long> timeouts,
    @JsonProperty("ap_romfw") String apRomfw,
    String bios,
    String bl1,
    String fip,
    @JsonProperty("mcp_fw") String mcpFw,
    @JsonProperty("mcp_romfw") String mcpRomfw,
    @JsonProperty("scp_fw") String scpFw,
    @JsonProperty("scp_romfw") String scpRomfw,
    String uefi,
    @JsonProperty("waiting_for") String waitingFor,
    @JsonProperty("download_url") String downloadUrl,
    @JsonProperty("provisioning_time") LocalDateTime provisioningTime,
    @JsonProperty("running_time") LocalDateTime runningTime,
    @JsonProperty("finished_time") LocalDateTime finishedTime,
    Long duration) implements TuxRun {

  /** Copies the collections; null collections become empty, null enums UNKNOWN. */
  public TuxTest {
    state = state == null ? TuxState.UNKNOWN : state;
    result = result == null ? TuxResult.UNKNOWN : result;
    results = Copies.map(results);
    retriesMessages = Copies.list(retriesMessages);
    tests = Copies.list(tests);
    parameters = Copies.map(parameters);
    timeouts = Copies.map(timeouts);
  }

  /**
   * Returns {@link TuxKind#TEST}.
   *
   * @return {@link TuxKind#TEST}
   */
  @Override
  public TuxKind kind() {
    return TuxKind.TEST;
  }
}
