package dev.buildbridge.workflow.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowProblem;
import dev.buildbridge.workflow.kdl.KdlLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads one YAML document into a {@link YamlNode} tree that keeps the {@code file:line:column} of
 * every node, with Jackson's YAML data format (SnakeYAML's event parser underneath). Immutable
 * and thread-safe.
 *
 * <p>Hostile input fails fast with a {@link WorkflowException}: more than {@code maxBytes} bytes
 * (or characters) is {@link WorkflowException.Reason#TOO_LARGE}; anything else is
 * {@link WorkflowException.Reason#INVALID} with one problem at its location: not YAML, not UTF-8,
 * nesting deeper than {@code maxDepth}, more than {@code maxAliases} aliases of lists or
 * mappings, aliases that expand the document past {@value #MAX_NODES} nodes (a "billion
 * laughs"), an unknown or self-containing alias, a binary value, or more than one document. A
 * duplicate key is a problem handed to the caller, who reports it with its own. Aliases are not
 * copied: an alias is the anchored node itself, so memory stays proportional to the input.
 */
public final class YamlReader {
  /** Default largest input: {@value} bytes (1 MiB). */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;
  /** Default deepest nesting of lists and mappings: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  /** Default most aliases of lists and mappings: {@value}. */
  public static final int DEFAULT_MAX_ALIASES = 1000;
  /** Most nodes a document may expand to, aliases counted each time they are used: {@value}. */
  public static final long MAX_NODES = 1_000_000;

  private static final String MERGE_KEY = "<<";

  private final int maxBytes;
  private final int maxDepth;
  private final int maxAliases;
  private final AnchorFactory factory;

  /**
   * Creates a reader.
   *
   * @param maxBytes the largest input in bytes (and characters), at least 1
   * @param maxDepth the deepest nesting of lists and mappings, at least 1
   * @param maxAliases the most aliases of lists and mappings, at least 0
   * @throws IllegalArgumentException when a limit is out of range
   */
  public YamlReader(int maxBytes, int maxDepth, int maxAliases) {
    this.maxBytes = checkMaxBytes(maxBytes);
    this.maxDepth = checkMaxDepth(maxDepth);
    this.maxAliases = checkMaxAliases(maxAliases);
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(maxBytes);
    options.setMaxAliasesForCollections(Math.max(1, maxAliases));
    options.setNestingDepthLimit(maxDepth);
    options.setAllowRecursiveKeys(false);
    this.factory = new AnchorFactory(YAMLFactory.builder()
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)   // "key:" is null, as in YAML
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth + 8)
            .maxStringLength(maxBytes)
            .build()));
  }

  /**
   * Checks a byte limit.
   *
   * @param maxBytes the limit
   * @return the limit
   * @throws IllegalArgumentException when below 1
   */
  public static int checkMaxBytes(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
    }
    return maxBytes;
  }

  /**
   * Checks a depth limit.
   *
   * @param maxDepth the limit
   * @return the limit
   * @throws IllegalArgumentException when below 1 or above 1000
   */
  public static int checkMaxDepth(int maxDepth) {
    if (maxDepth < 1 || maxDepth > 1000) {
      throw new IllegalArgumentException("maxDepth must be between 1 and 1000: " + maxDepth);
    }
    return maxDepth;
  }

  /**
   * Checks an alias limit.
   *
   * @param maxAliases the limit
   * @return the limit
   * @throws IllegalArgumentException when negative
   */
  public static int checkMaxAliases(int maxAliases) {
    if (maxAliases < 0) {
      throw new IllegalArgumentException("maxAliases must not be negative: " + maxAliases);
    }
    return maxAliases;
  }

  /**
   * Returns the byte limit.
   *
   * @return the largest input in bytes
   */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the depth limit.
   *
   * @return the deepest nesting
   */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * Returns the alias limit.
   *
   * @return the most aliases of collections
   */
  public int maxAliases() {
    return maxAliases;
  }

  /**
   * Reads a document given as UTF-8 bytes (a leading byte order mark is skipped).
   *
   * @param file the file name for locations
   * @param utf8 the bytes
   * @param problems receives the problems that do not stop the reading (a duplicate key, of
   *     which the first is kept), for the caller to report with its own
   * @return the root node; a null scalar at {@code 1:1} for an empty document
   * @throws WorkflowException as the class describes
   */
  public YamlNode read(String file, byte[] utf8, List<WorkflowProblem> problems) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(utf8, "utf8");
    Objects.requireNonNull(problems, "problems");
    if (utf8.length > maxBytes) {
      throw tooLarge(file, utf8.length + " bytes");
    }
    return parse(file, decode(file, utf8), problems);
  }

  /**
   * Reads a document given as text (a leading byte order mark is skipped).
   *
   * @param file the file name for locations
   * @param text the text
   * @param problems receives the problems that do not stop the reading
   * @return the root node; a null scalar at {@code 1:1} for an empty document
   * @throws WorkflowException as the class describes
   */
  public YamlNode read(String file, CharSequence text, List<WorkflowProblem> problems) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(problems, "problems");
    if (text.length() > maxBytes) {
      throw tooLarge(file, text.length() + " characters");
    }
    return parse(file, text.toString(), problems);
  }

  private WorkflowException tooLarge(String file, String size) {
    return new WorkflowException(WorkflowException.Reason.TOO_LARGE, file + " is " + size
        + ", over the limit of " + maxBytes + " bytes", null);
  }

  private static String decode(String file, byte[] utf8) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      out.flip();
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = before.codePointCount(lineStart, before.length()) + 1;
      throw invalid(new KdlLocation(file, line, column), "not UTF-8: malformed byte 0x"
          + Integer.toHexString(utf8[offset] & 0xff) + " at offset " + offset);
    }
    out.flip();
    return out.toString();
  }

  private YamlNode parse(String file, String text, List<WorkflowProblem> problems) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    try (JsonParser parser = factory.createParser(new StringReader(text))) {
      return new Build(file, (AnchoredParser) parser, problems).document();
    } catch (WorkflowException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw syntax(file, e);
    } catch (IOException | RuntimeException e) {
      throw invalid(new KdlLocation(file, 1, 1), "not YAML: " + oneLine(String.valueOf(
          e.getMessage())));
    }
  }

  private static WorkflowException syntax(String file, JsonProcessingException e) {
    MarkedYAMLException marked = null;
    for (Throwable t = e; t != null && marked == null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        marked = m;
      }
    }
    KdlLocation at;
    String message;
    if (marked != null && marked.getProblemMark() != null) {
      at = location(file, marked.getProblemMark());
      message = String.valueOf(marked.getProblem());
      if (marked.getContext() != null && marked.getContextMark() != null) {
        KdlLocation context = location(file, marked.getContextMark());
        message += " (" + marked.getContext() + " at " + context.line() + ":" + context.column()
            + ")";
      }
    } else {
      JsonLocation l = e.getLocation();
      at = l == null ? new KdlLocation(file, 1, 1)
          : new KdlLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
      message = String.valueOf(e.getOriginalMessage());
      int cut = message.indexOf(": <org.yaml");
      if (cut > 0) {
        message = message.substring(0, cut);   // no SnakeYAML event dump
      }
    }
    return invalid(at, "not YAML: " + oneLine(message));
  }

  private static KdlLocation location(String file, Mark mark) {
    return new KdlLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String oneLine(String message) {
    String s = message.strip().replace('\n', ' ').replace('\r', ' ');
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  static WorkflowException invalid(KdlLocation at, String message) {
    return WorkflowException.invalid(List.of(new WorkflowProblem(at, message)));
  }

  /**
   * Makes {@link AnchoredParser}s: Jackson's parser reports the anchors of lists and mappings
   * ({@code getObjectId()}) but not those of scalars ({@code &name value}).
   */
  private static final class AnchorFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    AnchorFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
      return new AnchoredParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          reader);
    }
  }

  /** Jackson's YAML parser, telling the anchor of the node it is on, scalars included. */
  private static final class AnchoredParser extends YAMLParser {
    AnchoredParser(IOContext context, int parserFeatures, int yamlFeatures,
        LoaderOptions options, Reader reader) {
      super(context, parserFeatures, yamlFeatures, options, null, reader);
    }

    /** The anchor of the current scalar, list or mapping (not meaningful on an alias). */
    String anchor() {
      return _lastEvent instanceof NodeEvent node ? node.getAnchor() : null;
    }
  }

  /** An open list or mapping. */
  private static final class Frame {
    final KdlLocation location;
    final String anchor;
    final boolean mapping;
    final List<YamlNode> items = new ArrayList<>();
    final LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    final List<YamlNode.Entry> merges = new ArrayList<>();
    String key;
    KdlLocation keyLocation;
    long size = 1;
    int height = 1;

    Frame(KdlLocation location, String anchor, boolean mapping) {
      this.location = location;
      this.anchor = anchor;
      this.mapping = mapping;
    }
  }

  /** One read: the token loop, the anchors and the counts. */
  private final class Build {
    private final String file;
    private final AnchoredParser parser;
    private final List<WorkflowProblem> problems;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private long nodes;
    private int aliases;

    Build(String file, AnchoredParser parser, List<WorkflowProblem> problems) {
      this.file = file;
      this.parser = parser;
      this.problems = problems;
    }

    YamlNode document() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return new YamlNode.Scalar(new KdlLocation(file, 1, 1), YamlNode.Type.NULL, "", null,
            false);
      }
      YamlNode root = null;
      while (root == null) {
        if (token == null) {
          throw invalid(here(), "not YAML: the document ends early");
        }
        root = step(token);
        if (root == null) {
          token = parser.nextToken();
        }
      }
      JsonToken more = parser.nextToken();
      if (more != null) {
        throw invalid(here(), "more than one YAML document; a file holds one");
      }
      return root;
    }

    /** Handles one token; returns the root when it completes. */
    private YamlNode step(JsonToken token) throws IOException {
      switch (token) {
        case START_OBJECT:
        case START_ARRAY:
          if (open.size() + 1 > maxDepth) {
            throw invalid(here(), "lists and mappings nest deeper than " + maxDepth + " levels");
          }
          String anchor = parser.anchor();
          if (anchor != null) {
            openAnchors.add(anchor);
          }
          count(1);
          open.push(new Frame(here(), anchor, token == JsonToken.START_OBJECT));
          return null;
        case FIELD_NAME:
          Frame frame = open.peek();
          frame.key = parser.currentName();
          frame.keyLocation = here();
          return null;
        case END_OBJECT:
        case END_ARRAY:
          return add(close(open.pop()));
        case VALUE_EMBEDDED_OBJECT:
          throw invalid(here(), "binary values (!!binary) are not supported");
        default:
          if (parser.isCurrentAlias()) {
            return add(alias(parser.getText()));
          }
          count(1);
          YamlNode scalar = scalar(token);
          String name = parser.anchor();
          if (name != null) {
            anchors.put(name, scalar);
          }
          return add(scalar);
      }
    }

    private YamlNode scalar(JsonToken token) throws IOException {
      KdlLocation at = here();
      String text = parser.getText();
      switch (token) {
        case VALUE_NUMBER_INT:
          Long value;
          try {
            value = parser.getLongValue();
          } catch (InputCoercionException e) {
            value = null;
          }
          return new YamlNode.Scalar(at, YamlNode.Type.INTEGER, text, value, false);
        case VALUE_NUMBER_FLOAT:
          return new YamlNode.Scalar(at, YamlNode.Type.FLOAT, text, null, false);
        case VALUE_TRUE:
          return new YamlNode.Scalar(at, YamlNode.Type.BOOLEAN, text, null, true);
        case VALUE_FALSE:
          return new YamlNode.Scalar(at, YamlNode.Type.BOOLEAN, text, null, false);
        case VALUE_NULL:
          return new YamlNode.Scalar(at, YamlNode.Type.NULL, text == null ? "" : text, null,
              false);
        default:
          return new YamlNode.Scalar(at, YamlNode.Type.STRING, text == null ? "" : text, null,
              false);
      }
    }

    private YamlNode alias(String name) {
      YamlNode target = anchors.get(name);
      if (target == null) {
        throw invalid(here(), openAnchors.contains(name)
            ? "alias *" + Texts.cut(name) + " is used inside the node it names"
            : "unknown alias *" + Texts.cut(name) + " (no &" + Texts.cut(name) + " before it)");
      }
      if (!(target instanceof YamlNode.Scalar) && ++aliases > maxAliases) {
        throw invalid(here(), "more than " + maxAliases + " aliases of lists and mappings");
      }
      if (open.size() + target.height > maxDepth + 1) {
        throw invalid(here(), "alias *" + Texts.cut(name) + " nests lists and mappings deeper"
            + " than " + maxDepth + " levels");
      }
      count(target.size);
      return target;
    }

    private void count(long added) {
      nodes += added;
      if (nodes > MAX_NODES) {
        throw invalid(here(), "aliases expand the document to more than " + MAX_NODES
            + " nodes");
      }
    }

    private YamlNode close(Frame frame) {
      if (frame.anchor != null) {
        openAnchors.remove(frame.anchor);
      }
      YamlNode node;
      if (frame.mapping) {
        for (YamlNode.Entry merge : frame.merges) {
          merge(frame, merge);
        }
        node = new YamlNode.Mapping(frame.location, frame.entries, frame.size, frame.height);
      } else {
        node = new YamlNode.Sequence(frame.location, frame.items, frame.size, frame.height);
      }
      if (frame.anchor != null) {
        anchors.put(frame.anchor, node);
      }
      return node;
    }

    /** Applies {@code <<: *base} or {@code <<: [*a, *b]}: keys not set already, first wins. */
    private void merge(Frame frame, YamlNode.Entry merge) {
      YamlNode value = merge.value();
      List<YamlNode> sources = value instanceof YamlNode.Sequence s ? s.items() : List.of(value);
      for (YamlNode source : sources) {
        if (!(source instanceof YamlNode.Mapping m)) {
          throw invalid(merge.keyLocation(), "the merge key << takes a mapping or a list of"
              + " mappings, not " + source.describe());
        }
        for (YamlNode.Entry e : m.entries().values()) {
          frame.entries.putIfAbsent(e.key(), e);
        }
      }
    }

    /** Adds a completed node to the open parent; returns it when it is the root. */
    private YamlNode add(YamlNode node) {
      Frame parent = open.peek();
      if (parent == null) {
        return node;
      }
      parent.size += node.size;
      parent.height = Math.max(parent.height, node.height + 1);
      if (!parent.mapping) {
        parent.items.add(node);
        return null;
      }
      YamlNode.Entry entry = new YamlNode.Entry(parent.key, parent.keyLocation, node);
      if (MERGE_KEY.equals(parent.key)) {
        parent.merges.add(entry);
      } else {
        YamlNode.Entry first = parent.entries.putIfAbsent(parent.key, entry);
        if (first != null) {
          problems.add(new WorkflowProblem(parent.keyLocation, "duplicate key "
              + Texts.quote(parent.key) + " (first at " + first.keyLocation().line() + ":"
              + first.keyLocation().column() + ")"));
        }
      }
      parent.key = null;
      return null;
    }

    private KdlLocation here() {
      JsonLocation l = parser.currentTokenLocation();
      return new KdlLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }
  }
}
