/**
 * Implementation details of sdk-workflow shared by its packages; not an API, may change in any
 * release. {@link dev.buildbridge.workflow.internal.YamlReader} reads YAML with Jackson's YAML
 * data format into a {@link dev.buildbridge.workflow.internal.YamlNode} tree that keeps every
 * node's {@code file:line:column}, within limits on size, nesting and aliases.
 */
package dev.buildbridge.workflow.internal;
