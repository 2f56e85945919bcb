package dev.buildbridge.samples.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The gateway's metrics and their Prometheus text exposition (format 0.0.4), written by hand:
 * counters with labels, gauges read when scraped, and histograms with fixed buckets. Thread-safe;
 * recording is lock-free.
 */
final class Metrics {
  /** The content type of {@link #scrape()}. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final List<Family> families = new ArrayList<>();

  /** One metric name with its help, type and samples. */
  private abstract static class Family {
    final String name;
    final String help;
    final String type;

    Family(String name, String help, String type) {
      this.name = checkName(name);
      this.help = Objects.requireNonNull(help, "help");
      this.type = type;
    }

    abstract void samples(StringBuilder out);
  }

  /** A counter, one series per combination of label values. */
  static final class Counter extends Family {
    private final String[] labels;
    private final ConcurrentSkipListMap<String, LongAdder> series = new ConcurrentSkipListMap<>();

    Counter(String name, String help, String... labels) {
      super(name, help, "counter");
      this.labels = labels.clone();
      for (String label : labels) {
        checkName(label);
      }
      if (labels.length == 0) {
        series.put("", new LongAdder());
      }
    }

    /** Adds one to the series of these label values, given in the order of the label names. */
    void inc(String... values) {
      add(1, values);
    }

    void add(long n, String... values) {
      if (values.length != labels.length) {
        throw new IllegalArgumentException(name + " has " + labels.length + " labels, got "
            + values.length + " values");
      }
      series.computeIfAbsent(labelSet(labels, values), k -> new LongAdder()).add(n);
    }

    /** The value of one series, for tests and health output. */
    long value(String... values) {
      LongAdder adder = series.get(labelSet(labels, values));
      return adder == null ? 0 : adder.sum();
    }

    @Override
    void samples(StringBuilder out) {
      for (Map.Entry<String, LongAdder> e : series.entrySet()) {
        out.append(name).append(e.getKey()).append(' ').append(e.getValue().sum()).append('\n');
      }
    }
  }

  /** A gauge read when scraped. */
  private static final class Gauge extends Family {
    private final DoubleSupplier value;

    Gauge(String name, String help, DoubleSupplier value) {
      super(name, help, "gauge");
      this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    void samples(StringBuilder out) {
      double v;
      try {
        v = value.getAsDouble();
      } catch (RuntimeException e) {
        v = Double.NaN; // a closed dependency: no value rather than no scrape
      }
      out.append(name).append(' ').append(format(v)).append('\n');
    }
  }

  /** A histogram with fixed upper bounds, in seconds or any unit. */
  static final class Histogram extends Family {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram(String name, String help, double... bounds) {
      super(name, help, "histogram");
      double[] sorted = bounds.clone();
      Arrays.sort(sorted);
      this.bounds = sorted;
      this.buckets = new LongAdder[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double value) {
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      sum.add(value);
    }

    long count() {
      return count.sum();
    }

    @Override
    void samples(StringBuilder out) {
      for (int i = 0; i < bounds.length; i++) {
        out.append(name).append("_bucket{le=\"").append(format(bounds[i])).append("\"} ")
            .append(buckets[i].sum()).append('\n');
      }
      long n = count.sum();
      out.append(name).append("_bucket{le=\"+Inf\"} ").append(n).append('\n');
      out.append(name).append("_sum ").append(format(sum.sum())).append('\n');
      out.append(name).append("_count ").append(n).append('\n');
    }
  }

  private final Map<String, Family> byName = new ConcurrentHashMap<>();

  synchronized Counter counter(String name, String help, String... labels) {
    return register(new Counter(name, help, labels));
  }

  synchronized void gauge(String name, String help, DoubleSupplier value) {
    register(new Gauge(name, help, value));
  }

  synchronized Histogram histogram(String name, String help, double... bounds) {
    return register(new Histogram(name, help, bounds));
  }

  private <F extends Family> F register(F family) {
    if (byName.putIfAbsent(family.name, family) != null) {
      throw new IllegalArgumentException("metric " + family.name + " is registered twice");
    }
    families.add(family);
    return family;
  }

  /** Writes every metric in the text exposition format. */
  synchronized String scrape() {
    StringBuilder out = new StringBuilder(4096);
    for (Family f : families) {
      out.append("# HELP ").append(f.name).append(' ').append(escapeHelp(f.help)).append('\n');
      out.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
      f.samples(out);
    }
    return out.toString();
  }

  private static String labelSet(String[] names, String[] values) {
    if (names.length == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(names[i]).append("=\"");
      String v = values[i] == null ? "" : values[i];
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '\\') {
          out.append("\\\\");
        } else if (c == '"') {
          out.append("\\\"");
        } else if (c == '\n') {
          out.append("\\n");
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }
    return out.append('}').toString();
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("metric or label name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        throw new IllegalArgumentException("not a metric or label name: " + name);
      }
    }
    return name;
  }
}
