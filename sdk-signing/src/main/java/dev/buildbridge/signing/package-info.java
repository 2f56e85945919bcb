/**
 * Webhook and callback signatures: {@link dev.buildbridge.signing.WebhookHmac} (GitHub, Gitea,
 * Forgejo), {@link dev.buildbridge.signing.TuxSuiteCallbackVerifier} and
 * {@link dev.buildbridge.signing.TuxSuiteCallbackSigner} (ECDSA over the raw body),
 * {@link dev.buildbridge.signing.OpenSshPublicKey} and {@link dev.buildbridge.signing.PrivateKeys}
 * (key formats), {@link dev.buildbridge.signing.GitHubAppJwtIssuer} (GitHub App JWTs) and
 * {@link dev.buildbridge.signing.StandardWebhooks}. Every failure is a
 * {@link dev.buildbridge.signing.SignatureVerificationException} with a reason code.
 */
package dev.buildbridge.signing;
