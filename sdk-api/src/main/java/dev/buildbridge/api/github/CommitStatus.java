package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A commit status as GitHub returns it.
 *
 * <pre>{@code
 * CommitStatus status = github.createStatus("octo", "repo", sha, request);
 * assert status.state() == CommitState.PENDING;
 * }</pre>
 *
 * @param id the status id
 * @param state the state ({@link CommitState#UNKNOWN} for a value this version does not know)
 * @param description the description, or null
 * @param targetUrl the integrator's page, or null
 * @param context the context label
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 */
public record CommitStatus(
    long id,
    CommitState state,
    String description,
    @JsonProperty("target_url") String targetUrl,
    String context,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {}
