package dev.buildbridge.workflow.kdl;

import dev.buildbridge.workflow.kdl.KdlParseException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads KDL documents, <a href="https://kdl.dev/spec">KDL 2.0.0</a> and
 * <a href="https://kdl.dev/spec-v1">KDL 1.0.0</a>, into {@link KdlDocument}s. Immutable and
 * thread-safe: build one and share it.
 *
 * <pre>{@code
 * KdlDocument doc = KdlParser.auto().parse(Path.of(".solstice/workflow.kdl"));
 *
 * KdlParser strict = KdlParser.newBuilder()
 *     .version(KdlVersion.V2)
 *     .maxDepth(32)
 *     .maxLength(1 << 20)
 *     .build();
 * try {
 *     strict.parse("ci.kdl", "job id=\"build\" cache=#maybe\n");
 * } catch (KdlParseException e) {
 *     System.err.println(e.report());
 *     // ci.kdl:1:22: unknown keyword #maybe; KDL 2 has #true, #false, #null, #inf, #-inf and #nan
 *     // job id="build" cache=#maybe
 *     //                      ^
 * }
 * }</pre>
 *
 * <p>{@link #auto()} reads KDL 2 and, if that fails, KDL 1, as the KDL spec allows: a document
 * valid in both yields the same data either way. When both fail, the error reported is the one
 * found further into the text (KDL 2's on a tie); the other is attached as a suppressed exception.
 * A leading version marker, {@code /- kdl-version 1} or {@code /- kdl-version 2} (after an optional
 * byte order mark), picks the version in auto mode, and a parser fixed to one version refuses a
 * document marked with the other.
 *
 * <p>Both grammars are followed as the official test suites read them. Where a suite is more
 * lenient than the written grammar, the parser follows the suite: in KDL 2 a slashdash or a
 * children block may follow an entry without whitespace ({@code node "a"/-1}) and U+000B is a
 * newline; in KDL 1 a {@code /} may appear inside a bare identifier and a line continuation may
 * stand between nodes. KDL 1 documents may also end a children block's last node with the
 * <code>}</code> and write an empty {@code //} comment, as common KDL 1 parsers allow.
 *
 * <p>Hostile text is expected: the parser throws nothing but {@link KdlParseException}, whatever
 * it reads. Children blocks nested deeper than {@link Builder#maxDepth(int)} fail with
 * {@link Reason#TOO_DEEP} (nesting uses heap, never the Java stack), texts longer than
 * {@link Builder#maxLength(int)} with {@link Reason#TOO_LARGE}, and so do number literals of more
 * than 1000 digits and exponents beyond ±999999999 (numbers are kept exactly, and larger ones cost
 * quadratic time to convert).
 */
public final class KdlParser {
  /** Default limit of nested children blocks: 256. */
  public static final int DEFAULT_MAX_DEPTH = 256;
  /** Default limit of the text length: 16 MiB of chars. */
  public static final int DEFAULT_MAX_LENGTH = 16 << 20;

  private static final String NO_FILE = "<input>";
  private static final KdlParser AUTO = new Builder().build();
  private static final KdlParser V1 = new Builder().version(KdlVersion.V1).build();
  private static final KdlParser V2 = new Builder().version(KdlVersion.V2).build();

  private final KdlVersion version;
  private final int maxDepth;
  private final int maxLength;

  private KdlParser(Builder b) {
    this.version = b.version;
    this.maxDepth = b.maxDepth;
    this.maxLength = b.maxLength;
  }

  /**
   * Returns the parser of KDL 1.0.0 with the default limits.
   *
   * @return the shared parser
   */
  public static KdlParser v1() {
    return V1;
  }

  /**
   * Returns the parser of KDL 2.0.0 with the default limits.
   *
   * @return the shared parser
   */
  public static KdlParser v2() {
    return V2;
  }

  /**
   * Returns the parser that reads KDL 2.0.0, else KDL 1.0.0, with the default limits.
   *
   * @return the shared parser
   */
  public static KdlParser auto() {
    return AUTO;
  }

  /**
   * Starts a builder. Defaults: both versions (KDL 2, then KDL 1), at most
   * {@value #DEFAULT_MAX_DEPTH} nested children blocks, at most {@value #DEFAULT_MAX_LENGTH}
   * chars.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this parser's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.version = version;
    b.maxDepth = maxDepth;
    b.maxLength = maxLength;
    return b;
  }

  /**
   * Returns the version this parser reads.
   *
   * @return the version, or empty when it reads both (KDL 2, then KDL 1)
   */
  public Optional<KdlVersion> version() {
    return Optional.ofNullable(version);
  }

  /**
   * Returns the largest number of nested children blocks accepted.
   *
   * @return the limit
   */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * Returns the largest text accepted, in chars.
   *
   * @return the limit
   */
  public int maxLength() {
    return maxLength;
  }

  /**
   * Reads a document from text.
   *
   * @param fileName the name used in locations and messages; {@code null} for {@code "<input>"}
   * @param source the text
   * @return the document
   * @throws KdlParseException when the text is not a valid KDL document of the version(s) read,
   *     is too large or too deep, or holds a code point KDL forbids or an unpaired surrogate
   */
  public KdlDocument parse(String fileName, CharSequence source) {
    Objects.requireNonNull(source, "source");
    String file = fileName == null ? NO_FILE : fileName;
    int n = source.length();
    if (n > maxLength) {
      throw tooLarge(file, n + " chars");
    }
    char[] chars;
    if (source instanceof String str) {
      chars = str.toCharArray();
    } else {
      chars = new char[n];
      for (int i = 0; i < n; i++) {
        chars[i] = source.charAt(i);
      }
    }
    return parse(file, chars, n);
  }

  /**
   * Reads a document from UTF-8 bytes. Decoding is strict: a malformed sequence, an overlong form,
   * an encoded surrogate or a code point above U+10FFFF fails with
   * {@link Reason#INVALID_ENCODING} at the line and column of the bad byte.
   *
   * @param fileName the name used in locations and messages; {@code null} for {@code "<input>"}
   * @param utf8 the bytes; a leading byte order mark is allowed
   * @return the document
   * @throws KdlParseException when the bytes are not UTF-8 or the text is not a valid KDL document
   *     of the version(s) read, or is too large or too deep
   */
  public KdlDocument parse(String fileName, byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    String file = fileName == null ? NO_FILE : fileName;
    // UTF-8 spends at most three bytes per char, so this many bytes are too many chars
    if (utf8.length / 3 > maxLength) {
      throw tooLarge(file, utf8.length + " bytes");
    }
    // fewer bytes than the limit cannot decode to more chars; more are counted before decoding,
    // so that a text over the limit costs no decoded copy
    if (utf8.length > maxLength) {
      long count = Utf8.countChars(utf8);
      if (count > maxLength) {
        throw tooLarge(file, count + " chars");
      }
    }
    int[] length = new int[1];
    char[] chars = Utf8.decode(utf8, file, version != KdlVersion.V1, length);
    if (length[0] > maxLength) {
      throw tooLarge(file, length[0] + " chars");
    }
    return parse(file, chars, length[0]);
  }

  /**
   * Reads a document from a UTF-8 file.
   *
   * @param file the file; its name in locations and messages is the path as given
   * @return the document
   * @throws IOException when the file cannot be read
   * @throws KdlParseException as {@link #parse(String, byte[])} does
   */
  public KdlDocument parse(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    // read no more than can decode to maxLength chars, whatever the file grows to meanwhile
    int cap = (int) Math.min(3L * maxLength + 3, Integer.MAX_VALUE - 8);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(cap);
      if (in.read() >= 0) {
        throw tooLarge(name, "more than " + cap + " bytes");
      }
    }
    return parse(name, bytes);
  }

  private KdlDocument parse(String file, char[] chars, int n) {
    int marker = KdlReader.versionMarker(chars, n);
    KdlVersion marked = marker < 0 ? null : chars[marker] == '1' ? KdlVersion.V1 : KdlVersion.V2;
    if (version != null) {
      KdlReader reader = new KdlReader(chars, n, file, version, maxDepth);
      if (marked != null && marked != version) {
        throw reader.error(Reason.SYNTAX, "the document is marked /- kdl-version "
            + marked.number() + " but is read as KDL " + version.number(), marker);
      }
      return reader.read();
    }
    if (marked != null) {
      return new KdlReader(chars, n, file, marked, maxDepth).read();
    }
    try {
      return new KdlReader(chars, n, file, KdlVersion.V2, maxDepth).read();
    } catch (KdlParseException asV2) {
      try {
        return new KdlReader(chars, n, file, KdlVersion.V1, maxDepth).read();
      } catch (KdlParseException asV1) {
        KdlParseException chosen = further(asV1, asV2) ? asV1 : asV2;
        chosen.addSuppressed(chosen == asV1 ? asV2 : asV1);
        throw chosen;
      }
    }
  }

  private static boolean further(KdlParseException a, KdlParseException b) {
    return a.line() > b.line() || (a.line() == b.line() && a.column() > b.column());
  }

  private KdlParseException tooLarge(String file, String size) {
    return new KdlParseException(Reason.TOO_LARGE, "the text has " + size
        + ", more than the limit of " + maxLength + " chars", new KdlLocation(file, 1, 1), "");
  }

  /**
   * Returns a description of the settings, for logs.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "KdlParser[version=" + (version == null ? "auto" : version) + ", maxDepth=" + maxDepth
        + ", maxLength=" + maxLength + "]";
  }

  /**
   * Settings of a {@link KdlParser}.
   *
   * <pre>{@code
   * KdlParser parser = KdlParser.newBuilder().version(KdlVersion.V1).maxDepth(16).build();
   * KdlParser relaxed = parser.toBuilder().autoVersion().build();
   * }</pre>
   */
  public static final class Builder {
    private KdlVersion version;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxLength = DEFAULT_MAX_LENGTH;

    private Builder() {}

    /**
     * Reads only one version. By default both are tried, KDL 2 first.
     *
     * @param version the version
     * @return this builder
     * @throws NullPointerException when {@code version} is {@code null}
     */
    public Builder version(KdlVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Reads KDL 2 and, when that fails, KDL 1: the default.
     *
     * @return this builder
     */
    public Builder autoVersion() {
      this.version = null;
      return this;
    }

    /**
     * Sets how deep children blocks may nest. Default {@value KdlParser#DEFAULT_MAX_DEPTH}; 0
     * allows no children block at all. The parser itself takes any depth without recursion, but
     * the document's records compare, hash and print themselves recursively
     * ({@link KdlNode#equals(Object)}), so keep this within a few thousand.
     *
     * @param maxDepth the limit, at least 0
     * @return this builder
     * @throws IllegalArgumentException when {@code maxDepth} is negative
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 0) {
        throw new IllegalArgumentException("maxDepth < 0: " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Sets the longest text accepted, in chars (UTF-16 units). Default
     * {@value KdlParser#DEFAULT_MAX_LENGTH} (16 MiB).
     *
     * @param maxLength the limit, at least 0
     * @return this builder
     * @throws IllegalArgumentException when {@code maxLength} is negative
     */
    public Builder maxLength(int maxLength) {
      if (maxLength < 0) {
        throw new IllegalArgumentException("maxLength < 0: " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     */
    public KdlParser build() {
      return new KdlParser(this);
    }
  }
}
