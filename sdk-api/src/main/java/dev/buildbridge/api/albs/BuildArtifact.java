package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * A file a build node uploaded to Pulp, as reported with {@code build_done} (ALBS's
 * {@code BuildDoneArtifact}). ALBS looks the artifact up by its href and checks that Pulp's
 * SHA-256 equals {@code sha256}; a mismatch fails the task.
 *
 * <pre>{@code
 * BuildArtifact rpm = BuildArtifact.of("bash-5.1.8-9.el9.x86_64.rpm",
 *     "/pulp/api/v3/artifacts/0c6c4a0e-4b7e-4d21-9a5e-3c7f0f5d2b11/",
 *     "5f0c1f6f3c0d1e9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a");
 * }</pre>
 *
 * <p>The node's local {@code path}, which albs-node also sends, is left out: ALBS ignores it.
 *
 * @param name the file name, not blank
 * @param type the kind, not {@link ArtifactType#UNKNOWN}
 * @param href the Pulp artifact href, such as {@code /pulp/api/v3/artifacts/<uuid>/}, not blank
 * @param sha256 the file's SHA-256 as 64 hex digits; kept in lower case
 * @param casHash the notarization hash, or null (not sent)
 */
public record BuildArtifact(
    String name,
    ArtifactType type,
    String href,
    String sha256,
    @JsonProperty("cas_hash") String casHash) {

  /**
   * Checks the components and lower-cases the digest.
   *
   * @throws NullPointerException if a component other than {@code casHash} is null
   * @throws IllegalArgumentException if a text is blank, the type is {@code UNKNOWN} or the digest
   *     is not 64 hex digits
   */
  public BuildArtifact {
    Checks.nonBlank(name, "name");
    Objects.requireNonNull(type, "type");
    if (type == ArtifactType.UNKNOWN) {
      throw new IllegalArgumentException("type UNKNOWN cannot be sent (artifact " + name + ")");
    }
    Checks.nonBlank(href, "href");
    sha256 = Checks.sha256(sha256, "sha256");
    Checks.nullOrNonBlank(casHash, "casHash");
  }

  /**
   * Returns an artifact whose type follows from its name, as albs-node decides it:
   * {@link ArtifactType#RPM} for {@code *.rpm}, {@link ArtifactType#BUILD_LOG} for anything else.
   *
   * @param name the file name
   * @param href the Pulp artifact href
   * @param sha256 the SHA-256 as 64 hex digits
   * @return the artifact, without notarization hash
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static BuildArtifact of(String name, String href, String sha256) {
    Checks.nonBlank(name, "name");
    ArtifactType type = name.toLowerCase(Locale.ROOT).endsWith(".rpm")
        ? ArtifactType.RPM : ArtifactType.BUILD_LOG;
    return new BuildArtifact(name, type, href, sha256, null);
  }
}
