package dev.buildbridge.kcidb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A KCIDB I/O document, schema v5.3: the checkouts, builds, tests, issues and incidents of one
 * submission. It is always written with {@code "version": {"major": 5, "minor": 3}}; empty lists
 * are left out. Immutable; every object in it passed its record's checks, so
 * {@link #toJson()} always gives a document that {@link KcidbValidator#strict()} accepts.
 *
 * <pre>{@code
 * KcidbDocument document = KcidbDocument.newBuilder()
 *     .addCheckout(checkout)
 *     .addBuild(build)
 *     .addTest(test)
 *     .build();
 * byte[] body = document.toJson();                      // POST it to KCIDB's /submit
 * KcidbDocument again = KcidbDocument.parse(body);      // equal to document
 * }</pre>
 *
 * <p>KCIDB merges objects with the same id field by field, keeping the first non-null value it
 * stored. {@link #merged()} applies that rule inside one document; {@link #plus(KcidbDocument)}
 * just concatenates.
 *
 * @param checkouts the checkouts; unmodifiable
 * @param builds the builds; unmodifiable
 * @param tests the test runs; unmodifiable
 * @param issues the issues; unmodifiable
 * @param incidents the incidents; unmodifiable
 */
public record KcidbDocument(
    List<Checkout> checkouts,
    List<Build> builds,
    List<TestRun> tests,
    List<Issue> issues,
    List<Incident> incidents) {

  /** The schema major version this SDK writes: 5. */
  public static final int SCHEMA_MAJOR = 5;
  /** The schema minor version this SDK writes: 3. */
  public static final int SCHEMA_MINOR = 3;

  private static final KcidbDocument EMPTY =
      new KcidbDocument(List.of(), List.of(), List.of(), List.of(), List.of());
  private static final ObjectMapper WRITER = new ObjectMapper();

  /**
   * Copies the lists; a null list is empty.
   *
   * @throws NullPointerException when a list holds null
   */
  public KcidbDocument {
    checkouts = Checks.elements("checkouts", checkouts);
    builds = Checks.elements("builds", builds);
    tests = Checks.elements("tests", tests);
    issues = Checks.elements("issues", issues);
    incidents = Checks.elements("incidents", incidents);
  }

  /**
   * Returns the document without objects.
   *
   * @return an empty document
   */
  public static KcidbDocument empty() {
    return EMPTY;
  }

  /**
   * Starts a builder for an empty document.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this document's objects, to add more.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().addAll(this);
  }

  /**
   * Returns how many objects the document holds, of all five kinds.
   *
   * @return the object count
   */
  public int size() {
    return checkouts.size() + builds.size() + tests.size() + issues.size() + incidents.size();
  }

  /**
   * Tells whether the document holds no object.
   *
   * @return true when {@link #size()} is 0
   */
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * Returns this document's objects followed by another's, without merging duplicates.
   *
   * @param other the document to append
   * @return the concatenation
   * @throws NullPointerException when {@code other} is null
   */
  public KcidbDocument plus(KcidbDocument other) {
    Objects.requireNonNull(other, "other");
    return toBuilder().addAll(other).build();
  }

  /**
   * Returns the document with objects of the same identity merged the way KCIDB merges them:
   * field by field, the first non-null value wins ({@code misc} whole, not key by key). The
   * identity is the {@code id}, and for issues {@code id} and {@code version}. Objects keep the
   * order of their first occurrence.
   *
   * @return the merged document (this one when nothing was merged)
   */
  public KcidbDocument merged() {
    KcidbDocument merged = new KcidbDocument(
        merge(checkouts, Checkout::id, Checkout::merge),
        merge(builds, Build::id, Build::merge),
        merge(tests, TestRun::id, TestRun::merge),
        merge(issues, i -> i.id() + "\0" + i.version(), Issue::merge),
        merge(incidents, Incident::id, Incident::merge));
    return merged.size() == size() ? this : merged;
  }

  private static <T> List<T> merge(List<T> objects, Function<T, String> identity,
      BinaryOperator<T> merge) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T object : objects) {
      byId.merge(identity.apply(object), object, merge);
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * Splits the document into documents of at most {@code maxObjects} objects each, in order
   * (checkouts, builds, tests, issues, incidents), to keep submissions small. KCIDB accepts
   * objects whose parents arrive in another submission.
   *
   * @param maxObjects the most objects per document, at least 1
   * @return the parts; a single part when the document is small enough, none when it is empty
   * @throws IllegalArgumentException when {@code maxObjects} is less than 1
   */
  public List<KcidbDocument> partition(int maxObjects) {
    if (maxObjects < 1) {
      throw new IllegalArgumentException("maxObjects must be >= 1, was " + maxObjects);
    }
    if (size() <= maxObjects) {
      return isEmpty() ? List.of() : List.of(this);
    }
    List<KcidbDocument> parts = new ArrayList<>();
    Builder part = new Builder();
    int count = 0;
    List<List<?>> lists = List.of(checkouts, builds, tests, issues, incidents);
    for (List<?> list : lists) {
      for (Object object : list) {
        if (count == maxObjects) {
          parts.add(part.build());
          part = new Builder();
          count = 0;
        }
        part.add(object);
        count++;
      }
    }
    parts.add(part.build());
    return List.copyOf(parts);
  }

  /**
   * Returns the document as a JSON tree: version 5.3, then the non-empty lists. Absent properties
   * are left out, never written as null.
   *
   * @return a new tree the caller may change
   */
  public ObjectNode toJsonNode() {
    ObjectNode root = JsonIo.NODES.objectNode();
    root.putObject("version").put("major", SCHEMA_MAJOR).put("minor", SCHEMA_MINOR);
    put(root, "checkouts", checkouts, Checkout::toJsonNode);
    put(root, "builds", builds, Build::toJsonNode);
    put(root, "tests", tests, TestRun::toJsonNode);
    put(root, "issues", issues, Issue::toJsonNode);
    put(root, "incidents", incidents, Incident::toJsonNode);
    return root;
  }

  private static <T> void put(ObjectNode root, String key, List<T> objects,
      Function<T, ObjectNode> toJson) {
    if (!objects.isEmpty()) {
      ArrayNode array = root.putArray(key);
      for (T object : objects) {
        array.add(toJson.apply(object));
      }
    }
  }

  /**
   * Returns the document as compact UTF-8 JSON, the body KCIDB's {@code /submit} takes. The same
   * document always gives the same bytes.
   *
   * @return the JSON bytes
   */
  public byte[] toJson() {
    try {
      return WRITER.writeValueAsBytes(toJsonNode());
    } catch (JsonProcessingException e) {
      throw new KcidbException(KcidbException.Reason.INVALID_DOCUMENT,
          "cannot write the document as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a document, strictly: it must be JSON that {@link KcidbValidator#strict()} accepts.
   * Any minor version 5.0 to 5.3 is read (and written back as 5.3), but, as kcidb-io does, a
   * property newer than the declared minor version is refused. Fraction digits of times beyond
   * nanoseconds are dropped; an offset beyond ±18:00 becomes UTC (the same instant).
   *
   * @param json the document as UTF-8 JSON
   * @return the document
   * @throws KcidbValidationException when it is not JSON or breaks a rule; the violations name
   *     the JSON pointers
   * @throws NullPointerException when {@code json} is null
   */
  public static KcidbDocument parse(byte[] json) {
    return read(KcidbValidator.strict().requireValid(json));
  }

  /**
   * Reads a parsed document, as strictly as {@link #parse(byte[])}.
   *
   * @param document the document; not modified
   * @return the document
   * @throws KcidbValidationException when it breaks a rule
   * @throws NullPointerException when {@code document} is null
   */
  public static KcidbDocument fromJsonNode(JsonNode document) {
    KcidbValidator.strict().requireValid(document);
    return read(document);
  }

  private static KcidbDocument read(JsonNode root) {
    try {
      return readValid(root);
    } catch (IllegalArgumentException e) {
      // the strict validator and the records apply the same rules; this only guards against a gap
      throw new KcidbValidationException("KCIDB document",
          new ValidationResult(false, List.of(new Violation("", e.getMessage())), 0), e);
    }
  }

  private static KcidbDocument readValid(JsonNode root) {
    return new KcidbDocument(
        read(root, "checkouts", Checkout::read),
        read(root, "builds", Build::read),
        read(root, "tests", TestRun::read),
        read(root, "issues", Issue::read),
        read(root, "incidents", Incident::read));
  }

  private static <T> List<T> read(JsonNode root, String key, Function<JsonNode, T> reader) {
    JsonNode array = root.get(key);
    if (array == null) {
      return List.of();
    }
    List<T> objects = new ArrayList<>(array.size());
    for (JsonNode object : array) {
      objects.add(reader.apply(object));
    }
    return objects;
  }

  /** Collects objects for a {@link KcidbDocument}, in the order they are added. */
  public static final class Builder {
    private final List<Checkout> checkouts = new ArrayList<>();
    private final List<Build> builds = new ArrayList<>();
    private final List<TestRun> tests = new ArrayList<>();
    private final List<Issue> issues = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a checkout.
     *
     * @param checkout the checkout
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder addCheckout(Checkout checkout) {
      checkouts.add(Objects.requireNonNull(checkout, "checkout"));
      return this;
    }

    /**
     * Adds a build.
     *
     * @param build the build
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder addBuild(Build build) {
      builds.add(Objects.requireNonNull(build, "build"));
      return this;
    }

    /**
     * Adds a test run.
     *
     * @param test the test run
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder addTest(TestRun test) {
      tests.add(Objects.requireNonNull(test, "test"));
      return this;
    }

    /**
     * Adds an issue.
     *
     * @param issue the issue
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder addIssue(Issue issue) {
      issues.add(Objects.requireNonNull(issue, "issue"));
      return this;
    }

    /**
     * Adds an incident.
     *
     * @param incident the incident
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder addIncident(Incident incident) {
      incidents.add(Objects.requireNonNull(incident, "incident"));
      return this;
    }

    /**
     * Adds every object of a document.
     *
     * @param document the document
     * @return this builder
     * @throws NullPointerException when it is null
     */
    public Builder addAll(KcidbDocument document) {
      Objects.requireNonNull(document, "document");
      checkouts.addAll(document.checkouts());
      builds.addAll(document.builds());
      tests.addAll(document.tests());
      issues.addAll(document.issues());
      incidents.addAll(document.incidents());
      return this;
    }

    private void add(Object object) {
      if (object instanceof Checkout) {
        addCheckout((Checkout) object);
      } else if (object instanceof Build) {
        addBuild((Build) object);
      } else if (object instanceof TestRun) {
        addTest((TestRun) object);
      } else if (object instanceof Issue) {
        addIssue((Issue) object);
      } else {
        addIncident((Incident) object);
      }
    }

    /**
     * Builds the document.
     *
     * @return the document
     */
    public KcidbDocument build() {
      return new KcidbDocument(checkouts, builds, tests, issues, incidents);
    }
  }
}
