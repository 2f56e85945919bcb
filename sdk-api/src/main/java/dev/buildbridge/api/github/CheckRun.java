package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A check run as GitHub returns it (the fields an integrator needs; others are ignored).
 *
 * <pre>{@code
 * CheckRun run = github.createCheckRun("octo", "repo", request);
 * store.put(job.requestId(), run.id());
 * log.log(INFO, "check run " + run.htmlUrl());
 * }</pre>
 *
 * @param id the check run id, used to update it
 * @param name the check name
 * @param headSha the commit SHA
 * @param externalId the integrator's reference, or null
 * @param status the status ({@link CheckStatus#UNKNOWN} for a value this version does not know)
 * @param conclusion the conclusion, or null while not completed
 * @param startedAt when it started, or null
 * @param completedAt when it completed, or null
 * @param htmlUrl the run's page on GitHub
 * @param detailsUrl the integrator's page, or null
 */
public record CheckRun(
    long id,
    String name,
    @JsonProperty("head_sha") String headSha,
    @JsonProperty("external_id") String externalId,
    CheckStatus status,
    CheckConclusion conclusion,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("completed_at") Instant completedAt,
    @JsonProperty("html_url") String htmlUrl,
    @JsonProperty("details_url") String detailsUrl) {}
