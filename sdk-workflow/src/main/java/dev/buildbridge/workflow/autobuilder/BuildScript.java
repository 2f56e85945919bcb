package dev.buildbridge.workflow.autobuilder;

import dev.buildbridge.workflow.WorkflowSource;
import java.util.Objects;

/**
 * One build script of a 0-autobuilder branch config and its section: the script the build runs,
 * the artifact it makes, where it leaves it, the container image it runs in and an extra tag.
 * Immutable.
 *
 * <pre>{@code
 * BuildScript script = BuildScript.newBuilder("autobuild/kernel.sh", "zero-os.efi")
 *     .baseImage("ubuntu:18.04")
 *     .build();                        // archives "/target", no tag
 * }</pre>
 *
 * @param path the script, relative to the built repository, such as {@code autobuild/a.sh}
 * @param artifact {@code artifact}: the file the build makes, such as {@code result.tar.gz}
 * @param archives {@code archives}: the directory in the container holding the artifact
 *     (the autobuilder's default {@value #DEFAULT_ARCHIVES})
 * @param baseImage {@code baseimage}: the container image the script runs in (default
 *     {@value #DEFAULT_BASE_IMAGE})
 * @param tag {@code tag}: an extra tag on the build's name, or null
 */
public record BuildScript(String path, String artifact, String archives, String baseImage,
    String tag) {
  /** The autobuilder's {@code archives} when a section has none: {@value}. */
  public static final String DEFAULT_ARCHIVES = "/target";
  /** The autobuilder's {@code baseimage} when a section has none: {@value}. */
  public static final String DEFAULT_BASE_IMAGE = "ubuntu:16.04";

  /**
   * Checks the components.
   *
   * @throws NullPointerException when a component but the tag is null
   * @throws IllegalArgumentException when the path is not a relative path, or a value is blank
   */
  public BuildScript {
    WorkflowSource.checkPath(path);
    nonBlank(artifact, "artifact");
    nonBlank(archives, "archives");
    nonBlank(baseImage, "baseImage");
    if (tag != null && tag.isBlank()) {
      throw new IllegalArgumentException("tag is blank");
    }
  }

  private static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  /**
   * Starts a builder with the autobuilder's defaults: archives {@value #DEFAULT_ARCHIVES}, base
   * image {@value #DEFAULT_BASE_IMAGE}, no tag.
   *
   * @param path the script's path in the built repository
   * @param artifact the file the build makes
   * @return a new builder
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the path is not a relative path or the artifact is
   *     blank
   */
  public static Builder newBuilder(String path, String artifact) {
    return new Builder(WorkflowSource.checkPath(path), nonBlank(artifact, "artifact"));
  }

  /**
   * Returns a builder holding this script's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(path, artifact);
    b.archives = archives;
    b.baseImage = baseImage;
    b.tag = tag;
    return b;
  }

  /** Builds a {@link BuildScript}; setters check their argument. Not thread-safe. */
  public static final class Builder {
    private final String path;
    private final String artifact;
    private String archives = DEFAULT_ARCHIVES;
    private String baseImage = DEFAULT_BASE_IMAGE;
    private String tag;

    private Builder(String path, String artifact) {
      this.path = path;
      this.artifact = artifact;
    }

    /**
     * Sets the directory in the container that holds the artifact. Default:
     * {@value #DEFAULT_ARCHIVES}.
     *
     * @param archives the directory
     * @return this builder
     * @throws NullPointerException when null
     * @throws IllegalArgumentException when blank
     */
    public Builder archives(String archives) {
      this.archives = nonBlank(archives, "archives");
      return this;
    }

    /**
     * Sets the container image the script runs in. Default: {@value #DEFAULT_BASE_IMAGE}.
     *
     * @param baseImage such as {@code ubuntu:18.04}
     * @return this builder
     * @throws NullPointerException when null
     * @throws IllegalArgumentException when blank
     */
    public Builder baseImage(String baseImage) {
      this.baseImage = nonBlank(baseImage, "baseImage");
      return this;
    }

    /**
     * Sets the extra tag on the build's name. Default: none.
     *
     * @param tag the tag, or null for none
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder tag(String tag) {
      if (tag != null) {
        nonBlank(tag, "tag");
      }
      this.tag = tag;
      return this;
    }

    /**
     * Builds the script.
     *
     * @return the script
     */
    public BuildScript build() {
      return new BuildScript(path, artifact, archives, baseImage, tag);
    }
  }
}
