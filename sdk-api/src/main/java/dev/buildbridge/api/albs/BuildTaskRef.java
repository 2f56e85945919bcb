package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a build task builds: a git repository at a ref, or a source RPM URL. Used in build requests
 * and read back in {@link BuildTask#ref()}. Null components are not sent, leaving ALBS's defaults.
 *
 * <pre>{@code
 * BuildTaskRef tag = BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git",
 *     "imports/c9/bash-5.1.8-9.el9", RefType.GIT_TAG);
 * BuildTaskRef pinned = tag.toBuilder().gitCommitHash("4f0a3c1d9e").enabled(true).build();
 * }</pre>
 *
 * @param url the git repository or source RPM URL, not blank
 * @param gitRef the branch, tag or commit; null for a source RPM
 * @param refType what {@code gitRef} is; null lets ALBS decide. Never {@link RefType#UNKNOWN} in
 *     a request
 * @param gitCommitHash the commit the ref pointed to, or null
 * @param mockOptions extra mock options for this task, or null; nested values are unmodifiable
 * @param module whether the ref is a module, or null (ALBS's default: false)
 * @param enabled whether the task is built, or null (ALBS's default: true)
 * @param testConfiguration the test configuration ({@code tests}, {@code test_env}), or null
 * @param addedArtifacts artifacts added to the task, or null
 * @param modulePlatformVersion the module platform version, or null
 * @param moduleVersion the module version, or null
 */
public record BuildTaskRef(
    String url,
    @JsonProperty("git_ref") String gitRef,
    @JsonProperty("ref_type") RefType refType,
    @JsonProperty("git_commit_hash") String gitCommitHash,
    @JsonProperty("mock_options") Map<String, Object> mockOptions,
    @JsonProperty("is_module") Boolean module,
    Boolean enabled,
    @JsonProperty("test_configuration") Map<String, Object> testConfiguration,
    @JsonProperty("added_artifacts") List<Object> addedArtifacts,
    @JsonProperty("module_platform_version") String modulePlatformVersion,
    @JsonProperty("module_version") String moduleVersion) implements BuildSource {

  /**
   * Copies the collections (deeply; they keep null values as JSON {@code null}).
   *
   * @throws NullPointerException if the URL is null
   * @throws IllegalArgumentException if the URL is blank
   */
  public BuildTaskRef {
    Checks.nonBlank(url, "url");
    mockOptions = Copies.treeOrNull(mockOptions);
    testConfiguration = Copies.treeOrNull(testConfiguration);
    addedArtifacts = Copies.arrayOrNull(addedArtifacts);
  }

  /**
   * Returns the usual reference: a repository at a ref.
   *
   * @param url the git repository URL, not blank
   * @param gitRef the branch, tag or commit, not blank
   * @param refType what the ref is, not {@link RefType#UNKNOWN}
   * @return the reference
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is blank or the type is {@code UNKNOWN}
   */
  public static BuildTaskRef of(String url, String gitRef, RefType refType) {
    return newBuilder(url).gitRef(gitRef).refType(refType).build();
  }

  /**
   * Starts a reference.
   *
   * @param url the git repository or source RPM URL, not blank
   * @return a builder
   * @throws NullPointerException if the URL is null
   * @throws IllegalArgumentException if the URL is blank
   */
  public static Builder newBuilder(String url) {
    return new Builder(url);
  }

  /**
   * Returns a builder holding this reference's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(url);
    b.gitRef = gitRef;
    b.refType = refType;
    b.gitCommitHash = gitCommitHash;
    b.mockOptions = mockOptions;
    b.module = module;
    b.enabled = enabled;
    b.testConfiguration = testConfiguration;
    b.addedArtifacts = addedArtifacts;
    b.modulePlatformVersion = modulePlatformVersion;
    b.moduleVersion = moduleVersion;
    return b;
  }

  /** Configures a {@link BuildTaskRef}. Every setter's default is null: not sent. */
  public static final class Builder {
    private final String url;
    private String gitRef;
    private RefType refType;
    private String gitCommitHash;
    private Map<String, Object> mockOptions;
    private Boolean module;
    private Boolean enabled;
    private Map<String, Object> testConfiguration;
    private List<Object> addedArtifacts;
    private String modulePlatformVersion;
    private String moduleVersion;

    private Builder(String url) {
      this.url = Checks.nonBlank(url, "url");
    }

    /**
     * Sets the branch, tag or commit.
     *
     * @param gitRef not blank, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder gitRef(String gitRef) {
      this.gitRef = Checks.nullOrNonBlank(gitRef, "gitRef");
      return this;
    }

    /**
     * Sets what the ref is.
     *
     * @param refType the type, or null; not {@link RefType#UNKNOWN}
     * @return this builder
     * @throws IllegalArgumentException if {@code UNKNOWN}
     */
    public Builder refType(RefType refType) {
      if (refType == RefType.UNKNOWN) {
        throw new IllegalArgumentException("refType UNKNOWN cannot be sent");
      }
      this.refType = refType;
      return this;
    }

    /**
     * Sets the commit the ref points to.
     *
     * @param gitCommitHash not blank, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder gitCommitHash(String gitCommitHash) {
      this.gitCommitHash = Checks.nullOrNonBlank(gitCommitHash, "gitCommitHash");
      return this;
    }

    /**
     * Sets extra mock options for this task, such as {@code {"with": ["tests"]}}.
     *
     * @param mockOptions the options (copied), or null
     * @return this builder
     */
    public Builder mockOptions(Map<String, ?> mockOptions) {
      this.mockOptions = Copies.treeOrNull(mockOptions);
      return this;
    }

    /**
     * Marks the ref as a module.
     *
     * @param module whether it is one, or null
     * @return this builder
     */
    public Builder module(Boolean module) {
      this.module = module;
      return this;
    }

    /**
     * Sets whether the task is built.
     *
     * @param enabled whether it is, or null
     * @return this builder
     */
    public Builder enabled(Boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets the test configuration ({@code tests}, {@code test_env}).
     *
     * @param testConfiguration the configuration (copied), or null
     * @return this builder
     */
    public Builder testConfiguration(Map<String, ?> testConfiguration) {
      this.testConfiguration = Copies.treeOrNull(testConfiguration);
      return this;
    }

    /**
     * Sets artifacts added to the task.
     *
     * @param addedArtifacts the artifacts (copied), or null
     * @return this builder
     */
    public Builder addedArtifacts(List<?> addedArtifacts) {
      this.addedArtifacts = Copies.arrayOrNull(addedArtifacts);
      return this;
    }

    /**
     * Sets the module platform version.
     *
     * @param modulePlatformVersion not blank, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder modulePlatformVersion(String modulePlatformVersion) {
      this.modulePlatformVersion =
          Checks.nullOrNonBlank(modulePlatformVersion, "modulePlatformVersion");
      return this;
    }

    /**
     * Sets the module version.
     *
     * @param moduleVersion not blank, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder moduleVersion(String moduleVersion) {
      this.moduleVersion = Checks.nullOrNonBlank(moduleVersion, "moduleVersion");
      return this;
    }

    /**
     * Builds the reference.
     *
     * @return the reference
     */
    public BuildTaskRef build() {
      return new BuildTaskRef(url, gitRef, refType, gitCommitHash, mockOptions, module, enabled,
          testConfiguration, addedArtifacts, modulePlatformVersion, moduleVersion);
    }
  }
}
