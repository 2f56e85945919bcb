package dev.buildbridge.samples.cli;

import dev.buildbridge.signing.HmacScheme;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.StandardWebhooks;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.TuxSuiteVerification;
import dev.buildbridge.signing.WebhookHmac;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code buildbridge verify ...}: check a signature over a body and print the verdict as JSON. */
final class VerifyCommands {
  private VerifyCommands() {}

  static List<Command> all() {
    return List.of(new GitHubVerify(), new GiteaVerify(), new TuxVerify(), new StandardVerify());
  }

  /** The verdict object: {@code {"valid":..,"reason":..,"message":..}} (+ extra fields). */
  static Map<String, Object> verdict(SignatureVerificationException failure) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", failure == null);
    out.put("reason", failure == null ? null : failure.reason().name());
    if (failure != null) {
      out.put("message", failure.getMessage());
    }
    return out;
  }

  static int exitCode(Map<String, Object> verdict) {
    return Boolean.TRUE.equals(verdict.get("valid")) ? Main.OK : Main.REJECTED;
  }

  /** GitHub's X-Hub-Signature-256 (or the legacy SHA-1 X-Hub-Signature). */
  private static final class GitHubVerify implements Command {
    private static final Option SIGNATURE_256 = Option.value("signature-256", "VALUE",
        "the X-Hub-Signature-256 header value (sha256=<hex>)");
    private static final Option SIGNATURE = Option.value("signature", "VALUE",
        "the legacy X-Hub-Signature header value (sha1=<hex>)");

    @Override
    public String name() {
      return "verify github";
    }

    @Override
    public String summary() {
      return "check a GitHub webhook signature over the body";
    }

    @Override
    public List<Option> options() {
      return List.of(Secrets.SECRET, Secrets.SECRET_ENV, SIGNATURE_256, SIGNATURE,
          SignCommands.BODY_FILE);
    }

    @Override
    public String details() {
      return "Prints {\"valid\":bool,\"reason\":null|REASON,\"message\":...}; exit 1 when not valid.\n"
          + "Without --signature-256 or --signature the delivery is unsigned: reason MISSING_HEADER.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String secret = Secrets.require(name(), args);
      if (args.has(SIGNATURE_256.name()) && args.has(SIGNATURE.name())) {
        throw new UsageException(name(), "give --signature-256 or --signature, not both");
      }
      boolean sha1 = args.has(SIGNATURE.name());
      HmacScheme scheme = sha1 ? HmacScheme.GITHUB_SHA1 : HmacScheme.GITHUB_SHA256;
      String header = sha1 ? args.get(SIGNATURE.name()) : args.get(SIGNATURE_256.name());
      byte[] body = console.readBody(name(), args.get(SignCommands.BODY_FILE.name()));
      return check(console, WebhookHmac.of(scheme, secret.getBytes(StandardCharsets.UTF_8)),
          header, body);
    }
  }

  /** Gitea/Forgejo's bare-hex X-Gitea-Signature / X-Forgejo-Signature. */
  private static final class GiteaVerify implements Command {
    private static final Option SIGNATURE = Option.value("signature", "HEX",
        "the X-Gitea-Signature or X-Forgejo-Signature header value");

    @Override
    public String name() {
      return "verify gitea";
    }

    @Override
    public String summary() {
      return "check a Gitea/Forgejo webhook signature over the body";
    }

    @Override
    public List<Option> options() {
      return List.of(Secrets.SECRET, Secrets.SECRET_ENV, SIGNATURE, SignCommands.BODY_FILE);
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String secret = Secrets.require(name(), args);
      byte[] body = console.readBody(name(), args.get(SignCommands.BODY_FILE.name()));
      return check(console,
          WebhookHmac.of(HmacScheme.GITEA, secret.getBytes(StandardCharsets.UTF_8)),
          args.get(SIGNATURE.name()), body);
    }
  }

  private static int check(Console console, WebhookHmac hmac, String header, byte[] body) {
    SignatureVerificationException failure = null;
    try {
      hmac.verify(header, body);
    } catch (SignatureVerificationException e) {
      failure = e;
    }
    Map<String, Object> verdict = verdict(failure);
    console.printJson(verdict);
    return exitCode(verdict);
  }

  /** TuxSuite's x-tux-payload-signature, one callback or a batch. */
  private static final class TuxVerify implements Command {
    static final Option PUBLIC_KEY = Option.value("public-key", "LINE",
        "the OpenSSH public key line (ecdsa-sha2-nistp256 AAAA...)");
    static final Option PUBLIC_KEY_FILE = Option.value("public-key-file", "F",
        "read the OpenSSH public key line from F");
    static final Option SIGNATURE = Option.value("signature", "SIG",
        "the x-tux-payload-signature header value");
    static final Option BATCH = Option.value("batch", "FILE",
        "verify many callbacks: one {\"body_b64\",\"header\",\"public_key\"} object a line (- = stdin)");
    static final Option NO_LEGACY = Option.flag("no-legacy",
        "do not accept the legacy double-encoded body form");

    @Override
    public String name() {
      return "verify tux";
    }

    @Override
    public String summary() {
      return "check a TuxSuite callback signature (ECDSA P-256, SHA-256) over the body";
    }

    @Override
    public List<Option> options() {
      return List.of(PUBLIC_KEY, PUBLIC_KEY_FILE, SIGNATURE, SignCommands.BODY_FILE, BATCH,
          NO_LEGACY);
    }

    @Override
    public String details() {
      return "Prints {\"valid\":bool,\"reason\":null|REASON,\"legacy\":bool}; legacy is true when the\n"
          + "body was TuxSuite's old double-encoded form and the signature covered the inner string.\n"
          + "With --batch, prints one such object per input line, in order, and exits 0 once every\n"
          + "line was processed; a line's public_key defaults to --public-key/--public-key-file.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      if (args.has(PUBLIC_KEY.name()) && args.has(PUBLIC_KEY_FILE.name())) {
        throw new UsageException(name(), "give --public-key or --public-key-file, not both");
      }
      String keyLine = args.get(PUBLIC_KEY.name());
      if (args.has(PUBLIC_KEY_FILE.name())) {
        String file = args.get(PUBLIC_KEY_FILE.name());
        keyLine = new String(console.readFile(name(), file), StandardCharsets.UTF_8).strip();
      }
      boolean legacy = !args.has(NO_LEGACY.name());
      if (args.has(BATCH.name())) {
        if (args.has(SIGNATURE.name()) || args.has(SignCommands.BODY_FILE.name())) {
          throw new UsageException(name(), "--batch takes signatures and bodies from its lines");
        }
        return new TuxBatch(name(), keyLine, legacy).run(console, args.get(BATCH.name()));
      }
      if (keyLine == null) {
        throw new UsageException(name(), "a public key is required (--public-key LINE or"
            + " --public-key-file F)");
      }
      TuxSuiteCallbackVerifier verifier = tuxVerifier(name(), keyLine, legacy);
      byte[] body = console.readBody(name(), args.get(SignCommands.BODY_FILE.name()));
      Map<String, Object> verdict = verifyTux(verifier, args.get(SIGNATURE.name()), body);
      console.printJson(verdict);
      return exitCode(verdict);
    }
  }

  /** Builds a verifier for a pinned key line, as a usage error when the key is bad. */
  static TuxSuiteCallbackVerifier tuxVerifier(String command, String keyLine, boolean legacy)
      throws UsageException {
    try {
      return TuxSuiteCallbackVerifier.newBuilder()
          .publicKey(OpenSshPublicKey.parse(keyLine))
          .allowLegacyDoubleEncoding(legacy)
          .build();
    } catch (SignatureVerificationException e) {
      throw new UsageException(command, "public key: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> verifyTux(TuxSuiteCallbackVerifier verifier, String header,
      byte[] body) {
    try {
      TuxSuiteVerification result = verifier.verify(header, body);
      Map<String, Object> out = verdict(null);
      out.put("legacy", result.legacy());
      return out;
    } catch (SignatureVerificationException e) {
      Map<String, Object> out = verdict(e);
      out.put("legacy", false);
      return out;
    }
  }

  /** Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature. */
  private static final class StandardVerify implements Command {
    private static final Option ID = Option.value("id", "ID", "the webhook-id header value");
    private static final Option TIMESTAMP = Option.value("timestamp", "SECONDS",
        "the webhook-timestamp header value");
    private static final Option SIGNATURE = Option.value("signature", "LIST",
        "the webhook-signature header value (space-separated v1,/v1a, entries)");
    private static final Option TOLERANCE = Option.value("tolerance", "SECONDS",
        "accepted clock difference (default 300)");

    @Override
    public String name() {
      return "verify standard";
    }

    @Override
    public String summary() {
      return "check Standard Webhooks headers over the body, with the replay window";
    }

    @Override
    public List<Option> options() {
      return List.of(Secrets.SECRET, Secrets.SECRET_ENV, ID, TIMESTAMP, SIGNATURE, TOLERANCE,
          SignCommands.BODY_FILE);
    }

    @Override
    public String details() {
      return "The secret is a whsec_ HMAC secret, a whpk_ Ed25519 public key or a whsk_ key.";
    }

    @Override
    public int run(ParsedArgs args, Console console) throws UsageException {
      String secret = Secrets.require(name(), args);
      StandardWebhooks.Builder builder = StandardWebhooks.newBuilder();
      if (args.has(TOLERANCE.name())) {
        try {
          builder.tolerance(java.time.Duration.ofSeconds(Long.parseLong(args.get(TOLERANCE.name()))));
        } catch (IllegalArgumentException e) {
          throw new UsageException(name(), "--tolerance must be a non-negative number of seconds", e);
        }
      }
      StandardWebhooks webhooks;
      try {
        if (secret.startsWith("whpk_")) {
          builder.publicKey(secret);
        } else if (secret.startsWith("whsk_")) {
          builder.signingKey(secret);
        } else {
          builder.secret(secret);
        }
        webhooks = builder.build();
      } catch (SignatureVerificationException e) {
        throw new UsageException(name(), "secret: " + e.getMessage(), e);
      }
      byte[] body = console.readBody(name(), args.get(SignCommands.BODY_FILE.name()));
      SignatureVerificationException failure = null;
      try {
        webhooks.verify(args.get(ID.name()), args.get(TIMESTAMP.name()),
            args.get(SIGNATURE.name()), body);
      } catch (SignatureVerificationException e) {
        failure = e;
      }
      Map<String, Object> verdict = verdict(failure);
      console.printJson(verdict);
      return exitCode(verdict);
    }
  }
}
