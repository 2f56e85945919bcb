package dev.buildbridge.webhooks.internal;

import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.WebhookParseException.Reason;
import java.io.ByteArrayOutputStream;

/**
 * Reads the {@code payload} field of an {@code application/x-www-form-urlencoded} body, as GitHub,
 * Gitea and GitLab send JSON when a hook is set to "form": percent-decoding straight to bytes, with
 * {@code +} as a space, without building strings for the other fields.
 */
public final class FormBody {
  private static final byte[] PAYLOAD = {'p', 'a', 'y', 'l', 'o', 'a', 'd'};

  private FormBody() {}

  /**
   * Returns the decoded bytes of the {@code payload} field.
   *
   * @param body the raw form body
   * @return the JSON document the form carries
   * @throws WebhookParseException {@link Reason#MALFORMED_FORM} when there is no {@code payload}
   *     field, it occurs twice, or it holds a bad percent escape
   */
  public static byte[] payload(byte[] body) {
    byte[] found = null;
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start, body.length);
      int eq = indexOf(body, (byte) '=', start, end);
      int nameEnd = eq >= 0 ? eq : end;
      if (isPayloadName(body, start, nameEnd)) {
        if (found != null) {
          throw new WebhookParseException(Reason.MALFORMED_FORM,
              "form body has more than one payload field");
        }
        found = eq >= 0 ? decode(body, eq + 1, end) : new byte[0];
      }
      start = end + 1;
    }
    if (found == null) {
      throw new WebhookParseException(Reason.MALFORMED_FORM,
          "form body has no payload field; expected payload=<url-encoded JSON>");
    }
    return found;
  }

  private static boolean isPayloadName(byte[] body, int start, int end) {
    if (end - start != PAYLOAD.length) {
      return false;
    }
    for (int i = 0; i < PAYLOAD.length; i++) {
      if (body[start + i] != PAYLOAD[i]) {
        return false;
      }
    }
    return true;
  }

  /** The index of {@code b} in {@code body[from, to)}; {@code to} for '&' when absent, else -1. */
  private static int indexOf(byte[] body, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] == b) {
        return i;
      }
    }
    return b == '&' ? to : -1;
  }

  private static byte[] decode(byte[] body, int start, int end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
    for (int i = start; i < end; i++) {
      byte b = body[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= end) {
          throw badEscape(i);
        }
        int high = Character.digit(body[i + 1], 16);
        int low = Character.digit(body[i + 2], 16);
        if (high < 0 || low < 0) {
          throw badEscape(i);
        }
        out.write(high << 4 | low);
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static WebhookParseException badEscape(int offset) {
    return new WebhookParseException(Reason.MALFORMED_FORM,
        "form body has a bad percent escape at byte " + offset);
  }
}
