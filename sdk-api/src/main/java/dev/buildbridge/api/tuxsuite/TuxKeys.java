package dev.buildbridge.api.tuxsuite;

import java.util.List;
import java.util.Optional;

/**
 * A project's keys, {@code GET .../keys}: the group's SSH public key, which also verifies callback
 * signatures, and the personal access tokens and variables stored for builds (TuxSuite masks their
 * values). Prefer {@link TuxSuiteClient#callbackKey()} or
 * {@link TuxSuiteClient#callbackKeyProvider()} to get the callback key.
 *
 * <pre>{@code
 * TuxKeys keys = tux.getKeys();
 * String line = keys.sshPublicKey().orElseThrow();   // "ecdsa-sha2-nistp256 AAAA..."
 * }</pre>
 *
 * @param ssh {@code ssh}, or null
 * @param pat {@code pat}, the personal access tokens; empty when absent
 * @param variables {@code variables}; empty when absent
 */
public record TuxKeys(Ssh ssh, List<Token> pat, List<Variable> variables) {

  /** Copies the lists; null becomes empty. */
  public TuxKeys {
    pat = Copies.list(pat);
    variables = Copies.list(variables);
  }

  /**
   * Returns the OpenSSH public key line, {@code ssh.pub}.
   *
   * @return the line, or empty when absent or blank
   */
  public Optional<String> sshPublicKey() {
    return ssh == null || ssh.pub() == null || ssh.pub().isBlank()
        ? Optional.empty() : Optional.of(ssh.pub());
  }

  /**
   * Names the key's presence and the counts; never a secret.
   *
   * @return for example {@code TuxKeys[ssh=present, pat=1, variables=2]}
   */
  @Override
  public String toString() {
    return "TuxKeys[ssh=" + (sshPublicKey().isPresent() ? "present" : "absent") + ", pat="
        + pat.size() + ", variables=" + variables.size() + "]";
  }

  /**
   * The group's SSH key.
   *
   * <pre>{@code
   * String line = keys.ssh().pub();
   * }</pre>
   *
   * @param pub {@code pub}, an OpenSSH public key line such as
   *     {@code ecdsa-sha2-nistp256 AAAA...}, or null
   */
  public record Ssh(String pub) {}

  /**
   * A personal access token TuxSuite uses to fetch private repositories.
   *
   * <pre>{@code
   * keys.pat().forEach(t -> System.out.println(t.username() + "@" + t.domain()));
   * }</pre>
   *
   * @param token {@code token}, as TuxSuite shows it (masked, {@code ****}); never in
   *     {@link #toString()}
   * @param username {@code username}, or null
   * @param domain {@code domain}, such as {@code gitlab.com}, or null
   */
  public record Token(String token, String username, String domain) {
    /**
     * Shows the user and domain, never the token.
     *
     * @return for example {@code Token[username=u, domain=gitlab.com, token=<redacted>]}
     */
    @Override
    public String toString() {
      return "Token[username=" + username + ", domain=" + domain + ", token=<redacted>]";
    }
  }

  /**
   * A variable made available to builds.
   *
   * <pre>{@code
   * keys.variables().forEach(v -> System.out.println(v.keyname() + " (" + v.type() + ")"));
   * }</pre>
   *
   * @param keyname {@code keyname}, or null
   * @param type {@code type}: {@code variable} (environment) or {@code file}, or null
   * @param value {@code value}, as TuxSuite shows it (masked); never in {@link #toString()}
   */
  public record Variable(String keyname, String type, String value) {
    /**
     * Shows the name and type, never the value.
     *
     * @return for example {@code Variable[keyname=TEST, type=variable, value=<redacted>]}
     */
    @Override
    public String toString() {
      return "Variable[keyname=" + keyname + ", type=" + type + ", value=<redacted>]";
    }
  }
}
