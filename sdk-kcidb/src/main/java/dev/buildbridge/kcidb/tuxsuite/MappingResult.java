package dev.buildbridge.kcidb.tuxsuite;

import dev.buildbridge.kcidb.KcidbDocument;
import java.util.List;
import java.util.Objects;

/**
 * What a TuxSuite callback maps to: the KCIDB document to submit (possibly empty) and what was
 * left out, with reasons.
 *
 * <pre>{@code
 * MappingResult result = mapper.map(body);
 * if (!result.document().isEmpty()) {
 *     outbox.submit(result.document().toJson());
 * }
 * result.skipped().forEach(s -> log.log(INFO, s.toString()));
 * }</pre>
 *
 * @param document the objects to submit
 * @param skipped what was left out; unmodifiable
 */
public record MappingResult(KcidbDocument document, List<SkippedResult> skipped) {

  /**
   * Checks and copies the parts.
   *
   * @throws NullPointerException when either is null, or {@code skipped} holds null
   */
  public MappingResult {
    Objects.requireNonNull(document, "document");
    skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
  }
}
