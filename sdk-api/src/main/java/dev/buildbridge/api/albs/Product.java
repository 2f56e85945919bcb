package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A product: a distribution (such as {@code AlmaLinux}) or a community project that builds are
 * added to and released from. Where ALBS embeds a product ({@link Release#product()}), only id,
 * name, title, description and the community flag are present.
 *
 * <pre>{@code
 * Product alma = albs.products().list("AlmaLinux").stream().findFirst().orElseThrow();
 * BuildRequest request = BuildRequest.newBuilder(alma.id())
 *     .platform("AlmaLinux-9", "x86_64", "aarch64").task(ref).build();
 * }</pre>
 *
 * @param id the product id
 * @param name the name, such as {@code AlmaLinux}
 * @param title the display title, or null
 * @param description the description, or null
 * @param community whether it is a community product
 * @param owner the owner, or null when not sent
 * @param platforms the platforms it builds for; empty when not sent
 * @param repositories its repositories; empty when not sent
 */
public record Product(
    long id,
    String name,
    String title,
    String description,
    @JsonProperty("is_community") boolean community,
    User owner,
    List<Platform> platforms,
    List<Repository> repositories) {

  /** Copies the lists; null reads as empty. */
  public Product {
    platforms = Copies.list(platforms);
    repositories = Copies.list(repositories);
  }
}
