/** Jackson configured for untrusted input: {@link dev.buildbridge.core.json.HardenedJson}. */
package dev.buildbridge.core.json;
