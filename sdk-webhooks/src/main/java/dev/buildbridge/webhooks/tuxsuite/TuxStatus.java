package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The {@code status} object of a TuxSuite callback: the same object that
 * {@code GET .../{kind}s/{uid}} returns. What every kind shares is here; each kind's record has
 * the rest. Fields missing from the payload read as {@code null} (collections as empty), and fields
 * this SDK does not model, or whose value has an unexpected type, are kept in
 * {@link #unknownFields()}.
 *
 * <p>TuxSuite writes times as ISO-8601 without a zone, in UTC; they are
 * {@link LocalDateTime}s here (convert with {@code time.toInstant(ZoneOffset.UTC)}).
 *
 * <pre>{@code
 * TuxStatus status = ((TuxTestCallback) callback).status();
 * if (status.isFinished()) {
 *     System.out.println(status.uid() + " finished");
 * }
 * }</pre>
 */
public sealed interface TuxStatus permits TuxBuildStatus, TuxTestStatus, TuxOebuildStatus,
    TuxPlanStatus {

  /**
   * Returns the unique id, a 27-character string such as {@code 2MBYa8FhoBHkRCX2BMMPusjuClf}.
   *
   * @return {@code uid}, or {@code null} when absent
   */
  String uid();

  /**
   * Returns the project, as {@code group/project}.
   *
   * @return {@code project}, or {@code null} when absent
   */
  String project();

  /**
   * Returns the state, such as {@code provisioning}, {@code running} or {@code finished}.
   *
   * @return {@code state}, or {@code null} when absent
   */
  String state();

  /**
   * Returns the user who submitted the run.
   *
   * @return {@code user}, or {@code null} when absent
   */
  String user();

  /**
   * Returns the name of the token the run was submitted with.
   *
   * @return {@code token_name}, or {@code null} when absent
   */
  String tokenName();

  /**
   * Returns the client that submitted the run, such as {@code tuxsuite/1.33.0}.
   *
   * @return {@code user_agent}, or {@code null} when absent
   */
  String userAgent();

  /**
   * Tells whether the run's results are public.
   *
   * @return {@code is_public}, or {@code null} when absent
   */
  Boolean isPublic();

  /**
   * Returns when provisioning started (UTC).
   *
   * @return {@code provisioning_time}, or {@code null} when absent or unreadable
   */
  LocalDateTime provisioningTime();

  /**
   * Returns the fields this SDK does not model, and modelled fields whose value has an unexpected
   * type, in payload order.
   *
   * @return an unmodifiable map of deep copies; changing a node does not change this status
   */
  Map<String, JsonNode> unknownFields();

  /**
   * Tells whether the run reached its terminal state, {@code finished}; other and unknown states
   * are not terminal.
   *
   * @return true when {@link #state()} is {@code finished}
   */
  default boolean isFinished() {
    return "finished".equals(state());
  }
}
