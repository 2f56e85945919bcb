package dev.buildbridge.webhooks;

import java.util.Map;
import java.util.Objects;

/**
 * Chooses the {@code runs_on} label of every job a delivery yields, from the repository.
 *
 * <pre>{@code
 * RunsOnResolver resolver = RunsOnResolver.of(Map.of("octo/kernel", "riscv64"), "ubuntu-22.04");
 * resolver.runsOn(repo);   // "riscv64" for octo/kernel, "ubuntu-22.04" for any other
 * }</pre>
 */
@FunctionalInterface
public interface RunsOnResolver {

  /**
   * Returns the label for jobs of a repository.
   *
   * @param repository the repository the jobs build
   * @return the label, or {@code null} for none
   */
  String runsOn(RepositoryInfo repository);

  /**
   * Returns a resolver that looks the repository's {@code owner/name} up in a map (exact, case
   * insensitive) and falls back to a default.
   *
   * @param perRepository {@code owner/name} to label; copied
   * @param defaultLabel the label for other repositories, or {@code null}
   * @return the resolver
   */
  static RunsOnResolver of(Map<String, String> perRepository, String defaultLabel) {
    Objects.requireNonNull(perRepository, "perRepository");
    Map<String, String> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(perRepository);
    return repository -> {
      String name = repository.fullNameOrParts();
      String label = name == null ? null : byName.get(name);
      return label != null ? label : defaultLabel;
    };
  }
}
