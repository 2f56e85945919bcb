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
 * The body of {@code POST .../plans}, which opens a plan. As the {@code tuxsuite} Python client
 * does, every field is sent, {@code null} when not set. Build it with {@link #newBuilder()}.
 *
 * <pre>{@code
 * TuxPlanRequest request = TuxPlanRequest.newBuilder()
 *     .name("riscv nightly")
 *     .description("defconfig builds and LTP smoke tests")
 *     .planCallback("https://ci.example.org/tuxsuite/plan-callback")
 *     .planCallbackHeader("X-Ci-Secret", secret)
 *     .build();
 * }</pre>
 *
 * <p>{@code plan_callback} and {@code plan_callback_headers} apply to the plan as a whole; each
 * build and test of the plan has its own {@code callback}.
 *
 * @param name {@code name}, or null
 * @param description {@code description}, or null
 * @param isPublic {@code is_public} (default true)
 * @param planCallback {@code plan_callback}, the URL TuxSuite posts the finished plan to, or
 *     null
 * @param planCallbackHeaders {@code plan_callback_headers}, or null
 * @param count {@code count}, the number of jobs the plan will hold, or null
 * @param planFile {@code plan_file}, the plan file's name or URL, or null
 * @param notifyEmails {@code notify_emails}; may be empty
 */
@JsonInclude(Include.ALWAYS)
public record TuxPlanRequest(
    String name,
    String description,
    @JsonProperty("is_public") boolean isPublic,
    @JsonProperty("plan_callback") String planCallback,
    @JsonProperty("plan_callback_headers") Map<String, String> planCallbackHeaders,
    Integer count,
    @JsonProperty("plan_file") String planFile,
    @JsonProperty("notify_emails") List<String> notifyEmails) {

  /**
   * Checks the plan and copies the collections.
   *
   * @throws IllegalArgumentException if a text is blank, the callback is not an http or https
   *     URL, a header is malformed or the count is negative
   */
  public TuxPlanRequest {
    Checks.nullOrNonBlank(name, "name");
    Checks.nullOrNonBlank(description, "description");
    Checks.nullOrHttpUrl(planCallback, "planCallback");
    planCallbackHeaders = Checks.headers(planCallbackHeaders, "planCallbackHeaders");
    if (count != null && count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    Checks.nullOrNonBlank(planFile, "planFile");
    notifyEmails = Checks.strings(notifyEmails, "notifyEmails");
  }

  /**
   * Starts a plan request.
   *
   * @return a builder with a public plan and nothing else set
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
    b.name = name;
    b.description = description;
    b.isPublic = isPublic;
    b.planCallback = planCallback;
    b.planCallbackHeaders.putAll(planCallbackHeaders == null ? Map.of() : planCallbackHeaders);
    b.count = count;
    b.planFile = planFile;
    b.notifyEmails.addAll(notifyEmails);
    return b;
  }

  /**
   * Shows the name; never the callback or its headers.
   *
   * @return for example {@code TuxPlanRequest[riscv nightly]}
   */
  @Override
  public String toString() {
    return "TuxPlanRequest[" + name + "]";
  }

  /** Configures a {@link TuxPlanRequest}. Setters check their argument. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String description;
    private boolean isPublic = true;
    private String planCallback;
    private final Map<String, String> planCallbackHeaders = new LinkedHashMap<>();
    private Integer count;
    private String planFile;
    private final List<String> notifyEmails = new ArrayList<>();

    private Builder() {}

    /**
     * Names the plan. Default: none.
     *
     * @param name the name, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder name(String name) {
      this.name = Checks.nullOrNonBlank(name, "name");
      return this;
    }

    /**
     * Describes the plan. Default: none.
     *
     * @param description the description, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder description(String description) {
      this.description = Checks.nullOrNonBlank(description, "description");
      return this;
    }

    /**
     * Sets whether the plan is public. Default: true.
     *
     * @param isPublic false for a plan visible to the group only
     * @return this builder
     */
    public Builder isPublic(boolean isPublic) {
      this.isPublic = isPublic;
      return this;
    }

    /**
     * Sets the URL TuxSuite posts the finished plan to. Default: none.
     *
     * @param planCallback an absolute http or https URL, or null
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder planCallback(String planCallback) {
      this.planCallback = Checks.nullOrHttpUrl(planCallback, "planCallback");
      return this;
    }

    /**
     * Adds a header TuxSuite sends with the plan callback. Default: none.
     *
     * @param name an HTTP header name
     * @param value the value, without control characters
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is not an HTTP token or the value has a
     *     control character
     */
    public Builder planCallbackHeader(String name, String value) {
      planCallbackHeaders.putAll(Checks.headers(Map.of(
          Objects.requireNonNull(name, "planCallbackHeader name"),
          Objects.requireNonNull(value, "planCallbackHeader value")), "planCallbackHeaders"));
      return this;
    }

    /**
     * Sets the number of jobs the plan will hold. Default: none.
     *
     * @param count zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder count(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, was " + count);
      }
      this.count = count;
      return this;
    }

    /**
     * Records the plan file the plan came from. Default: none.
     *
     * @param planFile its name or URL, or null
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder planFile(String planFile) {
      this.planFile = Checks.nullOrNonBlank(planFile, "planFile");
      return this;
    }

    /**
     * Adds an address TuxSuite mails when the plan finishes. Default: none.
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
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException as the record's constructor
     */
    public TuxPlanRequest build() {
      return new TuxPlanRequest(name, description, isPublic, planCallback,
          planCallbackHeaders.isEmpty() ? null : planCallbackHeaders, count, planFile,
          notifyEmails);
    }
  }
}
