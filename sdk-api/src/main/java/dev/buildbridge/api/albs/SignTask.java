package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request to sign the packages of a build with a key, as ALBS lists and creates it.
 *
 * <pre>{@code
 * SignTask task = albs.signTasks().create(buildId, key.id());
 * // later
 * SignTaskStatus status = albs.signTasks().listForBuild(buildId).get(0).status();
 * }</pre>
 *
 * @param id the sign task id
 * @param buildId the build signed
 * @param signKey the key used
 * @param status the status ({@link SignTaskStatus#UNKNOWN} for a code this version does not know)
 * @param errorMessage why signing failed, or null
 * @param logHref the Pulp href of the sign log, or null
 */
public record SignTask(
    long id,
    @JsonProperty("build_id") long buildId,
    @JsonProperty("sign_key") SignKey signKey,
    SignTaskStatus status,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("log_href") String logHref) {}
