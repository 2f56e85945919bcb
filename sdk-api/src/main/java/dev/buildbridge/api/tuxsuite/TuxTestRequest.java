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
 * One test run to submit, {@code POST .../tests}, with the fields of the {@code tuxsuite} Python
 * client. Build it with {@link #newBuilder(String)}.
 *
 * <pre>{@code
 * TuxTestRequest request = TuxTestRequest.newBuilder("qemu-riscv64")
 *     .kernel(build.downloadUrl() + build.kernelImageName())
 *     .modules(build.downloadUrl() + "modules.tar.xz")
 *     .tests("ltp-smoke")
 *     .timeout("ltp-smoke", 10)
 *     .callback("https://ci.example.org/tuxsuite/callback")
 *     .build();
 * }</pre>
 *
 * <p>As the Python client does, {@code device}, {@code kernel}, the firmware fields
 * ({@code ap_romfw}, {@code bios}, {@code dtb}, {@code fip}, {@code mcp_fw}, {@code mcp_romfw},
 * {@code scp_fw}, {@code scp_romfw}), {@code rootfs}, {@code parameters},
 * {@code lava_test_plans_project}, {@code lab} and {@code is_public} are always sent, as
 * {@code null} when not set; the others only when set (collections: when not empty;
 * {@code shared}: when true).
 *
 * <p>Tests that belong to a plan carry its uid ({@link Builder#plan(String)}); a test that runs
 * on a build of the same submission waits for it ({@link Builder#waitingFor(TuxKind, String)},
 * {@code BUILD#<uid>}), and tests after a sanity test wait for that test ({@code TEST#<uid>}).
 *
 * @param device {@code device}, such as {@code qemu-riscv64} or {@code fvp-aemva}
 * @param kernel {@code kernel}, the kernel image URL, or null (a test waiting for a build gets
 *     the build's)
 * @param apRomfw {@code ap_romfw}, or null
 * @param bios {@code bios}, or null
 * @param dtb {@code dtb}, or null
 * @param fip {@code fip}, or null
 * @param mcpFw {@code mcp_fw}, or null
 * @param mcpRomfw {@code mcp_romfw}, or null
 * @param scpFw {@code scp_fw}, or null
 * @param scpRomfw {@code scp_romfw}, or null
 * @param rootfs {@code rootfs}, the root file system URL, or null for the device's default
 * @param parameters {@code parameters} for the test definitions, such as {@code SKIPFILE}; may
 *     be empty
 * @param lavaTestPlansProject {@code lava_test_plans_project}, or null
 * @param lab {@code lab}, or null
 * @param isPublic {@code is_public} (default true)
 * @param modules {@code modules}, the modules archive URL (compressed), or null
 * @param overlays {@code overlays}: {@code [url, destination]} pairs unpacked over the root
 *     file system; may be empty
 * @param tests {@code tests}, the tests to run after booting ({@code boot} is implicit); may be
 *     empty
 * @param testName {@code test_name}, or null
 * @param timeouts {@code timeouts} in minutes, by step ({@code deploy}, {@code boot}) or test;
 *     may be empty
 * @param bootArgs {@code boot_args}, extra kernel command line, or null
 * @param waitingFor {@code waiting_for}: {@code BUILD#<uid>}, {@code OEBUILD#<uid>} or
 *     {@code TEST#<uid>}, or null
 * @param callback {@code callback}, or null
 * @param callbackHeaders {@code callback_headers}, or null
 * @param commands {@code commands} to run in the booted system; may be empty
 * @param qemuImage {@code qemu_image}, the QEMU container image, or null
 * @param shared {@code shared} (sent only when true)
 * @param host {@code host}, the worker type, or null for TuxSuite's default
 * @param tuxbuild {@code tuxbuild}, a TuxSuite build URL to take the kernel and modules from,
 *     or null
 * @param notifyEmails {@code notify_emails}; may be empty
 * @param plan {@code plan}, the plan's uid, or null
 * @param jobDefinition {@code job_definition}, the name of a LAVA job definition, or null
 * @param attachments {@code attachments}: name to base64 content of uploaded files (the job
 *     definition); may be empty
 */
public record TuxTestRequest(
    @JsonInclude(Include.ALWAYS) String device,
    @JsonInclude(Include.ALWAYS) String kernel,
    @JsonProperty("ap_romfw") @JsonInclude(Include.ALWAYS) String apRomfw,
    @JsonInclude(Include.ALWAYS) String bios,
    @JsonInclude(Include.ALWAYS) String dtb,
    @JsonInclude(Include.ALWAYS) String fip,
    @JsonProperty("mcp_fw") @JsonInclude(Include.ALWAYS) String mcpFw,
    @JsonProperty("mcp_romfw") @JsonInclude(Include.ALWAYS) String mcpRomfw,
    @JsonProperty("scp_fw") @JsonInclude(Include.ALWAYS) String scpFw,
    @JsonProperty("scp_romfw") @JsonInclude(Include.ALWAYS) String scpRomfw,
    @JsonInclude(Include.ALWAYS) String rootfs,
    @JsonInclude(Include.ALWAYS) Map<String, String> parameters,
    @JsonProperty("lava_test_plans_project") @JsonInclude(Include.ALWAYS)
        String lavaTestPlansProject,
    @JsonInclude(Include.ALWAYS) String lab,
    @JsonProperty("is_public") @JsonInclude(Include.ALWAYS) boolean isPublic,
    String modules,
    @JsonInclude(Include.NON_EMPTY) List<List<String>> overlays,
    @JsonInclude(Include.NON_EMPTY) List<String> tests,
    @JsonProperty("test_name") String testName,
    @JsonInclude(Include.NON_EMPTY) Map<String, Integer> timeouts,
    @JsonProperty("boot_args") String bootArgs,
    @JsonProperty("waiting_for") String waitingFor,
    String callback,
    @JsonProperty("callback_headers") @JsonInclude(Include.NON_EMPTY)
        Map<String, String> callbackHeaders,
    @JsonInclude(Include.NON_EMPTY) List<String> commands,
    @JsonProperty("qemu_image") String qemuImage,
    @JsonInclude(Include.NON_DEFAULT) boolean shared,
    String host,
    String tuxbuild,
    @JsonProperty("notify_emails") @JsonInclude(Include.NON_EMPTY) List<String> notifyEmails,
    String plan,
    @JsonProperty("job_definition") String jobDefinition,
    @JsonInclude(Include.NON_EMPTY) Map<String, String> attachments) {

  /**
   * Checks the test and copies the collections.
   *
   * @throws NullPointerException if the device is null
   * @throws IllegalArgumentException if a field is blank or malformed: a URL that is not http or
   *     https, a {@code waitingFor} that is not a run reference, an overlay that is not a pair, a
   *     timeout that is not positive
   */
  public TuxTestRequest {
    Checks.nonBlank(device, "device");
    Checks.nullOrNonBlank(kernel, "kernel");
    Checks.nullOrNonBlank(apRomfw, "apRomfw");
    Checks.nullOrNonBlank(bios, "bios");
    Checks.nullOrNonBlank(dtb, "dtb");
    Checks.nullOrNonBlank(fip, "fip");
    Checks.nullOrNonBlank(mcpFw, "mcpFw");
    Checks.nullOrNonBlank(mcpRomfw, "mcpRomfw");
    Checks.nullOrNonBlank(scpFw, "scpFw");
    Checks.nullOrNonBlank(scpRomfw, "scpRomfw");
    Checks.nullOrNonBlank(rootfs, "rootfs");
    parameters = Checks.map(parameters, "parameters");
    Checks.nullOrNonBlank(lavaTestPlansProject, "lavaTestPlansProject");
    Checks.nullOrNonBlank(lab, "lab");
    Checks.nullOrNonBlank(modules, "modules");
    overlays = overlays(overlays);
    tests = Checks.strings(tests, "tests");
    Checks.nullOrNonBlank(testName, "testName");
    timeouts = Checks.map(timeouts, "timeouts");
    for (Map.Entry<String, Integer> e : timeouts.entrySet()) {
      if (e.getValue() <= 0) {
        throw new IllegalArgumentException("timeouts[" + e.getKey() + "] must be a positive"
            + " number of minutes, was " + e.getValue());
      }
    }
    Checks.nullOrNonBlank(bootArgs, "bootArgs");
    if (waitingFor != null) {
      TuxKind.ofReference(waitingFor);
    }
    Checks.nullOrHttpUrl(callback, "callback");
    callbackHeaders = Checks.headers(callbackHeaders, "callbackHeaders");
    commands = Checks.strings(commands, "commands");
    Checks.nullOrNonBlank(qemuImage, "qemuImage");
    Checks.nullOrNonBlank(host, "host");
    Checks.nullOrNonBlank(tuxbuild, "tuxbuild");
    notifyEmails = Checks.strings(notifyEmails, "notifyEmails");
    if (plan != null) {
      Checks.uid(plan, "plan");
    }
    Checks.nullOrNonBlank(jobDefinition, "jobDefinition");
    attachments = Checks.map(attachments, "attachments");
  }

  private static List<List<String>> overlays(List<List<String>> overlays) {
    if (overlays == null) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>(overlays.size());
    for (int i = 0; i < overlays.size(); i++) {
      List<String> pair = Objects.requireNonNull(overlays.get(i), "overlays[" + i + "]");
      if (pair.size() != 2) {
        throw new IllegalArgumentException("overlays[" + i + "] must be [url, destination], has "
            + pair.size() + " elements");
      }
      out.add(Checks.strings(pair, "overlays[" + i + "]"));
    }
    return List.copyOf(out);
  }

  /**
   * Starts a test request.
   *
   * @param device the device, such as {@code qemu-riscv64}
   * @return a builder with public results and nothing else set
   * @throws NullPointerException if the device is null
   * @throws IllegalArgumentException if the device is blank
   */
  public static Builder newBuilder(String device) {
    return new Builder(Checks.nonBlank(device, "device"));
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(device);
    b.kernel = kernel;
    b.apRomfw = apRomfw;
    b.bios = bios;
    b.dtb = dtb;
    b.fip = fip;
    b.mcpFw = mcpFw;
    b.mcpRomfw = mcpRomfw;
    b.scpFw = scpFw;
    b.scpRomfw = scpRomfw;
    b.rootfs = rootfs;
    b.parameters.putAll(parameters);
    b.lavaTestPlansProject = lavaTestPlansProject;
    b.lab = lab;
    b.isPublic = isPublic;
    b.modules = modules;
    b.overlays.addAll(overlays);
    b.tests.addAll(tests);
    b.testName = testName;
    b.timeouts.putAll(timeouts);
    b.bootArgs = bootArgs;
    b.waitingFor = waitingFor;
    b.callback = callback;
    b.callbackHeaders.putAll(callbackHeaders == null ? Map.of() : callbackHeaders);
    b.commands.addAll(commands);
    b.qemuImage = qemuImage;
    b.shared = shared;
    b.host = host;
    b.tuxbuild = tuxbuild;
    b.notifyEmails.addAll(notifyEmails);
    b.plan = plan;
    b.jobDefinition = jobDefinition;
    b.attachments.putAll(attachments);
    return b;
  }

  /**
   * Shows the device, tests and what the test waits for; never URLs or headers.
   *
   * @return for example {@code TuxTestRequest[qemu-riscv64 [boot, ltp-smoke] waiting for
   *     BUILD#2ZIT...]}
   */
  @Override
  public String toString() {
    List<String> all = new ArrayList<>(tests.size() + 1);
    all.add("boot");
    all.addAll(tests);
    return "TuxTestRequest[" + device + " " + all
        + (waitingFor == null ? "" : " waiting for " + waitingFor) + "]";
  }

  /**
   * Configures a {@link TuxTestRequest}. Optional values accept null to unset them. Setters check
   * their argument; {@link #build()} checks the whole. Not thread-safe.
   */
  public static final class Builder {
    private final String device;
    private String kernel;
    private String apRomfw;
    private String bios;
    private String dtb;
    private String fip;
    private String mcpFw;
    private String mcpRomfw;
    private String scpFw;
    private String scpRomfw;
    private String rootfs;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String lavaTestPlansProject;
    private String lab;
    private boolean isPublic = true;
    private String modules;
    private final List<List<String>> overlays = new ArrayList<>();
    private final List<String> tests = new ArrayList<>();
    private String testName;
    private final Map<String, Integer> timeouts = new LinkedHashMap<>();
    private String bootArgs;
    private String waitingFor;
    private String callback;
    private final Map<String, String> callbackHeaders = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private String qemuImage;
    private boolean shared;
    private String host;
    private String tuxbuild;
    private final List<String> notifyEmails = new ArrayList<>();
    private String plan;
    private String jobDefinition;
    private final Map<String, String> attachments = new LinkedHashMap<>();

    private Builder(String device) {
      this.device = device;
    }

    /**
     * Sets the kernel image. Default: none (a test waiting for a build uses the build's).
     *
     * @param kernelUrl the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder kernel(String kernelUrl) {
      this.kernel = Checks.nullOrNonBlank(kernelUrl, "kernel");
      return this;
    }

    /**
     * Sets the modules archive. Default: none.
     *
     * @param modulesUrl the URL of a compressed archive such as {@code modules.tar.xz}, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder modules(String modulesUrl) {
      this.modules = Checks.nullOrNonBlank(modulesUrl, "modules");
      return this;
    }

    /**
     * Sets the root file system. Default: none, the device's default.
     *
     * @param rootfsUrl the URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder rootfs(String rootfsUrl) {
      this.rootfs = Checks.nullOrNonBlank(rootfsUrl, "rootfs");
      return this;
    }

    /**
     * Sets the device tree blob. Default: none.
     *
     * @param dtbUrl the URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder dtb(String dtbUrl) {
      this.dtb = Checks.nullOrNonBlank(dtbUrl, "dtb");
      return this;
    }

    /**
     * Sets {@code ap_romfw}, the application processor ROM firmware. Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder apRomfw(String url) {
      this.apRomfw = Checks.nullOrNonBlank(url, "apRomfw");
      return this;
    }

    /**
     * Sets {@code bios}, the BIOS image (QEMU and FVP devices). Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder bios(String url) {
      this.bios = Checks.nullOrNonBlank(url, "bios");
      return this;
    }

    /**
     * Sets {@code fip}, the firmware image package. Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder fip(String url) {
      this.fip = Checks.nullOrNonBlank(url, "fip");
      return this;
    }

    /**
     * Sets {@code mcp_fw}, the MCP firmware. Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder mcpFw(String url) {
      this.mcpFw = Checks.nullOrNonBlank(url, "mcpFw");
      return this;
    }

    /**
     * Sets {@code mcp_romfw}, the MCP ROM firmware. Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder mcpRomfw(String url) {
      this.mcpRomfw = Checks.nullOrNonBlank(url, "mcpRomfw");
      return this;
    }

    /**
     * Sets {@code scp_fw}, the SCP firmware. Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder scpFw(String url) {
      this.scpFw = Checks.nullOrNonBlank(url, "scpFw");
      return this;
    }

    /**
     * Sets {@code scp_romfw}, the SCP ROM firmware. Default: none.
     *
     * @param url the image URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder scpRomfw(String url) {
      this.scpRomfw = Checks.nullOrNonBlank(url, "scpRomfw");
      return this;
    }

    /**
     * Adds a parameter for the test definitions. Default: none.
     *
     * @param name such as {@code SKIPFILE} or {@code SHARD_INDEX}
     * @param value the value
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder parameter(String name, String value) {
      parameters.put(Checks.nonBlank(name, "parameter name"),
          Objects.requireNonNull(value, "parameter value"));
      return this;
    }

    /**
     * Sets the LAVA test plans project. Default: none.
     *
     * @param project the project, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder lavaTestPlansProject(String project) {
      this.lavaTestPlansProject = Checks.nullOrNonBlank(project, "lavaTestPlansProject");
      return this;
    }

    /**
     * Sets the LAVA lab. Default: none.
     *
     * @param lab the lab URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder lab(String lab) {
      this.lab = Checks.nullOrNonBlank(lab, "lab");
      return this;
    }

    /**
     * Sets whether results are public. Default: true.
     *
     * @param isPublic false for results visible to the group only
     * @return this builder
     */
    public Builder isPublic(boolean isPublic) {
      this.isPublic = isPublic;
      return this;
    }

    /**
     * Adds an overlay unpacked at the root of the file system. Default: none.
     *
     * @param url the archive URL
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder overlay(String url) {
      return overlay(url, "/");
    }

    /**
     * Adds an overlay unpacked at a directory. Default: none.
     *
     * @param url the archive URL
     * @param destination the directory, such as {@code /}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if one is blank
     */
    public Builder overlay(String url, String destination) {
      overlays.add(List.of(Checks.nonBlank(url, "overlay url"),
          Checks.nonBlank(destination, "overlay destination")));
      return this;
    }

    /**
     * Sets the tests to run after booting, replacing what was set. Default: none, boot only.
     *
     * @param tests such as {@code ltp-smoke} or {@code kselftest-rtc}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder tests(String... tests) {
      return tests(List.of(tests));
    }

    /**
     * Sets the tests to run after booting from a list, replacing what was set. Default: none.
     *
     * @param tests the test names
     * @return this builder
     * @throws NullPointerException if the list or a name is null
     * @throws IllegalArgumentException if a name is blank
     */
    public Builder tests(List<String> tests) {
      List<String> checked = Checks.strings(Objects.requireNonNull(tests, "tests"), "tests");
      this.tests.clear();
      this.tests.addAll(checked);
      return this;
    }

    /**
     * Names the test run. Default: none.
     *
     * @param testName the name, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder testName(String testName) {
      this.testName = Checks.nullOrNonBlank(testName, "testName");
      return this;
    }

    /**
     * Sets a timeout for a step ({@code deploy}, {@code boot}) or a test. Default: TuxSuite's.
     *
     * @param name the step or test
     * @param minutes the timeout, positive
     * @return this builder
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name is blank or the minutes not positive
     */
    public Builder timeout(String name, int minutes) {
      Checks.nonBlank(name, "timeout name");
      if (minutes <= 0) {
        throw new IllegalArgumentException("timeout " + name + " must be positive, was "
            + minutes);
      }
      timeouts.put(name, minutes);
      return this;
    }

    /**
     * Sets extra kernel command line arguments. Default: none.
     *
     * @param bootArgs the arguments, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder bootArgs(String bootArgs) {
      this.bootArgs = Checks.nullOrNonBlank(bootArgs, "bootArgs");
      return this;
    }

    /**
     * Makes the test wait for a run: a build whose kernel it boots, or a sanity test. Default:
     * none.
     *
     * @param kind the run's kind
     * @param uid the run's uid
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
     */
    public Builder waitingFor(TuxKind kind, String uid) {
      this.waitingFor = Objects.requireNonNull(kind, "kind").reference(uid);
      return this;
    }

    /**
     * Makes the test wait for a run given as a reference. Default: none.
     *
     * @param reference {@code BUILD#<uid>}, {@code OEBUILD#<uid>} or {@code TEST#<uid>}, or null
     * @return this builder
     * @throws IllegalArgumentException if not such a reference
     */
    public Builder waitingFor(String reference) {
      if (reference != null) {
        TuxKind.ofReference(reference);
      }
      this.waitingFor = reference;
      return this;
    }

    /**
     * Sets the URL TuxSuite posts the finished test to. Default: none.
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
     * Adds a command to run in the booted system. Default: none.
     *
     * @param command the command line
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if blank
     */
    public Builder command(String command) {
      commands.add(Checks.nonBlank(command, "command"));
      return this;
    }

    /**
     * Sets the QEMU container image. Default: none, TuxSuite's.
     *
     * @param qemuImage the image, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder qemuImage(String qemuImage) {
      this.qemuImage = Checks.nullOrNonBlank(qemuImage, "qemuImage");
      return this;
    }

    /**
     * Shares a directory with the host. Default: false.
     *
     * @param shared true to share
     * @return this builder
     */
    public Builder shared(boolean shared) {
      this.shared = shared;
      return this;
    }

    /**
     * Sets the worker type. Default: none (the Python client's default is {@code x86_64}).
     *
     * @param host such as {@code x86_64}, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder host(String host) {
      this.host = Checks.nullOrNonBlank(host, "host");
      return this;
    }

    /**
     * Takes the kernel and modules from a TuxSuite build. Default: none.
     *
     * @param tuxbuildUrl the build's URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder tuxbuild(String tuxbuildUrl) {
      this.tuxbuild = Checks.nullOrNonBlank(tuxbuildUrl, "tuxbuild");
      return this;
    }

    /**
     * Adds an address TuxSuite mails when the test finishes. Default: none.
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
     * Makes the test part of a plan. Default: none.
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
     * Runs a LAVA job definition of your own, uploaded with the request as the TuxSuite client
     * does (named by the SHA-256 of its base64, a slash and the file name). Default: none.
     *
     * @param fileName the file's name, such as {@code job.yaml}; no directory
     * @param yaml the file's bytes
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or has a directory
     */
    public Builder jobDefinition(String fileName, byte[] yaml) {
      String[] named = Checks.attachment(fileName, yaml, "jobDefinition");
      this.attachments.clear();
      this.jobDefinition = named[0];
      this.attachments.put(named[0], named[1]);
      return this;
    }

    /**
     * Runs a LAVA job definition TuxSuite downloads. Default: none.
     *
     * @param url the http or https URL of the YAML file
     * @return this builder
     * @throws NullPointerException if the argument is null
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder jobDefinitionUrl(String url) {
      this.attachments.clear();
      this.jobDefinition = Checks.httpUrl(url, "jobDefinitionUrl");
      this.attachments.put(url, "");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public TuxTestRequest build() {
      return new TuxTestRequest(device, kernel, apRomfw, bios, dtb, fip, mcpFw, mcpRomfw, scpFw,
          scpRomfw, rootfs, parameters, lavaTestPlansProject, lab, isPublic, modules, overlays,
          tests, testName, timeouts, bootArgs, waitingFor, callback,
          callbackHeaders.isEmpty() ? null : callbackHeaders, commands, qemuImage, shared, host,
          tuxbuild, notifyEmails, plan, jobDefinition, attachments);
    }
  }
}
