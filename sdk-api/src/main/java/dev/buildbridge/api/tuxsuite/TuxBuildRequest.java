package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One kernel build to submit: an entry of {@code builds} in {@code POST .../builds}, with the
 * fields and checks of the {@code tuxsuite} Python client. Build it with {@link #newBuilder()}.
 *
 * <pre>{@code
 * TuxBuildRequest request = TuxBuildRequest.newBuilder()
 *     .gitRepo("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
 *     .gitRef("master")
 *     .targetArch("riscv")
 *     .toolchain("gcc-13")
 *     .kconfig("defconfig", "CONFIG_KASAN=y")
 *     .callback("https://ci.example.org/tuxsuite/callback")
 *     .build();
 * }</pre>
 *
 * <p>Always sent: {@code client_token}, {@code git_repo}, one of {@code git_ref} and
 * {@code git_sha}, {@code target_arch}, {@code toolchain}, {@code kconfig},
 * {@code environment}, {@code targets}, {@code make_variables} and {@code is_public}; the others
 * only when set. A patch series set with {@link Builder#patchSeries(String, byte[])} travels in
 * the submission's {@code patches} map, keyed by {@code kernel_patch_file}.
 *
 * @param clientToken {@code client_token}, an id TuxSuite echoes back (default: a random UUID)
 * @param gitRepo {@code git_repo}: a {@code git://}, {@code http://} or {@code https://} URL
 * @param gitRef {@code git_ref}, a branch or tag; exactly one of this and {@code gitSha}
 * @param gitSha {@code git_sha}, a commit; exactly one of this and {@code gitRef}
 * @param targetArch {@code target_arch}, such as {@code riscv} or {@code arm64}
 * @param toolchain {@code toolchain}, such as {@code gcc-13} or {@code clang-17}
 * @param kconfig {@code kconfig}: defconfig names, config fragment URLs or {@code CONFIG_X=y}
 *     lines, at least one
 * @param environment {@code environment}, variables for the build; may be empty
 * @param targets {@code targets}, such as {@code kernel} and {@code modules}; empty for
 *     TuxSuite's default
 * @param makeVariables {@code make_variables}, such as {@code LLVM=1}; may be empty
 * @param isPublic {@code is_public}, whether artifacts are public (default true)
 * @param kernelImage {@code kernel_image}, the image target to build, or null
 * @param buildName {@code build_name}, or null
 * @param plan {@code plan}, the uid of the plan the build belongs to, or null
 * @param imageSha {@code image_sha}, the container image digest to build with, or null
 * @param noCache {@code no_cache}: build without the compiler cache (sent only when true)
 * @param kernelPatchFile {@code kernel_patch_file}, the name of the patch series, or null
 * @param callback {@code callback}, the URL TuxSuite posts the finished build to, or null
 * @param callbackHeaders {@code callback_headers}, extra headers on the callback, or null
 * @param notifyEmails {@code notify_emails} (sent only when not empty)
 * @param kernelPatch the base64 of the patch series named by {@code kernelPatchFile} (empty for
 *     a patch series given by URL), or null; not a field of the build itself
 */
public record TuxBuildRequest(
    @JsonProperty("client_token") String clientToken,
    @JsonProperty("git_repo") String gitRepo,
    @JsonProperty("git_ref") String gitRef,
    @JsonProperty("git_sha") String gitSha,
    @JsonProperty("target_arch") String targetArch,
    String toolchain,
    List<String> kconfig,
    Map<String, String> environment,
    List<String> targets,
    @JsonProperty("make_variables") Map<String, String> makeVariables,
    @JsonProperty("is_public") boolean isPublic,
    @JsonProperty("kernel_image") String kernelImage,
    @JsonProperty("build_name") String buildName,
    String plan,
    @JsonProperty("image_sha") String imageSha,
    @JsonProperty("no_cache") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noCache,
    @JsonProperty("kernel_patch_file") String kernelPatchFile,
    String callback,
    @JsonProperty("callback_headers") Map<String, String> callbackHeaders,
    @JsonProperty("notify_emails") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<String> notifyEmails,
    @JsonIgnore String kernelPatch) {

  /**
   * Checks the build as the TuxSuite client does and copies the collections.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if a field is blank or malformed, neither or both of
   *     {@code gitRef} and {@code gitSha} are set, {@code kconfig} is empty, or a patch is given
   *     without its name
   */
  public TuxBuildRequest {
    Checks.nonBlank(clientToken, "clientToken");
    Checks.nonBlank(gitRepo, "gitRepo");
    if (!(gitRepo.startsWith("git://") || gitRepo.startsWith("http://")
        || gitRepo.startsWith("https://"))) {
      throw new IllegalArgumentException("gitRepo must start with git://, http:// or https://"
          + " (TuxSuite does not fetch over ssh)");
    }
    Checks.nullOrNonBlank(gitRef, "gitRef");
    Checks.nullOrNonBlank(gitSha, "gitSha");
    if ((gitRef == null) == (gitSha == null)) {
      throw new IllegalArgumentException("set exactly one of gitRef and gitSha");
    }
    Checks.nonBlank(targetArch, "targetArch");
    Checks.nonBlank(toolchain, "toolchain");
    kconfig = Checks.nonEmptyStrings(kconfig, "kconfig");
    environment = Checks.map(environment, "environment");
    targets = Checks.strings(targets, "targets");
    makeVariables = Checks.map(makeVariables, "makeVariables");
    Checks.nullOrNonBlank(kernelImage, "kernelImage");
    Checks.nullOrNonBlank(buildName, "buildName");
    if (plan != null) {
      Checks.uid(plan, "plan");
    }
    Checks.nullOrNonBlank(imageSha, "imageSha");
    Checks.nullOrNonBlank(kernelPatchFile, "kernelPatchFile");
    if (kernelPatch != null && kernelPatchFile == null) {
      throw new IllegalArgumentException("kernelPatch needs kernelPatchFile, its name");
    }
    Checks.nullOrHttpUrl(callback, "callback");
    callbackHeaders = Checks.headers(callbackHeaders, "callbackHeaders");
    notifyEmails = Checks.strings(notifyEmails, "notifyEmails");
  }

  /**
   * Starts a build request.
   *
   * @return a builder with a random client token, public artifacts, and nothing else set
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values, client token included.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clientToken = clientToken;
    b.gitRepo = gitRepo;
    b.gitRef = gitRef;
    b.gitSha = gitSha;
    b.targetArch = targetArch;
    b.toolchain = toolchain;
    b.kconfig.addAll(kconfig);
    b.environment.putAll(environment);
    b.targets.addAll(targets);
    b.makeVariables.putAll(makeVariables);
    b.isPublic = isPublic;
    b.kernelImage = kernelImage;
    b.buildName = buildName;
    b.plan = plan;
    b.imageSha = imageSha;
    b.noCache = noCache;
    b.kernelPatchFile = kernelPatchFile;
    b.kernelPatch = kernelPatch;
    b.callback = callback;
    b.callbackHeaders = callbackHeaders == null ? null : new LinkedHashMap<>(callbackHeaders);
    b.notifyEmails.addAll(notifyEmails);
    return b;
  }

  /**
   * Shows what identifies the build; never the callback URL, its headers or the patch.
   *
   * @return for example {@code TuxBuildRequest[riscv gcc-13 defconfig+1 @ master]}
   */
  @Override
  public String toString() {
    return "TuxBuildRequest[" + targetArch + " " + toolchain + " " + kconfig.get(0)
        + (kconfig.size() > 1 ? "+" + (kconfig.size() - 1) : "") + " @ "
        + (gitRef != null ? gitRef : gitSha) + "]";
  }

  /**
   * Configures a {@link TuxBuildRequest}. Setters check their argument; {@link #build()} checks
   * the whole. Not thread-safe.
   */
  public static final class Builder {
    private String clientToken = UUID.randomUUID().toString();
    private String gitRepo;
    private String gitRef;
    private String gitSha;
    private String targetArch;
    private String toolchain;
    private final List<String> kconfig = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> targets = new ArrayList<>();
    private final Map<String, String> makeVariables = new LinkedHashMap<>();
    private boolean isPublic = true;
    private String kernelImage;
    private String buildName;
    private String plan;
    private String imageSha;
    private boolean noCache;
    private String kernelPatchFile;
    private String kernelPatch;
    private String callback;
    private Map<String, String> callbackHeaders;
    private final List<String> notifyEmails = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the client token TuxSuite echoes back. Default: a random UUID.
     *
     * @param clientToken not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder clientToken(String clientToken) {
      this.clientToken = Checks.nonBlank(clientToken, "clientToken");
      return this;
    }

    /**
     * Sets the repository to build. Required.
     *
     * @param gitRepo a {@code git://}, {@code http://} or {@code https://} URL
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder gitRepo(String gitRepo) {
      this.gitRepo = Checks.nonBlank(gitRepo, "gitRepo");
      return this;
    }

    /**
     * Sets the branch or tag to build; clears a commit set before. Set this or
     * {@link #gitSha(String)}.
     *
     * @param gitRef such as {@code master} or {@code v6.9}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder gitRef(String gitRef) {
      this.gitRef = Checks.nonBlank(gitRef, "gitRef");
      this.gitSha = null;
      return this;
    }

    /**
     * Sets the commit to build; clears a branch or tag set before. Set this or
     * {@link #gitRef(String)}.
     *
     * @param gitSha the commit id
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder gitSha(String gitSha) {
      this.gitSha = Checks.nonBlank(gitSha, "gitSha");
      this.gitRef = null;
      return this;
    }

    /**
     * Sets the target architecture. Required.
     *
     * @param targetArch such as {@code riscv}, {@code arm64} or {@code x86_64}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder targetArch(String targetArch) {
      this.targetArch = Checks.nonBlank(targetArch, "targetArch");
      return this;
    }

    /**
     * Sets the toolchain. Required.
     *
     * @param toolchain such as {@code gcc-13} or {@code clang-17}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder toolchain(String toolchain) {
      this.toolchain = Checks.nonBlank(toolchain, "toolchain");
      return this;
    }

    /**
     * Sets the kernel configuration, replacing what was set. Required.
     *
     * @param first a defconfig name, fragment URL or {@code CONFIG_X=y} line
     * @param more further entries, applied in order
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an entry is blank
     */
    public Builder kconfig(String first, String... more) {
      List<String> all = new ArrayList<>(1 + more.length);
      all.add(first);
      all.addAll(List.of(more));
      return kconfig(all);
    }

    /**
     * Sets the kernel configuration from a list, replacing what was set. Required.
     *
     * @param kconfig the entries, at least one, in order
     * @return this builder
     * @throws NullPointerException if the list or an entry is null
     * @throws IllegalArgumentException if empty or an entry is blank
     */
    public Builder kconfig(List<String> kconfig) {
      List<String> checked = Checks.nonEmptyStrings(kconfig, "kconfig");
      this.kconfig.clear();
      this.kconfig.addAll(checked);
      return this;
    }

    /**
     * Adds an environment variable for the build. Default: none.
     *
     * @param name the variable name, not blank
     * @param value the value
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder environment(String name, String value) {
      environment.put(Checks.nonBlank(name, "environment name"),
          Objects.requireNonNull(value, "environment value"));
      return this;
    }

    /**
     * Sets the build targets, replacing what was set. Default: none, TuxSuite's default set.
     *
     * @param targets such as {@code config}, {@code kernel}, {@code modules}, {@code dtbs}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a target is blank
     */
    public Builder targets(String... targets) {
      List<String> checked = Checks.strings(List.of(targets), "targets");
      this.targets.clear();
      this.targets.addAll(checked);
      return this;
    }

    /**
     * Adds a {@code make} variable. Default: none.
     *
     * @param name such as {@code LLVM}
     * @param value such as {@code 1}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder makeVariable(String name, String value) {
      makeVariables.put(Checks.nonBlank(name, "makeVariable name"),
          Objects.requireNonNull(value, "makeVariable value"));
      return this;
    }

    /**
     * Sets whether the artifacts are public. Default: true.
     *
     * @param isPublic false for artifacts visible to the group only
     * @return this builder
     */
    public Builder isPublic(boolean isPublic) {
      this.isPublic = isPublic;
      return this;
    }

    /**
     * Sets the kernel image target. Default: none, the architecture's default.
     *
     * @param kernelImage such as {@code Image.gz}, or null for none
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder kernelImage(String kernelImage) {
      this.kernelImage = Checks.nullOrNonBlank(kernelImage, "kernelImage");
      return this;
    }

    /**
     * Sets a name for the build. Default: none.
     *
     * @param buildName the name, or null for none
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder buildName(String buildName) {
      this.buildName = Checks.nullOrNonBlank(buildName, "buildName");
      return this;
    }

    /**
     * Makes the build part of a plan. Default: none.
     *
     * @param planUid the uid {@link TuxSuiteClient#createPlan} returned, or null for none
     * @return this builder
     * @throws IllegalArgumentException if blank or holding {@code #} or whitespace
     */
    public Builder plan(String planUid) {
      this.plan = planUid == null ? null : Checks.uid(planUid, "plan");
      return this;
    }

    /**
     * Pins the build container image. Default: none, the current image.
     *
     * @param imageSha the image digest, or null for none
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder imageSha(String imageSha) {
      this.imageSha = Checks.nullOrNonBlank(imageSha, "imageSha");
      return this;
    }

    /**
     * Builds without the compiler cache. Default: false.
     *
     * @param noCache true to build from scratch
     * @return this builder
     */
    public Builder noCache(boolean noCache) {
      this.noCache = noCache;
      return this;
    }

    /**
     * Applies a patch series before building: an mbox, a single patch, or a {@code .tar.gz}
     * holding a {@code series} file. It is uploaded in the submission, named as the TuxSuite
     * client names it: the SHA-256 of its base64, a slash, and the file name. Replaces an earlier
     * patch series. Default: none.
     *
     * @param fileName the file's name, such as {@code fix.mbox}; no directory
     * @param content the file's bytes
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or has a directory
     */
    public Builder patchSeries(String fileName, byte[] content) {
      String[] named = Checks.attachment(fileName, content, "patchSeries");
      this.kernelPatchFile = named[0];
      this.kernelPatch = named[1];
      return this;
    }

    /**
     * Applies a patch series TuxSuite downloads itself. Replaces an earlier patch series.
     * Default: none.
     *
     * @param url the http or https URL of the series
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder patchSeriesUrl(String url) {
      this.kernelPatchFile = Checks.httpUrl(url, "patchSeriesUrl");
      this.kernelPatch = "";
      return this;
    }

    /**
     * Sets the URL TuxSuite posts the finished build to, signed with the group's key. Default:
     * none.
     *
     * @param callback an absolute http or https URL, or null for none
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder callback(String callback) {
      this.callback = Checks.nullOrHttpUrl(callback, "callback");
      return this;
    }

    /**
     * Adds a header TuxSuite sends with the callback (a shared secret for the receiver, say).
     * Default: none.
     *
     * @param name an HTTP header name
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is not an HTTP token or the value has a
     *     control character
     */
    public Builder callbackHeader(String name, String value) {
      Map<String, String> one = Checks.headers(Map.of(
          Objects.requireNonNull(name, "callbackHeader name"),
          Objects.requireNonNull(value, "callbackHeader value")), "callbackHeaders");
      if (callbackHeaders == null) {
        callbackHeaders = new LinkedHashMap<>();
      }
      callbackHeaders.putAll(one);
      return this;
    }

    /**
     * Adds an address TuxSuite mails when the build finishes. Default: none.
     *
     * @param email the address, not blank
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder notifyEmail(String email) {
      notifyEmails.add(Checks.nonBlank(email, "notifyEmail"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws NullPointerException if {@code gitRepo}, {@code targetArch} or {@code toolchain}
     *     is missing
     * @throws IllegalArgumentException as the record's constructor (no {@code gitRef} or
     *     {@code gitSha}, no {@code kconfig}, a malformed {@code gitRepo})
     */
    public TuxBuildRequest build() {
      return new TuxBuildRequest(clientToken, gitRepo, gitRef, gitSha, targetArch, toolchain,
          kconfig, environment, targets, makeVariables, isPublic, kernelImage, buildName, plan,
          imageSha, noCache, kernelPatchFile, callback, callbackHeaders, notifyEmails,
          kernelPatch);
    }
  }
}
