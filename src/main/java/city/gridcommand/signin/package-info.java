/**
 * Sign-in, the adapter side: the OIDC resource server's tenant (an external provider's issuer URL, or the
 * built-in issuer whose signing key lives in the data directory), minting the built-in issuer's tokens
 * (the {@code token} command, the demo login) and turning a verified token into a
 * {@link city.gridcommand.access.Caller}.
 */
package city.gridcommand.signin;
