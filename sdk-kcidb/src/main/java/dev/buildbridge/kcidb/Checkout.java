package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A source code checkout ({@code checkouts[]}): the code that was built and tested, such as a
 * commit of a git repository, with patches applied or not. Builds point at it by id. Required are
 * {@code id} and {@code origin}; every other property is {@code null} when absent (lists too: an
 * empty list is a value, "none", and is written as {@code []}).
 *
 * <pre>{@code
 * Checkout checkout = Checkout.newBuilder("tuxsuite", "5e3f5b81de80c98338bcb47c233aebefee5a4801")
 *     .gitRepositoryUrl("https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git")
 *     .gitCommitHash("5e3f5b81de80c98338bcb47c233aebefee5a4801")
 *     .gitCommitName("v6.7-rc4-111-g5e3f5b81de80")
 *     .patchsetHash("")
 *     .build();
 * }</pre>
 *
 * @param id the id, {@code origin:local}; its prefix is {@code origin}
 * @param origin the submitting CI system, {@code [a-z0-9_]+}
 * @param treeName the widely known name of the tree, such as {@code mainline}, or {@code null}
 * @param gitRepositoryUrl the git repository, an {@code https://} URL, or {@code null}
 * @param gitCommitHash the full commit hash (40 lower-case hex digits), or {@code null}
 * @param gitCommitName the commit as {@code git describe} names it, or {@code null}
 * @param gitCommitTags the annotated tags pointing at the commit, or {@code null}
 * @param gitCommitMessage the full commit message, or {@code null}
 * @param gitRepositoryBranch the branch the commit was checked out from, or {@code null}
 * @param gitRepositoryBranchTip whether the commit was the branch tip at checkout time, or {@code
 *     null}
 * @param patchsetFiles the patches applied, in order, or {@code null}
 * @param patchsetHash sha256 over the patches' sha256 sums, {@code ""} when none were applied, or
 *     {@code null}
 * @param messageId the Message-ID of the e-mail introducing the code, or {@code null}
 * @param comment a human-readable comment, or {@code null}
 * @param startTime when the checkout started, or {@code null}
 * @param originBuildsFinishTime when the origin finished all builds it planned for the checkout, or
 *     {@code null}
 * @param originTestsFinishTime when the origin finished all tests it planned for the checkout, or
 *     {@code null}
 * @param logUrl the plain-text log of the checkout, or {@code null}
 * @param logExcerpt the most relevant part of the log, or {@code null}
 * @param valid whether the checkout succeeded (patches applied), or {@code null}
 * @param misc free-form extra data, or {@code null}; copied in (numbers in the node types a JSON
 *     parser gives them, at most 64 levels deep, finite) and copied again by {@link #misc()}
 * @param timestamp {@code _timestamp}, when the database last updated the object, or {@code null};
 *     metadata, ignored on submission
 */
public record Checkout(
    String id,
    String origin,
    String treeName,
    String gitRepositoryUrl,
    String gitCommitHash,
    String gitCommitName,
    List<String> gitCommitTags,
    String gitCommitMessage,
    String gitRepositoryBranch,
    Boolean gitRepositoryBranchTip,
    List<Resource> patchsetFiles,
    String patchsetHash,
    String messageId,
    String comment,
    OffsetDateTime startTime,
    OffsetDateTime originBuildsFinishTime,
    OffsetDateTime originTestsFinishTime,
    String logUrl,
    String logExcerpt,
    Boolean valid,
    ObjectNode misc,
    OffsetDateTime timestamp) {

  /**
   * Checks and copies the properties.
   *
   * @throws NullPointerException when a required property, or a list element, is null
   * @throws IllegalArgumentException when a property breaks its KCIDB rule, or the id does not
   *     start with {@code origin:} followed by a non-empty local part; the message names it
   */
  public Checkout {
    Checks.ownId(id, origin);
    Checks.text("treeName", treeName);
    Checks.optional("gitRepositoryUrl", gitRepositoryUrl, Syntax::httpsUrl);
    Checks.optional("gitCommitHash", gitCommitHash, Syntax::sha1);
    Checks.text("gitCommitName", gitCommitName);
    gitCommitTags = Checks.strings("gitCommitTags", gitCommitTags, Syntax::text);
    Checks.text("gitCommitMessage", gitCommitMessage);
    Checks.text("gitRepositoryBranch", gitRepositoryBranch);
    patchsetFiles = Checks.list("patchsetFiles", patchsetFiles);
    Checks.optional("patchsetHash", patchsetHash, Syntax::patchsetHash);
    Checks.optional("messageId", messageId, Syntax::messageId);
    Checks.text("comment", comment);
    Checks.time("startTime", startTime);
    Checks.time("originBuildsFinishTime", originBuildsFinishTime);
    Checks.time("originTestsFinishTime", originTestsFinishTime);
    Checks.optional("logUrl", logUrl, Syntax::uri);
    Checks.optional("logExcerpt", logExcerpt, Syntax::logExcerpt);
    misc = Checks.misc(misc);
    Checks.time("timestamp", timestamp);
  }

  /**
   * Starts a builder for the checkout {@code origin:localId}.
   *
   * @param origin the submitting CI system: a-z, 0-9 and _ only, such as {@code tuxsuite}
   * @param localId the id within that origin: non-empty, no NUL
   * @return a new builder; set the other properties, then {@code build()}
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the origin is not {@code [a-z0-9_]+} or the local id
   *     is empty or has a NUL
   */
  public static Builder newBuilder(String origin, String localId) {
    return new Builder(Checks.joinId(origin, localId), origin);
  }

  /**
   * Starts a builder for a checkout whose full id is known; its origin is the part before the first
   * {@code ':'}.
   *
   * @param id the id, {@code origin:localId}, with a non-empty local part
   * @return a new builder; set the other properties, then {@code build()}
   * @throws NullPointerException when the id is null
   * @throws IllegalArgumentException when the id is not {@code origin:localId}
   */
  public static Builder newBuilderForId(String id) {
    String origin = Checks.originOf(id);
    return new Builder(Checks.ownId(id, origin), origin);
  }

  /**
   * Returns a builder holding this checkout's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, origin);
    b.treeName = treeName;
    b.gitRepositoryUrl = gitRepositoryUrl;
    b.gitCommitHash = gitCommitHash;
    b.gitCommitName = gitCommitName;
    b.gitCommitTags = gitCommitTags;
    b.gitCommitMessage = gitCommitMessage;
    b.gitRepositoryBranch = gitRepositoryBranch;
    b.gitRepositoryBranchTip = gitRepositoryBranchTip;
    b.patchsetFiles = patchsetFiles;
    b.patchsetHash = patchsetHash;
    b.messageId = messageId;
    b.comment = comment;
    b.startTime = startTime;
    b.originBuildsFinishTime = originBuildsFinishTime;
    b.originTestsFinishTime = originTestsFinishTime;
    b.logUrl = logUrl;
    b.logExcerpt = logExcerpt;
    b.valid = valid;
    b.misc = misc;
    b.timestamp = timestamp;
    return b;
  }

  /**
   * Returns the free-form extra data.
   *
   * @return a deep copy, or {@code null} when absent
   */
  @Override
  public ObjectNode misc() {
    return misc == null ? null : misc.deepCopy();
  }

  ObjectNode toJsonNode() {
    ObjectNode o = JsonIo.NODES.objectNode();
    o.put("id", id);
    o.put("origin", origin);
    JsonIo.put(o, "tree_name", treeName);
    JsonIo.put(o, "git_repository_url", gitRepositoryUrl);
    JsonIo.put(o, "git_commit_hash", gitCommitHash);
    JsonIo.put(o, "git_commit_name", gitCommitName);
    JsonIo.putStrings(o, "git_commit_tags", gitCommitTags);
    JsonIo.put(o, "git_commit_message", gitCommitMessage);
    JsonIo.put(o, "git_repository_branch", gitRepositoryBranch);
    JsonIo.put(o, "git_repository_branch_tip", gitRepositoryBranchTip);
    JsonIo.putResources(o, "patchset_files", patchsetFiles);
    JsonIo.put(o, "patchset_hash", patchsetHash);
    JsonIo.put(o, "message_id", messageId);
    JsonIo.put(o, "comment", comment);
    JsonIo.put(o, "start_time", startTime);
    JsonIo.put(o, "origin_builds_finish_time", originBuildsFinishTime);
    JsonIo.put(o, "origin_tests_finish_time", originTestsFinishTime);
    JsonIo.put(o, "log_url", logUrl);
    JsonIo.put(o, "log_excerpt", logExcerpt);
    JsonIo.put(o, "valid", valid);
    JsonIo.putObject(o, "misc", misc);
    JsonIo.put(o, "_timestamp", timestamp);
    return o;
  }

  static Checkout read(JsonNode o) {
    return new Checkout(
        JsonIo.text(o, "id"),
        JsonIo.text(o, "origin"),
        JsonIo.text(o, "tree_name"),
        JsonIo.text(o, "git_repository_url"),
        JsonIo.text(o, "git_commit_hash"),
        JsonIo.text(o, "git_commit_name"),
        JsonIo.strings(o, "git_commit_tags"),
        JsonIo.text(o, "git_commit_message"),
        JsonIo.text(o, "git_repository_branch"),
        JsonIo.bool(o, "git_repository_branch_tip"),
        JsonIo.resources(o, "patchset_files"),
        JsonIo.text(o, "patchset_hash"),
        JsonIo.text(o, "message_id"),
        JsonIo.text(o, "comment"),
        JsonIo.time(o, "start_time"),
        JsonIo.time(o, "origin_builds_finish_time"),
        JsonIo.time(o, "origin_tests_finish_time"),
        JsonIo.text(o, "log_url"),
        JsonIo.text(o, "log_excerpt"),
        JsonIo.bool(o, "valid"),
        JsonIo.object(o, "misc"),
        JsonIo.time(o, "_timestamp"));
  }

  Checkout merge(Checkout later) {
    return new Checkout(
        id,
        origin,
        Checks.first(treeName, later.treeName),
        Checks.first(gitRepositoryUrl, later.gitRepositoryUrl),
        Checks.first(gitCommitHash, later.gitCommitHash),
        Checks.first(gitCommitName, later.gitCommitName),
        Checks.first(gitCommitTags, later.gitCommitTags),
        Checks.first(gitCommitMessage, later.gitCommitMessage),
        Checks.first(gitRepositoryBranch, later.gitRepositoryBranch),
        Checks.first(gitRepositoryBranchTip, later.gitRepositoryBranchTip),
        Checks.first(patchsetFiles, later.patchsetFiles),
        Checks.first(patchsetHash, later.patchsetHash),
        Checks.first(messageId, later.messageId),
        Checks.first(comment, later.comment),
        Checks.first(startTime, later.startTime),
        Checks.first(originBuildsFinishTime, later.originBuildsFinishTime),
        Checks.first(originTestsFinishTime, later.originTestsFinishTime),
        Checks.first(logUrl, later.logUrl),
        Checks.first(logExcerpt, later.logExcerpt),
        Checks.first(valid, later.valid),
        Checks.first(misc, later.misc),
        Checks.first(timestamp, later.timestamp));
  }

  /**
   * Builds a {@link Checkout}. Each setter checks its argument and names it when it is wrong;
   * {@code null} clears an optional property, which is then left out of the JSON.
   */
  public static final class Builder {
    private final String id;
    private final String origin;
    private String treeName;
    private String gitRepositoryUrl;
    private String gitCommitHash;
    private String gitCommitName;
    private List<String> gitCommitTags;
    private String gitCommitMessage;
    private String gitRepositoryBranch;
    private Boolean gitRepositoryBranchTip;
    private List<Resource> patchsetFiles;
    private String patchsetHash;
    private String messageId;
    private String comment;
    private OffsetDateTime startTime;
    private OffsetDateTime originBuildsFinishTime;
    private OffsetDateTime originTestsFinishTime;
    private String logUrl;
    private String logExcerpt;
    private Boolean valid;
    private ObjectNode misc;
    private OffsetDateTime timestamp;

    private Builder(String id, String origin) {
      this.id = id;
      this.origin = origin;
    }

    /**
     * Sets {@code tree_name}: the widely known name of the tree, such as {@code mainline}.
     *
     * @param treeName the name (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder treeName(String treeName) {
      this.treeName = Checks.text("treeName", treeName);
      return this;
    }

    /**
     * Sets {@code git_repository_url}: the git repository, the shortest {@code https://} URL.
     *
     * @param gitRepositoryUrl the URL (an {@code https://} URI), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder gitRepositoryUrl(String gitRepositoryUrl) {
      this.gitRepositoryUrl =
          Checks.optional("gitRepositoryUrl", gitRepositoryUrl, Syntax::httpsUrl);
      return this;
    }

    /**
     * Sets {@code git_commit_hash}: the full hash of the checked-out commit.
     *
     * @param gitCommitHash the hash (40 lower-case hex digits), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder gitCommitHash(String gitCommitHash) {
      this.gitCommitHash = Checks.optional("gitCommitHash", gitCommitHash, Syntax::sha1);
      return this;
    }

    /**
     * Sets {@code git_commit_name}: the commit as {@code git describe} names it.
     *
     * @param gitCommitName the name (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder gitCommitName(String gitCommitName) {
      this.gitCommitName = Checks.text("gitCommitName", gitCommitName);
      return this;
    }

    /**
     * Sets {@code git_commit_tags}: the annotated tags pointing at the commit.
     *
     * @param gitCommitTags the tags (each without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     * @throws NullPointerException when an element is null
     */
    public Builder gitCommitTags(List<String> gitCommitTags) {
      this.gitCommitTags = Checks.strings("gitCommitTags", gitCommitTags, Syntax::text);
      return this;
    }

    /**
     * Sets {@code git_commit_message}: the full commit message.
     *
     * @param gitCommitMessage the message (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder gitCommitMessage(String gitCommitMessage) {
      this.gitCommitMessage = Checks.text("gitCommitMessage", gitCommitMessage);
      return this;
    }

    /**
     * Sets {@code git_repository_branch}: the branch the commit was checked out from.
     *
     * @param gitRepositoryBranch the branch (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder gitRepositoryBranch(String gitRepositoryBranch) {
      this.gitRepositoryBranch = Checks.text("gitRepositoryBranch", gitRepositoryBranch);
      return this;
    }

    /**
     * Sets {@code git_repository_branch_tip}: whether the commit was the branch tip at checkout
     * time.
     *
     * @param gitRepositoryBranchTip the flag, or {@code null}
     * @return this builder
     */
    public Builder gitRepositoryBranchTip(Boolean gitRepositoryBranchTip) {
      this.gitRepositoryBranchTip = gitRepositoryBranchTip;
      return this;
    }

    /**
     * Sets {@code patchset_files}: the patches applied, in order.
     *
     * @param patchsetFiles the patch files, or {@code null}
     * @return this builder
     * @throws NullPointerException when an element is null
     */
    public Builder patchsetFiles(List<Resource> patchsetFiles) {
      this.patchsetFiles = Checks.list("patchsetFiles", patchsetFiles);
      return this;
    }

    /**
     * Sets {@code patchset_hash}: sha256 over the newline-terminated sha256 sums of the patches;
     * {@code ""} when none were applied (the dashboard groups checkouts only when it is set).
     *
     * @param patchsetHash the hash (64 lower-case hex digits, or empty when no patches were
     *     applied), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder patchsetHash(String patchsetHash) {
      this.patchsetHash = Checks.optional("patchsetHash", patchsetHash, Syntax::patchsetHash);
      return this;
    }

    /**
     * Sets {@code message_id}: the Message-ID of the e-mail that introduced the code.
     *
     * @param messageId the Message-ID (with an {@code @}, no NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder messageId(String messageId) {
      this.messageId = Checks.optional("messageId", messageId, Syntax::messageId);
      return this;
    }

    /**
     * Sets {@code comment}: a human-readable comment.
     *
     * @param comment the comment (free text without NUL), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder comment(String comment) {
      this.comment = Checks.text("comment", comment);
      return this;
    }

    /**
     * Sets {@code start_time}: when the checkout started.
     *
     * @param startTime the time (years 1 to 9999, offset in whole minutes), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder startTime(OffsetDateTime startTime) {
      this.startTime = Checks.time("startTime", startTime);
      return this;
    }

    /**
     * Sets {@code origin_builds_finish_time}: when the origin finished all builds it planned for
     * the checkout.
     *
     * @param originBuildsFinishTime the time (years 1 to 9999, offset in whole minutes), or {@code
     *     null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder originBuildsFinishTime(OffsetDateTime originBuildsFinishTime) {
      this.originBuildsFinishTime = Checks.time("originBuildsFinishTime", originBuildsFinishTime);
      return this;
    }

    /**
     * Sets {@code origin_tests_finish_time}: when the origin finished all tests it planned for the
     * checkout.
     *
     * @param originTestsFinishTime the time (years 1 to 9999, offset in whole minutes), or {@code
     *     null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder originTestsFinishTime(OffsetDateTime originTestsFinishTime) {
      this.originTestsFinishTime = Checks.time("originTestsFinishTime", originTestsFinishTime);
      return this;
    }

    /**
     * Sets {@code log_url}: the plain-text log of the checkout.
     *
     * @param logUrl the URL (an absolute RFC 3986 URI), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder logUrl(String logUrl) {
      this.logUrl = Checks.optional("logUrl", logUrl, Syntax::uri);
      return this;
    }

    /**
     * Sets {@code log_excerpt}: the most relevant part of the log.
     *
     * @param logExcerpt the excerpt (at most 16384 code points, no NUL; see {@link
     *     KcidbFormats#logExcerptTail(String)}), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder logExcerpt(String logExcerpt) {
      this.logExcerpt = Checks.optional("logExcerpt", logExcerpt, Syntax::logExcerpt);
      return this;
    }

    /**
     * Sets {@code valid}: whether the checkout succeeded (the patches applied).
     *
     * @param valid the flag, or {@code null}
     * @return this builder
     */
    public Builder valid(Boolean valid) {
      this.valid = valid;
      return this;
    }

    /**
     * Sets {@code misc}: free-form extra data.
     *
     * @param misc a JSON object, at most 64 levels deep, numbers finite (copied), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it nests deeper or holds a non-finite number
     */
    public Builder misc(ObjectNode misc) {
      this.misc = Checks.misc(misc);
      return this;
    }

    /**
     * Sets {@code _timestamp}: metadata, when the database last updated the object; ignored on
     * submission.
     *
     * @param timestamp the time (years 1 to 9999, offset in whole minutes), or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it breaks the rule
     */
    public Builder timestamp(OffsetDateTime timestamp) {
      this.timestamp = Checks.time("timestamp", timestamp);
      return this;
    }

    /**
     * Builds the checkout.
     *
     * @return the checkout
     */
    public Checkout build() {
      return new Checkout(
          id,
          origin,
          treeName,
          gitRepositoryUrl,
          gitCommitHash,
          gitCommitName,
          gitCommitTags,
          gitCommitMessage,
          gitRepositoryBranch,
          gitRepositoryBranchTip,
          patchsetFiles,
          patchsetHash,
          messageId,
          comment,
          startTime,
          originBuildsFinishTime,
          originTestsFinishTime,
          logUrl,
          logExcerpt,
          valid,
          misc,
          timestamp);
    }
  }
}
