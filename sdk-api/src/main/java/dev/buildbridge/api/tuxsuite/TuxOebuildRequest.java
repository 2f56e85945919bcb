package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One OpenEmbedded/Yocto build to submit, {@code POST .../oebuilds}. As the {@code tuxsuite}
 * Python client does, every field of the build definition is sent, {@code null} when not set,
 * together with {@code manifests} (name to base64 of uploaded manifest files); {@code plan} only
 * when set. Build it with {@link #newBuilder()}.
 *
 * <pre>{@code
 * TuxOebuildRequest request = TuxOebuildRequest.newBuilder()
 *     .sources(Map.of("repo", Map.of(
 *         "url", "https://gitlab.eclipse.org/eclipse/oniro-core/oniro",
 *         "branch", "kirkstone",
 *         "manifest", "default.xml")))
 *     .machine("qemux86-64")
 *     .distro("oniro-linux")
 *     .envsetup("oe-core/oe-init-build-env")
 *     .targets("intltool-native")
 *     .environment("TEMPLATECONF", "../oniro/flavours/linux")
 *     .build();
 * }</pre>
 *
 * @param targets {@code targets}, the bitbake targets, or null
 * @param envsetup {@code envsetup}, the environment setup script, or null
 * @param distro {@code distro}, or null
 * @param machine {@code machine}, or null
 * @param sources {@code sources}: {@code repo}, {@code git_trees} or {@code kas}, as TuxSuite
 *     documents them; not empty
 * @param artifacts {@code artifacts} to keep; may be empty
 * @param environment {@code environment}; may be empty
 * @param localConf {@code local_conf} lines; may be empty
 * @param bblayersConf {@code bblayers_conf} lines; may be empty
 * @param container {@code container} (default {@code ubuntu-20.04})
 * @param manifestFile {@code manifest_file}, or null
 * @param name {@code name} (default empty)
 * @param noCache {@code no_cache} (default false)
 * @param extraconfigs {@code extraconfigs}; may be empty
 * @param pinnedManifest {@code pinned_manifest}, or null
 * @param kasOverride {@code kas_override}, or null
 * @param isPublic {@code is_public} (default true)
 * @param callback {@code callback}, or null
 * @param callbackHeaders {@code callback_headers}, or null
 * @param notifyEmails {@code notify_emails}; may be empty
 * @param plan {@code plan}, the plan's uid, or null (then not sent)
 * @param manifests {@code manifests}: uploaded file name to base64 content; may be empty
 */
@JsonInclude(Include.ALWAYS)
public record TuxOebuildRequest(
    List<String> targets,
    String envsetup,
    String distro,
    String machine,
    Map<String, Object> sources,
    List<String> artifacts,
    Map<String, String> environment,
    @JsonProperty("local_conf") List<String> localConf,
    @JsonProperty("bblayers_conf") List<String> bblayersConf,
    String container,
    @JsonProperty("manifest_file") String manifestFile,
    String name,
    @JsonProperty("no_cache") boolean noCache,
    List<String> extraconfigs,
    @JsonProperty("pinned_manifest") String pinnedManifest,
    @JsonProperty("kas_override") String kasOverride,
    @JsonProperty("is_public") boolean isPublic,
    String callback,
    @JsonProperty("callback_headers") Map<String, String> callbackHeaders,
    @JsonProperty("notify_emails") List<String> notifyEmails,
    @JsonInclude(Include.NON_NULL) String plan,
    Map<String, String> manifests) {

  /**
   * Checks the build and copies the collections (nested {@code sources} too).
   *
   * @throws NullPointerException if {@code sources}, {@code container} or {@code name} is null
   * @throws IllegalArgumentException if {@code sources} is empty or holds other than maps,
   *     lists, strings, numbers and booleans, or a field is blank or malformed
   */
  @SuppressWarnings("unchecked")
  public TuxOebuildRequest {
    targets = targets == null ? null : Checks.nonEmptyStrings(targets, "targets");
    Checks.nullOrNonBlank(envsetup, "envsetup");
    Checks.nullOrNonBlank(distro, "distro");
    Checks.nullOrNonBlank(machine, "machine");
    Objects.requireNonNull(sources, "sources");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("sources is empty");
    }
    sources = (Map<String, Object>) Checks.jsonValue(sources, "sources", 0);
    artifacts = Checks.strings(artifacts, "artifacts");
    environment = Checks.map(environment, "environment");
    localConf = Checks.strings(localConf, "localConf");
    bblayersConf = Checks.strings(bblayersConf, "bblayersConf");
    Checks.nonBlank(container, "container");
    Checks.nullOrNonBlank(manifestFile, "manifestFile");
    Objects.requireNonNull(name, "name");
    extraconfigs = Checks.strings(extraconfigs, "extraconfigs");
    Checks.nullOrNonBlank(pinnedManifest, "pinnedManifest");
    Checks.nullOrNonBlank(kasOverride, "kasOverride");
    Checks.nullOrHttpUrl(callback, "callback");
    callbackHeaders = Checks.headers(callbackHeaders, "callbackHeaders");
    notifyEmails = Checks.strings(notifyEmails, "notifyEmails");
    if (plan != null) {
      Checks.uid(plan, "plan");
    }
    manifests = Checks.map(manifests, "manifests");
  }

  /**
   * Starts an oebuild request.
   *
   * @return a builder with container {@code ubuntu-20.04}, an empty name, the cache on, public
   *     artifacts and nothing else set
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.targets = targets == null ? null : new ArrayList<>(targets);
    b.envsetup = envsetup;
    b.distro = distro;
    b.machine = machine;
    b.sources = sources;
    b.artifacts.addAll(artifacts);
    b.environment.putAll(environment);
    b.localConf.addAll(localConf);
    b.bblayersConf.addAll(bblayersConf);
    b.container = container;
    b.manifestFile = manifestFile;
    b.name = name;
    b.noCache = noCache;
    b.extraconfigs.addAll(extraconfigs);
    b.pinnedManifest = pinnedManifest;
    b.kasOverride = kasOverride;
    b.isPublic = isPublic;
    b.callback = callback;
    b.callbackHeaders.putAll(callbackHeaders == null ? Map.of() : callbackHeaders);
    b.notifyEmails.addAll(notifyEmails);
    b.plan = plan;
    b.manifests.putAll(manifests);
    return b;
  }

  /**
   * Shows the machine, distro and targets; never URLs, headers or manifests.
   *
   * @return for example {@code TuxOebuildRequest[qemux86-64 oniro-linux [intltool-native]]}
   */
  @Override
  public String toString() {
    return "TuxOebuildRequest[" + machine + " " + distro + " " + targets + "]";
  }

  /**
   * Configures a {@link TuxOebuildRequest}. Setters check their argument; {@link #build()}
   * checks the whole. Not thread-safe.
   */
  public static final class Builder {
    private List<String> targets;
    private String envsetup;
    private String distro;
    private String machine;
    private Map<String, Object> sources;
    private final List<String> artifacts = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> localConf = new ArrayList<>();
    private final List<String> bblayersConf = new ArrayList<>();
    private String container = "ubuntu-20.04";
    private String manifestFile;
    private String name = "";
    private boolean noCache;
    private final List<String> extraconfigs = new ArrayList<>();
    private String pinnedManifest;
    private String kasOverride;
    private boolean isPublic = true;
    private String callback;
    private final Map<String, String> callbackHeaders = new LinkedHashMap<>();
    private final List<String> notifyEmails = new ArrayList<>();
    private String plan;
    private final Map<String, String> manifests = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the sources to fetch. Required.
     *
     * @param sources {@code repo} (with {@code url}, {@code branch}, {@code manifest}),
     *     {@code git_trees} or {@code kas}; values are maps, lists, strings, numbers and
     *     booleans, copied
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if empty, nested over 32 levels, or holding another type
     */
    @SuppressWarnings("unchecked")
    public Builder sources(Map<String, ?> sources) {
      Objects.requireNonNull(sources, "sources");
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("sources is empty");
      }
      this.sources = (Map<String, Object>) Checks.jsonValue(sources, "sources", 0);
      return this;
    }

    /**
     * Sets the bitbake targets. Default: none.
     *
     * @param targets such as {@code core-image-minimal}, at least one
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if none is given or one is blank
     */
    public Builder targets(String... targets) {
      this.targets = new ArrayList<>(Checks.nonEmptyStrings(List.of(targets), "targets"));
      return this;
    }

    /**
     * Sets the environment setup script. Default: none.
     *
     * @param envsetup such as {@code poky/oe-init-build-env}, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder envsetup(String envsetup) {
      this.envsetup = Checks.nullOrNonBlank(envsetup, "envsetup");
      return this;
    }

    /**
     * Sets the distribution. Default: none.
     *
     * @param distro such as {@code poky}, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder distro(String distro) {
      this.distro = Checks.nullOrNonBlank(distro, "distro");
      return this;
    }

    /**
     * Sets the machine. Default: none.
     *
     * @param machine such as {@code qemux86-64}, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder machine(String machine) {
      this.machine = Checks.nullOrNonBlank(machine, "machine");
      return this;
    }

    /**
     * Adds an artifact to keep. Default: none.
     *
     * @param artifact a path in the build directory
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder artifact(String artifact) {
      artifacts.add(Checks.nonBlank(artifact, "artifact"));
      return this;
    }

    /**
     * Adds an environment variable. Default: none.
     *
     * @param name the variable name
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
     * Adds a line to {@code local.conf}. Default: none.
     *
     * @param line such as {@code INHERIT += 'buildstats'}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder localConf(String line) {
      localConf.add(Checks.nonBlank(line, "localConf"));
      return this;
    }

    /**
     * Adds a line to {@code bblayers.conf}. Default: none.
     *
     * @param line such as {@code BBLAYERS += '../meta-virtualization'}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder bblayersConf(String line) {
      bblayersConf.add(Checks.nonBlank(line, "bblayersConf"));
      return this;
    }

    /**
     * Sets the build container. Default: {@code ubuntu-20.04}.
     *
     * @param container such as {@code ubuntu-22.04}
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder container(String container) {
      this.container = Checks.nonBlank(container, "container");
      return this;
    }

    /**
     * Names the build. Default: empty.
     *
     * @param name the name
     * @return this builder
     * @throws NullPointerException if the argument is null
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Builds without the shared state cache. Default: false.
     *
     * @param noCache true to build from scratch
     * @return this builder
     */
    public Builder noCache(boolean noCache) {
      this.noCache = noCache;
      return this;
    }

    /**
     * Adds an extra configuration file (kas). Default: none.
     *
     * @param extraconfig the file
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder extraconfig(String extraconfig) {
      extraconfigs.add(Checks.nonBlank(extraconfig, "extraconfig"));
      return this;
    }

    /**
     * Uploads a repo manifest file with the request. Default: none.
     *
     * @param fileName the file's name, such as {@code default.xml}; no directory
     * @param xml the file's bytes
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or has a directory
     */
    public Builder manifestFile(String fileName, byte[] xml) {
      this.manifestFile = attach(manifestFile, fileName, xml, "manifestFile");
      return this;
    }

    /**
     * Uploads a pinned repo manifest with the request. Default: none.
     *
     * @param fileName the file's name; no directory
     * @param xml the file's bytes
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or has a directory
     */
    public Builder pinnedManifest(String fileName, byte[] xml) {
      this.pinnedManifest = attach(pinnedManifest, fileName, xml, "pinnedManifest");
      return this;
    }

    /**
     * Uploads a kas override file with the request. Default: none.
     *
     * @param fileName the file's name, such as {@code override.yaml}; no directory
     * @param yaml the file's bytes
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or has a directory
     */
    public Builder kasOverride(String fileName, byte[] yaml) {
      this.kasOverride = attach(kasOverride, fileName, yaml, "kasOverride");
      return this;
    }

    private String attach(String previous, String fileName, byte[] content, String what) {
      String[] named = Checks.attachment(fileName, content, what);
      if (previous != null) {
        manifests.remove(previous);
      }
      manifests.put(named[0], named[1]);
      return named[0];
    }

    /**
     * Sets whether artifacts are public. Default: true.
     *
     * @param isPublic false for artifacts visible to the group only
     * @return this builder
     */
    public Builder isPublic(boolean isPublic) {
      this.isPublic = isPublic;
      return this;
    }

    /**
     * Sets the URL TuxSuite posts the finished build to. Default: none.
     *
     * @param callback an absolute http or https URL, or null
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder callback(String callback) {
      this.callback = Checks.nullOrHttpUrl(callback, "callback");
      return this;
    }

    /**
     * Adds a header TuxSuite sends with the callback. Default: none.
     *
     * @param name an HTTP header name
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is not an HTTP token or the value has a
     *     control character
     */
    public Builder callbackHeader(String name, String value) {
      callbackHeaders.putAll(Checks.headers(Map.of(
          Objects.requireNonNull(name, "callbackHeader name"),
          Objects.requireNonNull(value, "callbackHeader value")), "callbackHeaders"));
      return this;
    }

    /**
     * Adds an address TuxSuite mails when the build finishes. Default: none.
     *
     * @param email the address
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder notifyEmail(String email) {
      notifyEmails.add(Checks.nonBlank(email, "notifyEmail"));
      return this;
    }

    /**
     * Makes the build part of a plan. Default: none.
     *
     * @param planUid the plan's uid, or null
     * @return this builder
     * @throws IllegalArgumentException if blank or holding {@code #} or whitespace
     */
    public Builder plan(String planUid) {
      this.plan = planUid == null ? null : Checks.uid(planUid, "plan");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws NullPointerException if {@code sources} was not set
     * @throws IllegalArgumentException as the record's constructor
     */
    public TuxOebuildRequest build() {
      return new TuxOebuildRequest(targets, envsetup, distro, machine, sources, artifacts,
          environment, localConf, bblayersConf, container, manifestFile, name, noCache,
          extraconfigs, pinnedManifest, kasOverride, isPublic, callback,
          callbackHeaders.isEmpty() ? null : callbackHeaders, notifyEmails, plan, manifests);
    }
  }
}
