package dev.buildbridge.webhooks.tuxsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import dev.buildbridge.webhooks.internal.JsonFields;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses TuxSuite callback bodies into {@link TuxSuiteCallback}s, by their {@code kind}:
 * {@code build} (or {@code kbuild}), {@code test}, {@code oebuild} and {@code plan} are typed; a
 * missing or other kind gives a {@link TuxUnknownCallback} that keeps the payload. Verify the
 * {@code x-tux-payload-signature} over the raw bytes first; this class only reads the JSON.
 *
 * <p>Reading is forgiving where TuxSuite has been sloppy, and nowhere else:
 * <ul>
 *   <li>backslash escapes JSON does not define, such as {@code \'}, which build callbacks have
 *       carried, read as the escaped character;
 *   <li>a body that is a JSON string (the double-encoded bodies TuxSuite sent until late 2024) is
 *       unwrapped once and its text parsed;
 *   <li>a missing field, or a {@code status} that is missing or not an object, gives a typed
 *       callback whose fields are null; fields this SDK does not model are kept in each status's
 *       {@code unknownFields()}.
 * </ul>
 *
 * <pre>{@code
 * TuxSuiteCallback callback = TuxSuiteCallbacks.parse(body);
 * if (callback instanceof TuxTestCallback test && test.status().isFinished()) {
 *     System.out.println(test.status().uid() + ": " + test.status().results());
 * }
 * }</pre>
 */
public final class TuxSuiteCallbacks {
  private TuxSuiteCallbacks() {}

  /**
   * Parses a callback body.
   *
   * @param payload the raw body, JSON (or a JSON string holding the JSON)
   * @return the callback
   * @throws WebhookParseException {@link Reason#UNEXPECTED_SHAPE} when the body (after unwrapping a
   *     double encoding) is not a JSON object, or the reason of any JSON failure (malformed,
   *     invalid UTF-8, duplicate key, limits), in the body or in the double-encoded text
   * @throws NullPointerException when {@code payload} is null
   */
  public static TuxSuiteCallback parse(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return parse(WebhookJson.readLenientEscapes(payload));
  }

  /**
   * Reads an already parsed callback; a JSON string is unwrapped once and its text parsed.
   *
   * @param payload the payload; not modified, and not kept (unknown callbacks keep a copy)
   * @return the callback
   * @throws WebhookParseException {@link Reason#UNEXPECTED_SHAPE} when the payload (after
   *     unwrapping a double encoding) is not a JSON object, or the reason of any JSON failure in
   *     the double-encoded text
   * @throws NullPointerException when {@code payload} is null
   */
  public static TuxSuiteCallback parse(JsonNode payload) {
    Objects.requireNonNull(payload, "payload");
    JsonNode tree = payload;
    boolean unwrapped = false;
    if (tree.isTextual()) {
      tree = unwrap(tree.textValue());
      unwrapped = true;
    }
    if (!tree.isObject()) {
      throw new WebhookParseException(Reason.UNEXPECTED_SHAPE, "TuxSuite callback"
          + (unwrapped ? " (inside the double-encoded string)" : "")
          + ": expected a JSON object {\"kind\": ..., \"status\": {...}}, got "
          + tree.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String kind = JsonFields.text(tree, "kind");
    if (kind == null) {
      return new TuxUnknownCallback("", tree);
    }
    StatusFields status = new StatusFields(JsonFields.at(tree, "status"));
    switch (kind) {
      case "build":
      case "kbuild":
        return new TuxBuildCallback(kind, TuxBuildStatus.read(status));
      case "test":
        return new TuxTestCallback(kind, TuxTestStatus.read(status));
      case "oebuild":
        return new TuxOebuildCallback(kind, TuxOebuildStatus.read(status));
      case "plan":
        return new TuxPlanCallback(kind, TuxPlanStatus.read(status));
      default:
        return new TuxUnknownCallback(kind, tree);
    }
  }

  private static JsonNode unwrap(String text) {
    try {
      return WebhookJson.readLenientEscapes(text.getBytes(StandardCharsets.UTF_8));
    } catch (WebhookParseException e) {
      throw new WebhookParseException(e.reason(),
          "TuxSuite callback is a JSON string, but its text is not JSON: " + e.getMessage(), e);
    }
  }
}
