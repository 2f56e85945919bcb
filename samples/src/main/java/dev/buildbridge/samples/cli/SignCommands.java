package dev.buildbridge.samples.cli;

import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.PrivateKeys;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.StandardWebhooks;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.WebhookHeaders;
import dev.buildbridge.signing.WebhookHmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code buildbridge sign ...}: produce signature headers for test harnesses and emitters. */
final class SignCommands {
  static final Option BODY_FILE = Option.value("body-file", "F", "read the body from F (default: stdin)");
  static final Option JSON = Option.flag("json",
      "print {\"header\":name,\"value\":value} instead of the bare header value");

  private SignCommands() {}

  static List<Command> all() {
    return List.of(new HmacSign("sign github", HmacScheme.GITHUB_SHA256,
            "print the X-Hub-Signature-256 value (sha256=<hex>) of the body"),
        new HmacSign("sign gitea", HmacScheme.GITEA,
            "print the X-Gitea-Signature value (bare hex HMAC-SHA256) of the body"),
        new TuxSign(), new StandardSign());
  }

  private static void printHeader(Console console, boolean json, String header, String value) {
    if (json) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("header", header);
      out.put("value", value);
      console.printJson(out);
    } else {
      console.out().println(value);
      console.out().flush();
    }
  }

  /** HMAC signatures of GitHub and Gitea/Forgejo. */
  private record HmacSign(String name, HmacScheme scheme, String summary) implements Command {
    private static final Option SHA1 = Option.flag("sha1",
        "legacy X-Hub-Signature (sha1=<hex>) instead of X-Hub-Signature-256");

    @Override
    public List<Option> options() {
      return scheme == HmacScheme.GITEA
          ? List.of(Secrets.SECRET, Secrets.SECRET_ENV, BODY_FILE, JSON)
          : List.of(Secrets.SECRET, Secrets.SECRET_ENV, SHA1, BODY_FILE, JSON);
    }

    @Override
    public String details() {
      return "The header value is printed bare so it fits a shell: "
          + "curl -H \"" + scheme.headerName() + ": $(buildbridge " + name + " ...)\".";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String secret = Secrets.require(name, args);
      HmacScheme effective = args.has(SHA1.name()) ? HmacScheme.GITHUB_SHA1 : scheme;
      byte[] body = console.readBody(name, args.get(BODY_FILE.name()));
      WebhookHmac hmac = WebhookHmac.of(effective, secret.getBytes(StandardCharsets.UTF_8));
      printHeader(console, args.has(JSON.name()), effective.headerName(), hmac.sign(body));
      return Main.OK;
    }
  }

  /** TuxSuite's ECDSA callback signature, for harnesses that emit TuxSuite-style callbacks. */
  private static final class TuxSign implements Command {
    private static final Option KEY_FILE = Option.value("private-key-file", "F",
        "EC private key: PEM (SEC1 or PKCS#8) or OpenSSH private key file");
    private static final Option PASSPHRASE_ENV = Option.value("passphrase-env", "VAR",
        "read the key's passphrase from environment variable VAR");

    @Override
    public String name() {
      return "sign tux";
    }

    @Override
    public String summary() {
      return "print the x-tux-payload-signature value (ECDSA, SHA-256) of the body";
    }

    @Override
    public List<Option> options() {
      return List.of(KEY_FILE, PASSPHRASE_ENV, BODY_FILE, JSON);
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String keyFile = args.get(KEY_FILE.name());
      if (keyFile == null) {
        throw new UsageException(name(), "--private-key-file F is required");
      }
      String keyText = new String(console.readFile(name(), keyFile), StandardCharsets.UTF_8);
      TuxSuiteCallbackSigner signer;
      try {
        String envName = args.get(PASSPHRASE_ENV.name());
        char[] passphrase = envName == null ? null : passphrase(envName);
        signer = TuxSuiteCallbackSigner.of(passphrase == null
            ? PrivateKeys.parse(keyText) : PrivateKeys.parse(keyText, passphrase));
      } catch (SignatureVerificationException e) {
        throw new UsageException(name(), keyFile + ": " + e.getMessage(), e);
      }
      byte[] body = console.readBody(name(), args.get(BODY_FILE.name()));
      printHeader(console, args.has(JSON.name()), TuxSuiteCallbackVerifier.SIGNATURE_HEADER,
          signer.sign(body));
      return Main.OK;
    }

    private char[] passphrase(String envName) throws UsageException {
      String value = System.getenv(envName);
      if (value == null) {
        throw new UsageException(name(), "environment variable " + envName + " is not set");
      }
      return value.toCharArray();
    }
  }

  /** Standard Webhooks headers for a callback a host app sends. */
  private static final class StandardSign implements Command {
    private static final Option ID = Option.value("id", "ID", "the webhook-id (message id, no dots)");
    private static final Option TIMESTAMP = Option.value("timestamp", "SECONDS",
        "the webhook-timestamp in Unix seconds (default: now)");

    @Override
    public String name() {
      return "sign standard";
    }

    @Override
    public String summary() {
      return "print Standard Webhooks headers (webhook-id/-timestamp/-signature) for the body";
    }

    @Override
    public List<Option> options() {
      return List.of(Secrets.SECRET, Secrets.SECRET_ENV, ID, TIMESTAMP, BODY_FILE);
    }

    @Override
    public String details() {
      return "The secret is a whsec_ HMAC secret or a whsk_ Ed25519 signing key.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String secret = Secrets.require(name(), args);
      String id = args.get(ID.name());
      if (id == null || id.isEmpty()) {
        throw new UsageException(name(), "--id ID is required");
      }
      Instant timestamp = Instant.now();
      if (args.has(TIMESTAMP.name())) {
        try {
          timestamp = Instant.ofEpochSecond(Long.parseLong(args.get(TIMESTAMP.name())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
          throw new UsageException(name(), "--timestamp must be Unix seconds", e);
        }
      }
      StandardWebhooks webhooks;
      try {
        StandardWebhooks.Builder builder = StandardWebhooks.newBuilder();
        webhooks = (secret.startsWith("whsk_") ? builder.signingKey(secret) : builder.secret(secret))
            .build();
      } catch (SignatureVerificationException e) {
        throw new UsageException(name(), "secret: " + e.getMessage(), e);
      }
      byte[] body = console.readBody(name(), args.get(BODY_FILE.name()));
      WebhookHeaders headers;
      try {
        headers = webhooks.sign(id, timestamp, body);
      } catch (IllegalArgumentException e) {
        throw new UsageException(name(), e.getMessage(), e);
      }
      console.printJson(headers.asMap());
      return Main.OK;
    }
  }
}
