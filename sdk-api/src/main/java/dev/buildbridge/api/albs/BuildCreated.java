package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Map;

/**
 * ALBS's answer to a new build: its id, to follow it with {@link BuildsApi#get(long)}.
 *
 * <pre>{@code
 * BuildCreated created = albs.builds().create(request);
 * System.out.println("https://build.almalinux.org/build/" + created.id());
 * }</pre>
 *
 * @param id the new build's id
 * @param createdAt when it was created
 * @param mockOptions the mock options it got, empty when none; nested values are unmodifiable
 */
public record BuildCreated(
    long id,
    @JsonProperty("created_at") @JsonDeserialize(using = AlbsJson.InstantReader.class)
        Instant createdAt,
    @JsonProperty("mock_options") Map<String, Object> mockOptions) {

  /** Copies the mock options; null reads as empty. */
  public BuildCreated {
    mockOptions = Copies.tree(mockOptions);
  }
}
