package dev.buildbridge.kcidb.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.core.testing.SharedSeeds;
import dev.buildbridge.kcidb.KcidbDocument;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbValidator;
import dev.buildbridge.kcidb.ValidationResult;
import dev.buildbridge.kcidb.tuxsuite.TuxSuiteKcidbMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes KCIDB reading: whatever the bytes, {@link KcidbValidator#validate(byte[])} (official
 * schema and strict) returns a verdict and never throws, and {@link KcidbDocument#parse} returns a
 * document or throws {@link KcidbException}. Both agree: a document parses exactly when the strict
 * validator passes it, which the official schema then passes too, and never through the records'
 * own argument checks (the strict rules must already hold). A parsed document writes JSON that
 * parses back to an equal document. Seeds: the TuxSuite samples in {@code ../shared} mapped to
 * KCIDB, the KCIDB schema in {@code ../shared/schemas}, this module's example documents and
 * {@code KcidbValidatorFuzzTestInputs}.
 */
class KcidbValidatorFuzzTest {

  static List<Named<byte[]>> documents() {
    List<Named<byte[]>> seeds = new ArrayList<>();
    TuxSuiteKcidbMapper mapper = TuxSuiteKcidbMapper.newBuilder("tuxsuite").build();
    for (Named<byte[]> callback : SharedSeeds.files("fixtures/tuxsuite", ".json")) {
      try {
        seeds.add(Named.of(callback.getName() + " as KCIDB",
            mapper.map(callback.getPayload()).document().toJson()));
      } catch (KcidbException unmappable) {
        // a plan callback maps to nothing; the others are seeds
      }
    }
    for (String name : List.of("/model/full-document.json", "/submit/document.json")) {
      seeds.add(Named.of(name, resource(name)));
    }
    // JSON that is no KCIDB document, but nests as deep and names every property
    seeds.addAll(SharedSeeds.files("schemas/kcidb", ".json"));
    return seeds;
  }

  @MethodSource("documents")
  @FuzzTest
  void validatesEveryDocumentAndParsesOnlyWhatTheStrictValidatorPasses(byte[] input) {
    ValidationResult official = KcidbValidator.officialSchema().validate(input);
    ValidationResult strict = KcidbValidator.strict().validate(input);
    for (ValidationResult result : List.of(official, strict)) {
      assertNotNull(result);
      assertEquals(result.valid(), result.violations().isEmpty(), result::toString);
    }
    KcidbDocument document;
    try {
      document = KcidbDocument.parse(input);
    } catch (KcidbException e) {
      assertNotNull(e.reason());
      assertFalse(e.getCause() instanceof IllegalArgumentException,
          () -> "the strict validator passed what a record refused: " + e.getMessage());
      assertFalse(strict.valid(), () -> "the strict validator passed what parse refused: "
          + e.getMessage());
      return;
    }
    assertTrue(strict.valid(), "parse read what the strict validator refused");
    assertTrue(official.valid(), "the strict validator passed what the official schema refused");
    byte[] written = document.toJson();
    assertTrue(KcidbValidator.strict().validate(written).valid(), "written JSON is valid");
    assertEquals(document, KcidbDocument.parse(written), "written JSON reads back");
  }

  private static byte[] resource(String name) {
    try (InputStream in = KcidbValidatorFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
