package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A package repository known to ALBS.
 *
 * <pre>{@code
 * List<Repository> production = albs.repositories().list().stream()
 *     .filter(r -> Boolean.TRUE.equals(r.production()))
 *     .toList();
 * }</pre>
 *
 * @param id the repository id
 * @param name the name, such as {@code almalinux-9-baseos-x86_64}
 * @param arch the architecture
 * @param url the repository URL
 * @param type the package type, such as {@code rpm}
 * @param debug whether it holds debug packages, or null
 * @param priority the priority for package managers, or null
 * @param production whether it is a production repository, or null
 * @param mockEnabled whether mock builds use it, or null
 * @param pulpHref the Pulp repository href, or null
 */
public record Repository(
    long id,
    String name,
    String arch,
    String url,
    String type,
    Boolean debug,
    Integer priority,
    Boolean production,
    @JsonProperty("mock_enabled") Boolean mockEnabled,
    @JsonProperty("pulp_href") String pulpHref) {}
