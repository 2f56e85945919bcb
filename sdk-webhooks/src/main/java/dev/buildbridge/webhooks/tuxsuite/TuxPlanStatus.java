package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The {@code status} of a plan callback ({@code kind} {@code plan}), sent to the plan's
 * {@code plan_callback} when the whole plan is done. Every field of TuxSuite's documented sample is
 * a component; anything else is in {@link #unknownFields()}. Missing fields are {@code null}.
 *
 * <pre>{@code
 * if (TuxSuiteCallbacks.parse(body) instanceof TuxPlanCallback plan && plan.status().isFinished()) {
 *     collectResults(plan.status().uid());
 * }
 * }</pre>
 *
 * @param uid {@code uid}, or {@code null}
 * @param project {@code project} ({@code group/project}), or {@code null}
 * @param name {@code name}, or {@code null}
 * @param description {@code description}, or {@code null}
 * @param user {@code user}, or {@code null}
 * @param tokenName {@code token_name}, or {@code null}
 * @param userAgent {@code user_agent}, or {@code null}
 * @param isPublic {@code is_public}, or {@code null}
 * @param planCallback {@code plan_callback}, the URL this callback was sent to, or {@code null}
 * @param state {@code state}, or {@code null}
 * @param provisioningTime {@code provisioning_time} (UTC), or {@code null}
 * @param unknownFields fields not modelled, or whose value has an unexpected type (copied in, and
 *     copied again by {@link #unknownFields()})
 */
public record TuxPlanStatus(
    String uid,
    String project,
    String name,
    String description,
    String user,
    String tokenName,
    String userAgent,
    Boolean isPublic,
    String planCallback,
    String state,
    LocalDateTime provisioningTime,
    Map<String, JsonNode> unknownFields) implements TuxStatus {

  /** Copies the unknown fields; null becomes empty. */
  public TuxPlanStatus {
    unknownFields = Copies.trees(unknownFields);
  }

  static TuxPlanStatus read(StatusFields f) {
    return new TuxPlanStatus(
        f.text("uid"),
        f.text("project"),
        f.text("name"),
        f.text("description"),
        f.text("user"),
        f.text("token_name"),
        f.text("user_agent"),
        f.bool("is_public"),
        f.text("plan_callback"),
        f.text("state"),
        f.time("provisioning_time"),
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
