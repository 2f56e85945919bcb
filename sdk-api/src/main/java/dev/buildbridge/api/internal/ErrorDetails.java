package dev.buildbridge.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the human-readable part of an error body, for the servers this module talks to:
 *
 * <ul>
 *   <li>FastAPI (ALBS, the KernelCI bridge): {@code {"detail": "..."}}, or for a 422 a list of
 *       {@code {"loc": [...], "msg": "...", "type": "..."}} rendered as
 *       {@code body.name: Field required; query.pageNumber: ...};
 *   <li>GitHub: {@code {"message": "...", "errors": [...], "documentation_url": "..."}} rendered as
 *       {@code Validation Failed: description is too long (https://docs.github.com/...)};
 *   <li>TuxSuite: {@code {"error": "..."}} or {@code {"status_message": "..."}}.
 * </ul>
 * Anything else (an HTML page from a proxy, say) has no detail. The result is bounded and has its
 * control characters escaped.
 */
public final class ErrorDetails {
  /** Longest detail kept, in characters. */
  public static final int MAX_DETAIL = 512;
  private static final int MAX_ITEMS = 10;

  private ErrorDetails() {}

  /**
   * Returns the detail of an error body.
   *
   * @param mapper a hardened mapper (it bounds nesting and sizes)
   * @param body the response body, may be empty
   * @return the rendered detail, or null when the body has none
   */
  public static String detail(ObjectMapper mapper, byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) { // JacksonException included: not JSON, or over the limits
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    JsonNode detail = root.get("detail");
    JsonNode message = root.get("message");
    if (detail != null && !detail.isNull()) {
      renderFastApiDetail(detail, out);
    } else if (message != null && message.isTextual()) {
      out.append(message.asText());
      renderGitHubErrors(root.get("errors"), out);
      JsonNode docs = root.get("documentation_url");
      if (docs != null && docs.isTextual()) {
        out.append(" (").append(docs.asText()).append(')');
      }
    } else {
      JsonNode error = root.get("error");
      if (error == null || !error.isTextual()) {
        error = root.get("status_message");
      }
      if (error != null && error.isTextual()) {
        out.append(error.asText());
      }
    }
    if (out.length() == 0) {
      return null;
    }
    return Texts.escapeControls(out.toString(), MAX_DETAIL);
  }

  private static void renderFastApiDetail(JsonNode detail, StringBuilder out) {
    if (detail.isTextual()) {
      out.append(detail.asText());
      return;
    }
    if (!detail.isArray()) {
      out.append(compact(detail));
      return;
    }
    int n = 0;
    for (JsonNode item : detail) {
      if (n == MAX_ITEMS) {
        out.append("; ... (").append(detail.size() - MAX_ITEMS).append(" more)");
        break;
      }
      if (n++ > 0) {
        out.append("; ");
      }
      JsonNode loc = item.get("loc");
      JsonNode msg = item.get("msg");
      if (loc != null && loc.isArray() && loc.size() > 0) {
        int k = 0;
        for (JsonNode part : loc) {
          if (k++ > 0) {
            out.append('.');
          }
          out.append(part.isValueNode() ? part.asText() : "?");
        }
        out.append(": ");
      }
      out.append(msg != null && msg.isTextual() ? msg.asText() : compact(item));
      if (out.length() > MAX_DETAIL) {
        return;
      }
    }
  }

  private static void renderGitHubErrors(JsonNode errors, StringBuilder out) {
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return;
    }
    out.append(": ");
    int n = 0;
    for (JsonNode error : errors) {
      if (n == MAX_ITEMS) {
        out.append("; ...");
        break;
      }
      if (n++ > 0) {
        out.append("; ");
      }
      if (error.isTextual()) {
        out.append(error.asText());
        continue;
      }
      JsonNode message = error.get("message");
      if (message != null && message.isTextual()) {
        out.append(message.asText());
      } else {
        out.append(text(error, "resource")).append('.').append(text(error, "field")).append(' ')
            .append(text(error, "code"));
      }
      if (out.length() > MAX_DETAIL) {
        return;
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isValueNode() ? value.asText() : "?";
  }

  private static String compact(JsonNode node) {
    String text = node.toString();
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
  }
}
