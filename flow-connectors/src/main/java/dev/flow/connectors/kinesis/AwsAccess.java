package dev.flow.connectors.kinesis;

import dev.flow.spi.Prop;
import dev.flow.spi.PropGroup;
import dev.flow.spi.ValidationContext;
import java.net.URI;

/**
 * The AWS access props of the Kinesis trigger and publisher, declared once: region, endpoint and
 * credentials.
 *
 * @param region the AWS region, or null to take it from the stream's ARN
 * @param endpoint an endpoint override such as {@code http://localhost:4567}, or null
 * @param credentials the credentials provider
 * @param accessKeyId the access key id for {@code credentials: basic}
 * @param secretAccessKey the secret key for {@code credentials: basic}
 */
@PropGroup
public record AwsAccess(
    @Prop(description = "The AWS region; taken from the ARN when unset.", example = "us-east-1")
        String region,
    @Prop(
            description = "An endpoint to use instead of AWS's, e.g. a local emulator.",
            example = "http://localhost:4567")
        String endpoint,
    @Prop(
            description =
                "auto (the default AWS chain), basic (accessKeyId and secretAccessKey), env_var,"
                    + " sys_prop, profile, assume_role or web_identity_token; the last three"
                    + " take their settings from properties.",
            defaultValue = "auto")
        Credentials credentials,
    @Prop(description = "The access key id for credentials: basic.", secret = true)
        String accessKeyId,
    @Prop(description = "The secret access key for credentials: basic.", secret = true)
        String secretAccessKey) {

  /** The credentials providers a flow can name. */
  public enum Credentials {
    /** The default chain: environment, system properties, profile, container or instance role. */
    AUTO,
    /** accessKeyId and secretAccessKey. */
    BASIC,
    ENV_VAR,
    SYS_PROP,
    PROFILE,
    ASSUME_ROLE,
    WEB_IDENTITY_TOKEN
  }

  /** Checks these props for {@code stream}, a stream name or ARN. */
  void validate(ValidationContext ctx, String stream) {
    if (stream != null && stream.startsWith("arn:")) {
      if (KinesisAccess.arnRegion(stream) == null) {
        ctx.error(
            "stream",
            "'"
                + stream
                + "' is not a stream ARN such as"
                + " arn:aws:kinesis:us-east-1:123456789012:stream/orders");
      }
    } else if (region == null) {
      ctx.error("region", "set region, or give the stream as an ARN");
    }
    if (credentials == Credentials.BASIC && (accessKeyId == null || secretAccessKey == null)) {
      ctx.error("credentials", "credentials: basic needs accessKeyId and secretAccessKey");
    }
    if (credentials != Credentials.BASIC && (accessKeyId != null || secretAccessKey != null)) {
      ctx.warning(
          "accessKeyId", "accessKeyId and secretAccessKey are used only with credentials: basic");
    }
    if (endpoint != null) {
      try {
        URI u = URI.create(endpoint);
        if (u.getScheme() == null || u.getHost() == null) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        ctx.error("endpoint", "'" + endpoint + "' is not a URL such as http://localhost:4567");
      }
    }
  }
}
