package dev.buildbridge.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.kcidb.KcidbDocument;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.ValidationResult;
import dev.buildbridge.kcidb.tuxsuite.MappingResult;
import dev.buildbridge.kcidb.tuxsuite.TuxSuiteKcidbMapper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A TuxSuite test callback with 5,000 results to KCIDB JSON: {@code pipeline} maps it with
 * {@link TuxSuiteKcidbMapper} (which parses the body), turns the document into a tree, checks it
 * with {@link KcidbValidator#strict()} and writes it, as an outbox submission does. The stages
 * alone: {@code map} (parse and map), {@code validate} (strict check of the tree),
 * {@code serialize} ({@link KcidbDocument#toJson()}: tree and bytes). Results per second are
 * 5,000 times the operations per second; allocation per result is JMH's {@code -prof gc}
 * {@code gc.alloc.rate.norm} divided by 5,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class KcidbBenchmark {
  private static final ObjectMapper WRITER = HardenedJson.newMapper();

  private byte[] body;
  private TuxSuiteKcidbMapper mapper;
  private KcidbValidator validator;
  private KcidbDocument document;
  private ObjectNode tree;

  /** Builds the callback and checks that it maps to 5,000 valid tests. */
  @Setup
  public void setUp() {
    body = BenchInputs.tuxTestCallback(BenchInputs.KCIDB_RESULTS);
    mapper = TuxSuiteKcidbMapper.newBuilder("tuxsuite").build();
    validator = KcidbValidator.strict();
    MappingResult result = mapper.map(body);
    document = result.document();
    tree = document.toJsonNode();
    if (document.tests().size() != BenchInputs.KCIDB_RESULTS || !result.skipped().isEmpty()) {
      throw new IllegalStateException("expected " + BenchInputs.KCIDB_RESULTS + " tests, got "
          + document.tests().size() + " and skipped " + result.skipped());
    }
    ValidationResult verdict = validator.validate(tree);
    if (!verdict.valid()) {
      throw new IllegalStateException("mapped document is invalid: " + verdict.summary(5));
    }
  }

  /**
   * Map, validate, serialize.
   *
   * @param cpu counts the JVM's CPU time
   * @return the KCIDB JSON
   * @throws JsonProcessingException never
   */
  @Benchmark
  public byte[] pipeline(CpuTime cpu) throws JsonProcessingException {
    ObjectNode node = mapper.map(body).document().toJsonNode();
    validator.requireValid(node);
    return WRITER.writeValueAsBytes(node);
  }

  /**
   * Parse and map only.
   *
   * @param cpu counts the JVM's CPU time
   * @return the mapping
   */
  @Benchmark
  public MappingResult map(CpuTime cpu) {
    return mapper.map(body);
  }

  /**
   * Strict validation of the mapped tree only.
   *
   * @param cpu counts the JVM's CPU time
   * @return the verdict
   */
  @Benchmark
  public ValidationResult validate(CpuTime cpu) {
    return validator.validate(tree);
  }

  /**
   * Serialization of the mapped document only.
   *
   * @param cpu counts the JVM's CPU time
   * @return the KCIDB JSON
   */
  @Benchmark
  public byte[] serialize(CpuTime cpu) {
    return document.toJson();
  }
}
