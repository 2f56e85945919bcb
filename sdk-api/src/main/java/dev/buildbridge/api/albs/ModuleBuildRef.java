package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A module build in a build request (ALBS's {@code BuildTaskModuleRef}): the module's metadata and
 * the references of its components, usually from {@code POST /builds/get_module_preview/}.
 *
 * <pre>{@code
 * ModuleBuildRef nodejs = new ModuleBuildRef("nodejs", "18", "9.3.0", null, modulesYaml,
 *     Map.of("nodejs", List.of("18")), List.of(componentRef));
 * }</pre>
 *
 * @param moduleName the module name, not blank
 * @param moduleStream the stream, not blank
 * @param modulePlatformVersion the platform version, not blank
 * @param moduleVersion the module version, or null
 * @param modulesYaml the {@code modules.yaml} document, not blank
 * @param enabledModules the modules enabled while building; nested values are unmodifiable
 * @param refs the components, at least one
 */
public record ModuleBuildRef(
    @JsonProperty("module_name") String moduleName,
    @JsonProperty("module_stream") String moduleStream,
    @JsonProperty("module_platform_version") String modulePlatformVersion,
    @JsonProperty("module_version") String moduleVersion,
    @JsonProperty("modules_yaml") String modulesYaml,
    @JsonProperty("enabled_modules") Map<String, Object> enabledModules,
    List<BuildTaskRef> refs) implements BuildSource {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a required component or a ref is null
   * @throws IllegalArgumentException if a text is blank or there is no ref
   */
  public ModuleBuildRef {
    Checks.nonBlank(moduleName, "moduleName");
    Checks.nonBlank(moduleStream, "moduleStream");
    Checks.nonBlank(modulePlatformVersion, "modulePlatformVersion");
    Checks.nullOrNonBlank(moduleVersion, "moduleVersion");
    Checks.nonBlank(modulesYaml, "modulesYaml");
    enabledModules = Copies.tree(enabledModules);
    if (refs == null) {
      throw new NullPointerException("refs");
    }
    refs = List.copyOf(refs);
    if (refs.isEmpty()) {
      throw new IllegalArgumentException("refs is empty: a module build needs components");
    }
  }
}
