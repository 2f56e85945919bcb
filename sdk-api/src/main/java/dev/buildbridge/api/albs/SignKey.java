package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;

/**
 * A PGP key ALBS signs packages with.
 *
 * <pre>{@code
 * SignKey key = albs.signKeys().list().stream()
 *     .filter(k -> k.active() && k.platformIds().contains(alma9.id()))
 *     .findFirst().orElseThrow();
 * albs.signTasks().create(buildId, key.id());
 * }</pre>
 *
 * @param id the key id in ALBS, used to create sign tasks
 * @param name the name
 * @param description the description
 * @param keyid the PGP key id, such as {@code 51D6647EC21AD6EA}; sign nodes ask for tasks by it
 * @param publicUrl where the public key is published
 * @param inserted when the key was added
 * @param active whether the key is in use
 * @param archived whether the key is archived, or null
 * @param platformIds the platforms it signs for; empty when not sent
 * @param productId the product it belongs to, or null
 */
public record SignKey(
    long id,
    String name,
    String description,
    String keyid,
    @JsonProperty("public_url") String publicUrl,
    @JsonDeserialize(using = AlbsJson.InstantReader.class) Instant inserted,
    boolean active,
    Boolean archived,
    @JsonProperty("platform_ids") List<Long> platformIds,
    @JsonProperty("product_id") Long productId) {

  /** Copies the platform ids; null reads as empty. */
  public SignKey {
    platformIds = Copies.list(platformIds);
  }
}
