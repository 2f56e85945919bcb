package dev.buildbridge.webhooks.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.WebhookHmac;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.WebhookParseException;
import dev.buildbridge.webhooks.internal.FormBody;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A fuzz input read as a request: header lines ({@code Name: value}, split at the first colon),
 * an empty line, then the body bytes; without an empty line the whole input is the body. A header
 * whose value is {@value #SIGN} gets the correct signature or token for the body, so the fuzzer
 * reaches the parsers behind the signature check.
 */
final class FuzzedDelivery {
  /** The header value replaced by a correct signature. */
  static final String SIGN = "@sign";

  private FuzzedDelivery() {}

  /** A delivery, and whether any header was signed for it. */
  record Request(Delivery delivery, boolean signed) {}

  static Request read(byte[] input, String secret, TuxSuiteCallbackSigner tuxsuite) {
    int split = indexOfBlankLine(input);
    byte[] body = split < 0 ? input : Arrays.copyOfRange(input, split + 2, input.length);
    String head = split < 0 ? "" : new String(input, 0, split, UTF_8);
    Delivery.Builder builder = Delivery.newBuilder().body(body);
    String contentType = null;
    boolean signed = false;
    for (String line : head.split("\n", -1)) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
      if (name.equalsIgnoreCase("Content-Type") && contentType == null) {
        contentType = value;
      }
      if (value.equals(SIGN)) {
        value = signature(name, body, contentType, secret, tuxsuite);
        signed = true;
      }
      builder.header(name, value);
    }
    return new Request(builder.build(), signed);
  }

  /** Writes a request in the input form, for seeds. */
  static byte[] write(byte[] body, String... headerLines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
    out.writeBytes(String.join("\n", headerLines).getBytes(UTF_8));
    out.writeBytes(new byte[] {'\n', '\n'});
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static String signature(String header, byte[] body, String contentType, String secret,
      TuxSuiteCallbackSigner tuxsuite) {
    byte[] key = secret.getBytes(UTF_8);
    switch (header.toLowerCase(Locale.ROOT)) {
      case "x-hub-signature-256":
        return WebhookHmac.of(HmacScheme.GITHUB_SHA256, key).sign(body);
      case "x-hub-signature":
        return WebhookHmac.of(HmacScheme.GITHUB_SHA1, key).sign(body);
      case "x-gitea-signature":
      case "x-forgejo-signature":
        // Gitea and Forgejo sign the JSON document, also inside a form
        return WebhookHmac.of(HmacScheme.GITEA, key).sign(giteaSigned(body, contentType));
      case "x-tux-payload-signature":
        return tuxsuite.sign(body);
      default:
        return secret; // X-Gitlab-Token, and any other header
    }
  }

  private static byte[] giteaSigned(byte[] body, String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded")) {
      return body;
    }
    try {
      return FormBody.payload(body);
    } catch (WebhookParseException e) {
      return body;
    }
  }

  private static int indexOfBlankLine(byte[] input) {
    for (int i = 0; i + 1 < input.length; i++) {
      if (input[i] == '\n' && input[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
