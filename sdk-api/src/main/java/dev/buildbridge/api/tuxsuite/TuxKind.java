package dev.buildbridge.api.tuxsuite;

import java.util.Objects;

/**
 * The kinds of TuxSuite runs that have a state and a result: kernel builds, tests and
 * OpenEmbedded builds. Each names its collection in the REST API ({@code builds}, {@code tests},
 * {@code oebuilds}) and the prefix of the references tests wait on ({@code BUILD#<uid>}).
 *
 * <pre>{@code
 * TuxTestRequest boot = TuxTestRequest.newBuilder("qemu-riscv64")
 *     .waitingFor(TuxKind.BUILD, build.uid())   // "waiting_for": "BUILD#2ZITcwA6..."
 *     .build();
 * TuxRun run = tux.waitForFinished(TuxKind.BUILD, build.uid(), timeout, interval);
 * }</pre>
 */
public enum TuxKind {
  /** A kernel build: {@code builds}, {@code BUILD#<uid>}. */
  BUILD("BUILD", "builds"),
  /** A test run: {@code tests}, {@code TEST#<uid>}. */
  TEST("TEST", "tests"),
  /** An OpenEmbedded/Yocto build: {@code oebuilds}, {@code OEBUILD#<uid>}. */
  OEBUILD("OEBUILD", "oebuilds");

  private final String prefix;
  private final String collection;

  TuxKind(String prefix, String collection) {
    this.prefix = prefix;
    this.collection = collection;
  }

  /**
   * Returns the path segment of this kind's collection.
   *
   * @return {@code builds}, {@code tests} or {@code oebuilds}
   */
  public String collection() {
    return collection;
  }

  /**
   * Returns the reference to a run of this kind, as tests carry it in {@code waiting_for}.
   *
   * @param uid the run's uid
   * @return for example {@code BUILD#2ZITcwA6wxeKxh9cZA5HBJ6FkSj}
   * @throws NullPointerException if the uid is null
   * @throws IllegalArgumentException if the uid is blank or holds {@code #} or whitespace
   */
  public String reference(String uid) {
    return prefix + '#' + Checks.uid(uid, "uid");
  }

  /**
   * Finds the kind a {@code waiting_for} reference names.
   *
   * @param reference such as {@code TEST#2MBYa8FhoBHkRCX2BMMPusjuClf}
   * @return the kind
   * @throws NullPointerException if the reference is null
   * @throws IllegalArgumentException if it is not {@code BUILD#}, {@code OEBUILD#} or
   *     {@code TEST#} followed by a uid
   */
  public static TuxKind ofReference(String reference) {
    Objects.requireNonNull(reference, "reference");
    int hash = reference.indexOf('#');
    if (hash > 0) {
      String name = reference.substring(0, hash);
      for (TuxKind kind : values()) {
        if (kind.prefix.equals(name)) {
          Checks.uid(reference.substring(hash + 1), "reference uid");
          return kind;
        }
      }
    }
    throw new IllegalArgumentException("reference must be BUILD#<uid>, OEBUILD#<uid> or"
        + " TEST#<uid>, was \"" + Checks.excerpt(reference) + "\"");
  }
}
