package dev.buildbridge.samples.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code verify tux --batch FILE}: one {@code {"body_b64","header","public_key"}} object a line in,
 * one verdict a line out, in order. Verifiers are cached per key line, so a key is parsed once however
 * many callbacks it signs.
 */
final class TuxBatch {
  private static final int MAX_CACHED_KEYS = 256;

  private final String command;
  private final String defaultKey;
  private final boolean legacy;
  private final Map<String, Object> verifiers =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > MAX_CACHED_KEYS;
        }
      };

  TuxBatch(String command, String defaultKey, boolean legacy) {
    this.command = command;
    this.defaultKey = defaultKey;
    this.legacy = legacy;
  }

  int run(Console console, String file) throws UsageException {
    return BatchInput.run(console, command, file, this::verifyLine, TuxBatch::unreadable);
  }

  private Map<String, Object> verifyLine(int number, byte[] line) {
    JsonNode node;
    try {
      node = Console.JSON.readTree(line);
    } catch (IOException e) {
      String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      return unreadable(number, "not a JSON object: " + why);
    }
    if (node == null || !node.isObject()) {
      return unreadable(number, "not a JSON object");
    }
    JsonNode bodyNode = node.get("body_b64");
    if (bodyNode == null || !bodyNode.isTextual()) {
      return unreadable(number, "body_b64 is missing or not a string");
    }
    byte[] body;
    try {
      body = Base64.getDecoder().decode(bodyNode.textValue());
    } catch (IllegalArgumentException e) {
      return unreadable(number, "body_b64 is not base64");
    }
    JsonNode headerNode = node.get("header");
    if (headerNode != null && !headerNode.isTextual() && !headerNode.isNull()) {
      return unreadable(number, "header is not a string");
    }
    JsonNode keyNode = node.get("public_key");
    if (keyNode != null && !keyNode.isTextual() && !keyNode.isNull()) {
      return unreadable(number, "public_key is not a string");
    }
    String keyLine = keyNode != null && keyNode.isTextual() ? keyNode.textValue() : defaultKey;
    if (keyLine == null) {
      return unreadable(number, "public_key is missing and no --public-key was given");
    }
    Object verifier = verifiers.computeIfAbsent(keyLine, this::verifierOrError);
    if (verifier instanceof UsageException bad) {
      return unreadable(number, bad.getMessage());
    }
    String header = headerNode == null || headerNode.isNull() ? null : headerNode.textValue();
    return VerifyCommands.verifyTux((TuxSuiteCallbackVerifier) verifier, header, body);
  }

  private Object verifierOrError(String keyLine) {
    try {
      return VerifyCommands.tuxVerifier(command, keyLine, legacy);
    } catch (UsageException e) {
      return e;
    }
  }

  private static Map<String, Object> unreadable(int number, String why) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", false);
    out.put("reason", "UNREADABLE_LINE");
    out.put("message", "line " + number + ": " + why);
    out.put("legacy", false);
    return out;
  }
}
