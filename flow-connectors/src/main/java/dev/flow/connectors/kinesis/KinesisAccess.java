package dev.flow.connectors.kinesis;

import dev.flow.connectors.ConnectorException;
import dev.flow.spi.StageContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.kinesis.shaded.org.apache.flink.connector.aws.util.AWSGeneralUtil;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.exception.SdkException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.apache.ApacheHttpClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.regions.Region;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * How to reach Kinesis: the {@link AwsAccess} props and extra client properties, shared by the
 * Kinesis trigger and publisher. Builds the connector's client properties and resolves a stream
 * name to its ARN, which also checks that Kinesis answers.
 *
 * @param region the AWS region, or null to take it from the ARN
 * @param endpoint an endpoint override such as {@code http://localhost:4567}, or null
 * @param credentials the credentials provider
 * @param accessKeyId the access key id for BASIC credentials
 * @param secretAccessKey the secret key for BASIC credentials
 * @param properties further connector properties ({@code aws.*}, {@code flink.*}), or null
 */
record KinesisAccess(
    String region,
    String endpoint,
    AwsAccess.Credentials credentials,
    String accessKeyId,
    String secretAccessKey,
    Map<String, String> properties) {

  /** The access of {@code aws} with further client {@code properties} (or null). */
  KinesisAccess(AwsAccess aws, Map<String, String> properties) {
    this(
        aws.region(),
        aws.endpoint(),
        aws.credentials(),
        aws.accessKeyId(),
        aws.secretAccessKey(),
        properties);
  }

  /** The region of a stream ARN, or null when {@code arn} is not one. */
  static String arnRegion(String arn) {
    String[] p = arn.split(":", 6);
    if (p.length != 6 || !p[2].equals("kinesis") || !p[5].startsWith("stream/")) {
      return null;
    }
    return p[3].isEmpty() ? null : p[3];
  }

  /** The region to use for {@code stream}: the prop, else the ARN's. */
  String regionFor(String stream) {
    if (region != null) {
      return region;
    }
    return stream.startsWith("arn:") ? arnRegion(stream) : null;
  }

  /** The connector's client properties. */
  Properties clientProperties(String stream) {
    Properties p = new Properties();
    if (properties != null) {
      p.putAll(properties);
    }
    p.put("aws.region", regionFor(stream));
    if (endpoint != null) {
      p.put("aws.endpoint", endpoint);
      if (endpoint.startsWith("http://")) {
        p.putIfAbsent("aws.http.protocol.version", "HTTP1_1");
      }
    }
    AwsAccess.Credentials c = credentials == null ? AwsAccess.Credentials.AUTO : credentials;
    p.put("aws.credentials.provider", c.name());
    if (c == AwsAccess.Credentials.BASIC) {
      p.put("aws.credentials.provider.basic.accesskeyid", accessKeyId);
      p.put("aws.credentials.provider.basic.secretkey", secretAccessKey);
    }
    return p;
  }

  /**
   * The ARN of {@code stream}, looked up when it is a name; checks that Kinesis answers and the
   * stream exists. Throws a {@link ConnectorException} naming the stage otherwise.
   */
  String resolve(StageContext ctx, String stream, Duration timeout) {
    boolean isArn = stream.startsWith("arn:");
    if (isArn && (timeout == null || timeout.isZero())) {
      return stream;
    }
    if (timeout == null || timeout.isZero()) {
      throw ConnectorException.of(
          ctx, "give the stream as an ARN when connectTimeout is 0s (no lookup at start)");
    }
    String where = endpoint != null ? endpoint : "region " + regionFor(stream);
    Properties props = clientProperties(stream);
    KinesisClient client = null;
    try {
      KinesisClientBuilder b =
          KinesisClient.builder()
              .region(Region.of(regionFor(stream)))
              .credentialsProvider(AWSGeneralUtil.getCredentialsProvider(props))
              .httpClient(
                  ApacheHttpClient.builder()
                      .connectionTimeout(timeout)
                      .socketTimeout(timeout)
                      .build())
              .overrideConfiguration(
                  o -> o.apiCallTimeout(timeout).retryPolicy(r -> r.numRetries(1)));
      if (endpoint != null) {
        b.endpointOverride(URI.create(endpoint));
      }
      client = b.build();
      var summary =
          client
              .describeStreamSummary(
                  r -> {
                    if (isArn) {
                      r.streamARN(stream);
                    } else {
                      r.streamName(stream);
                    }
                  })
              .streamDescriptionSummary();
      return summary.streamARN();
    } catch (ResourceNotFoundException e) {
      throw ConnectorException.of(ctx, "Kinesis stream " + stream + " does not exist at " + where);
    } catch (SdkException | IllegalArgumentException | IllegalStateException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw ConnectorException.of(ctx, "cannot reach Kinesis at " + where + ": " + why);
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }
}
