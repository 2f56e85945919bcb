package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;

/**
 * A TuxSuite plan: a named group of builds and tests. {@code POST .../plans} answers with the
 * uid only; {@code GET .../plans/{uid}} adds the first page of the plan's builds, tests and
 * oebuilds ({@link TuxSuiteClient#planBuilds(String)} and friends follow the rest); listings
 * carry the plan's own fields.
 *
 * <pre>{@code
 * TuxPlan plan = tux.createPlan(TuxPlanRequest.newBuilder().name("riscv nightly").build());
 * TuxBuild build = tux.submitBuild(request.toBuilder().plan(plan.uid()).build());
 * }</pre>
 *
 * @param uid {@code uid}
 * @param project {@code project} ({@code group/project}), or null
 * @param name {@code name}, or null
 * @param description {@code description}, or null
 * @param user {@code user}, or null
 * @param tokenName {@code token_name}, or null
 * @param userAgent {@code user_agent}, or null
 * @param isPublic {@code is_public}, or null
 * @param planCallback {@code plan_callback}, or null
 * @param state {@code state}; {@link TuxState#UNKNOWN} when absent or unknown
 * @param provisioningTime {@code provisioning_time} (UTC), or null
 * @param builds {@code builds}, the first page of the plan's kernel builds, or null outside
 *     {@code GET .../plans/{uid}}
 * @param tests {@code tests}, the first page of the plan's tests, or null
 * @param oebuilds {@code oebuilds}, the first page of the plan's oebuilds, or null
 */
public record TuxPlan(
    String uid,
    String project,
    String name,
    String description,
    String user,
    @JsonProperty("token_name") String tokenName,
    @JsonProperty("user_agent") String userAgent,
    @JsonProperty("is_public") Boolean isPublic,
    @JsonProperty("plan_callback") String planCallback,
    TuxState state,
    @JsonProperty("provisioning_time") LocalDateTime provisioningTime,
    TuxPage<TuxBuild> builds,
    TuxPage<TuxTest> tests,
    TuxPage<TuxOebuild> oebuilds) {

  /** A null state becomes {@link TuxState#UNKNOWN}. */
  public TuxPlan {
    state = state == null ? TuxState.UNKNOWN : state;
  }
}
