package dev.buildbridge.workflow.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.buildbridge.workflow.kdl.KdlDocument;
import dev.buildbridge.workflow.kdl.KdlNumber;
import dev.buildbridge.workflow.kdl.KdlParser;
import dev.buildbridge.workflow.kdl.KdlPrinter;
import dev.buildbridge.workflow.kdl.KdlValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the KDL fuzzer found, one test each; the inputs it found stay in
 * {@code KdlParserFuzzTestInputs}.
 */
class KdlFuzzFindingsTest {

  /** {@code 1.0e1} is the decimal 10 of scale 0, which {@code BigDecimal.toString} writes "10". */
  @ParameterizedTest
  @ValueSource(strings = {"1.0e1", "-12.5e1", "1.00e2", "0.0e0", "7e0", "-0.0e1"})
  void decimalsThatBigDecimalWritesAsPlainDigitsPrintBackAsTheSameDecimal(String literal) {
    for (KdlParser parser : List.of(KdlParser.v1(), KdlParser.v2())) {
      KdlDocument document = parser.parse("finding.kdl", "node " + literal);
      KdlValue value = document.nodes().get(0).arguments().get(0);
      assertEquals(BigDecimal.class, ((KdlNumber) value).value().getClass());
      String printed = KdlPrinter.canonical(document.version()).print(document);
      KdlValue again = parser.parse("printed.kdl", printed).nodes().get(0).arguments().get(0);
      assertEquals(value, again, printed);
    }
  }
}
