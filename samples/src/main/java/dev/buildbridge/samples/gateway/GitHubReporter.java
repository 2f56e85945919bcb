package dev.buildbridge.samples.gateway;

import dev.buildbridge.api.github.CheckConclusion;
import dev.buildbridge.api.github.CheckRun;
import dev.buildbridge.api.github.CheckRunOutput;
import dev.buildbridge.api.github.CheckRunRequest;
import dev.buildbridge.api.github.CheckRunUpdate;
import dev.buildbridge.api.github.CheckStatus;
import dev.buildbridge.api.github.CommitState;
import dev.buildbridge.api.github.CommitStatusRequest;
import dev.buildbridge.api.github.GitHubClient;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.job.JobResult;
import dev.buildbridge.core.job.JobSource;
import dev.buildbridge.samples.gateway.GatewayConfig.GitHubReport;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows jobs on GitHub as the configured App: a check run per job ({@code external_id} = the
 * request id) created queued when the job is taken and completed with its result, or a commit
 * status per job (pending, then success or failure). The App's installation on each repository is
 * looked up once and its client (with its cached installation token) reused. Calls block: run
 * them on the reporting pool.
 */
final class GitHubReporter {
  private final GitHubClient app;
  private final GitHubReport mode;
  private final String webHost;
  private final Map<String, GitHubClient> installations = new ConcurrentHashMap<>();

  GitHubReporter(GitHubClient app, GitHubReport mode, URI apiUrl) {
    this.app = app;
    this.mode = mode;
    this.webHost = webHost(apiUrl);
  }

  /** {@code api.github.com} serves {@code github.com}; an Enterprise API serves its own host. */
  static String webHost(URI apiUrl) {
    String host = apiUrl.getHost() == null ? "" : apiUrl.getHost().toLowerCase(Locale.ROOT);
    return host.equals("api.github.com") ? "github.com" : host;
  }

  /** Whether a job can be reported: it came from GitHub and names its repository. */
  boolean reports(JobRequest job) {
    return job != null && job.source() == JobSource.GITHUB && job.repoOwner() != null
        && job.repoName() != null;
  }

  /** Whether a result of a job this process does not know can be reported. */
  boolean reports(JobResult result) {
    if (result.repoOwner() == null || result.repoName() == null) {
      return false;
    }
    try {
      URI url = URI.create(result.repoUrl());
      return url.getHost() != null && url.getHost().equalsIgnoreCase(webHost);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Reports a job as queued.
   *
   * @return the check run id, or null with commit statuses
   */
  Long queued(JobRequest job) {
    GitHubClient github = installation(job.repoOwner(), job.repoName());
    if (mode == GitHubReport.CHECKS) {
      CheckRun run = github.createCheckRun(job.repoOwner(), job.repoName(),
          CheckRunRequest.newBuilder(checkName(job.workflowJobId()), job.commitSha())
              .externalId(job.requestId().toString())
              .status(CheckStatus.QUEUED)
              .output(CheckRunOutput.of("Queued", "Job " + job.requestId() + " is queued"
                  + (job.runsOn() == null ? "." : " for " + job.runsOn() + ".")))
              .build());
      return run.id();
    }
    github.createStatus(job.repoOwner(), job.repoName(), job.commitSha(),
        CommitStatusRequest.newBuilder(CommitState.PENDING)
            .context(context(job.workflowJobId()))
            .descriptionTruncated("queued" + (job.runsOn() == null ? "" : " for " + job.runsOn()))
            .build());
    return null;
  }

  /**
   * Reports a job's result.
   *
   * @param job the request, or null when it is not known here
   * @param checkRunId the run made when it was queued, or null
   * @return what was done, for {@code GET /jobs}
   */
  String completed(JobResult result, JobRequest job, Long checkRunId) {
    String owner = job != null ? job.repoOwner() : result.repoOwner();
    String repo = job != null ? job.repoName() : result.repoName();
    String jobId = job != null ? job.workflowJobId() : null;
    GitHubClient github = installation(owner, repo);
    String summary = summary(result);
    if (mode == GitHubReport.STATUS) {
      github.createStatus(owner, repo, result.commitSha(),
          CommitStatusRequest.newBuilder(result.success() ? CommitState.SUCCESS
                  : CommitState.FAILURE)
              .context(context(jobId))
              .descriptionTruncated(summary)
              .build());
      return "status " + (result.success() ? "success" : "failure");
    }
    CheckConclusion conclusion = result.success() ? CheckConclusion.SUCCESS
        : CheckConclusion.FAILURE;
    CheckRunOutput output = CheckRunOutput.of(result.success() ? "Passed"
        : "Failed (exit code " + result.exitCode() + ")", summary);
    Long id = checkRunId != null ? checkRunId : find(github, owner, repo, result);
    if (id != null) {
      github.updateCheckRun(owner, repo, id, CheckRunUpdate.completed(conclusion,
          result.completedAt(), output));
      return "check run " + id + " " + conclusion.wireName();
    }
    CheckRun run = github.createCheckRun(owner, repo,
        CheckRunRequest.newBuilder(checkName(jobId), result.commitSha())
            .externalId(result.requestId().toString())
            .status(CheckStatus.COMPLETED)
            .conclusion(conclusion)
            .completedAt(result.completedAt())
            .output(output)
            .build());
    return "check run " + run.id() + " " + conclusion.wireName();
  }

  /** The run made for this request earlier (by this or another instance), found by external id. */
  private static Long find(GitHubClient github, String owner, String repo, JobResult result) {
    String externalId = result.requestId().toString();
    for (CheckRun run : github.listCheckRunsForRef(owner, repo, result.commitSha())) {
      if (externalId.equals(run.externalId())) {
        return run.id();
      }
    }
    return null;
  }

  private GitHubClient installation(String owner, String repo) {
    String key = owner.toLowerCase(Locale.ROOT) + "/" + repo.toLowerCase(Locale.ROOT);
    GitHubClient client = installations.get(key);
    if (client == null) {
      client = app.withInstallation(app.repositoryInstallation(owner, repo).id());
      GitHubClient raced = installations.putIfAbsent(key, client);
      client = raced != null ? raced : client;
    }
    return client;
  }

  static String checkName(String workflowJobId) {
    return "buildbridge / " + (workflowJobId == null ? "job" : workflowJobId);
  }

  static String context(String workflowJobId) {
    return "buildbridge/" + (workflowJobId == null ? "job" : workflowJobId);
  }

  private static String summary(JobResult result) {
    String text = result.summary() != null && !result.summary().isBlank() ? result.summary()
        : (result.success() ? "succeeded" : "failed") + " with exit code " + result.exitCode();
    return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
  }
}
