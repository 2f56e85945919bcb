package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A distribution platform builds target, such as {@code AlmaLinux-9}.
 *
 * <pre>{@code
 * Platform alma9 = albs.platforms().list().stream()
 *     .filter(p -> p.name().equals("AlmaLinux-9"))
 *     .findFirst().orElseThrow();
 * List<String> arches = alma9.archList();
 * }</pre>
 *
 * @param id the platform id
 * @param name the name used in build requests, such as {@code AlmaLinux-9}
 * @param distrType the distribution type, such as {@code rhel}; may be null
 * @param distrVersion the distribution version, such as {@code 9}; may be null
 * @param pgpKey the id of the key packages are signed with, or null
 * @param archList the architectures it builds for
 * @param modularity the modularity settings, empty when none; nested values are unmodifiable
 * @param data other settings ({@code versions}, {@code secure_boot_required_packages}, ...),
 *     empty when none; nested values are unmodifiable
 */
public record Platform(
    long id,
    String name,
    @JsonProperty("distr_type") String distrType,
    @JsonProperty("distr_version") String distrVersion,
    @JsonProperty("pgp_key") String pgpKey,
    @JsonProperty("arch_list") List<String> archList,
    Map<String, Object> modularity,
    Map<String, Object> data) {

  /** Copies the collections; null reads as empty. */
  public Platform {
    archList = Copies.list(archList);
    modularity = Copies.tree(modularity);
    data = Copies.tree(data);
  }
}
