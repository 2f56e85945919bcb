package dev.buildbridge.api.albs;

/**
 * A reference to another ALBS object by id and name, such as a build's products and platform
 * flavors.
 *
 * <pre>{@code
 * List<String> products = build.products().stream().map(NamedRef::name).toList();
 * }</pre>
 *
 * @param id the object's id
 * @param name its name
 */
public record NamedRef(long id, String name) {}
