package dev.buildbridge.api.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /repos/{owner}/{repo}/commits/{ref}/check-runs}. */
record CheckRunList(
    @JsonProperty("total_count") long totalCount,
    @JsonProperty("check_runs") List<CheckRun> checkRuns) {}
