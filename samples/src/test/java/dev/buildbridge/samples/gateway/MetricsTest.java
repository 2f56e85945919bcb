package dev.buildbridge.samples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void counterSeriesAreWrittenWithHelpTypeAndEscapedLabelValues() {
    Metrics m = new Metrics();
    Metrics.Counter c = m.counter("bb_requests_total", "requests\nby path", "path", "status");
    c.inc("/a", "200");
    c.inc("/a", "200");
    c.inc("say \"hi\"\\now\n", "500");
    assertEquals(2, c.value("/a", "200"));
    assertEquals("# HELP bb_requests_total requests\\nby path\n"
        + "# TYPE bb_requests_total counter\n"
        + "bb_requests_total{path=\"/a\",status=\"200\"} 2\n"
        + "bb_requests_total{path=\"say \\\"hi\\\"\\\\now\\n\",status=\"500\"} 1\n", m.scrape());
  }

  @Test
  void aCounterWithoutLabelsStartsAtZero() {
    Metrics m = new Metrics();
    m.counter("bb_total", "things");
    assertTrue(m.scrape().endsWith("bb_total 0\n"), m.scrape());
  }

  @Test
  void histogramBucketsAreCumulativeWithInfSumAndCount() {
    Metrics m = new Metrics();
    Metrics.Histogram h = m.histogram("bb_seconds", "latency", 1, 0.1);
    h.observe(0.05);
    h.observe(0.5);
    h.observe(3);
    assertEquals("# HELP bb_seconds latency\n# TYPE bb_seconds histogram\n"
        + "bb_seconds_bucket{le=\"0.1\"} 1\n"
        + "bb_seconds_bucket{le=\"1\"} 2\n"
        + "bb_seconds_bucket{le=\"+Inf\"} 3\n"
        + "bb_seconds_sum 3.55\n"
        + "bb_seconds_count 3\n", m.scrape());
    assertEquals(3, h.count());
  }

  @Test
  void aGaugeWhoseSourceFailsIsNaNAndTheScrapeGoesOn() {
    Metrics m = new Metrics();
    m.gauge("bb_broken", "closed", () -> {
      throw new IllegalStateException("closed");
    });
    m.gauge("bb_depth", "depth", () -> 7);
    assertEquals("# HELP bb_broken closed\n# TYPE bb_broken gauge\nbb_broken NaN\n"
        + "# HELP bb_depth depth\n# TYPE bb_depth gauge\nbb_depth 7\n", m.scrape());
  }

  @Test
  void namesAreCheckedAndRegisteredOnce() {
    Metrics m = new Metrics();
    m.counter("bb_x_total", "x");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.counter("bb_x_total", "again"))
        .getMessage().contains("twice"));
    assertThrows(IllegalArgumentException.class, () -> m.counter("bb-x", "dash"));
    assertThrows(IllegalArgumentException.class, () -> m.counter("bb_y", "y", "9label"));
    Metrics.Counter c = m.counter("bb_z_total", "z", "a");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> c.inc("1", "2")).getMessage()
        .contains("has 1 labels"));
  }
}
