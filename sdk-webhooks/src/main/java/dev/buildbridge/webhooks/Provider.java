package dev.buildbridge.webhooks;

import dev.buildbridge.core.job.JobSource;

/**
 * Who sent a delivery. Gitea and Forgejo are told apart by their event header, but map to the same
 * {@code jobrequest.v1} source, {@code forgejo}.
 *
 * <pre>{@code
 * Provider provider = decision.provider();      // GITHUB
 * JobSource source = provider.jobSource();      // JobSource.GITHUB
 * }</pre>
 */
public enum Provider {
  /** GitHub webhooks ({@code X-GitHub-Event}). */
  GITHUB("github", JobSource.GITHUB),
  /** Gitea webhooks ({@code X-Gitea-Event}). */
  GITEA("gitea", JobSource.FORGEJO),
  /** Forgejo webhooks ({@code X-Forgejo-Event}). */
  FORGEJO("forgejo", JobSource.FORGEJO),
  /** GitLab webhooks ({@code X-Gitlab-Event}). */
  GITLAB("gitlab", JobSource.GITLAB),
  /** TuxSuite callbacks ({@code x-tux-payload-signature}). */
  TUXSUITE("tuxsuite", JobSource.MANUAL);

  private final String wireName;
  private final JobSource jobSource;

  Provider(String wireName, JobSource jobSource) {
    this.wireName = wireName;
    this.jobSource = jobSource;
  }

  /**
   * Returns the lower-case name used in decisions and logs.
   *
   * @return such as {@code github}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the {@code source} that job requests from this provider carry.
   *
   * @return the job source
   */
  public JobSource jobSource() {
    return jobSource;
  }
}
