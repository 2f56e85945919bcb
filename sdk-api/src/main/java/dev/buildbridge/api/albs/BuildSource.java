package dev.buildbridge.api.albs;

/**
 * One entry of a build request's {@code tasks}: a git or source-RPM reference
 * ({@link BuildTaskRef}) or a module build ({@link ModuleBuildRef}).
 *
 * <pre>{@code
 * List<BuildSource> sources = List.of(
 *     BuildTaskRef.of("https://git.almalinux.org/rpms/bash.git", "c9", RefType.GIT_BRANCH),
 *     BuildTaskRef.of("https://git.almalinux.org/rpms/zsh.git", "c9", RefType.GIT_BRANCH));
 * }</pre>
 */
public sealed interface BuildSource permits BuildTaskRef, ModuleBuildRef {}
