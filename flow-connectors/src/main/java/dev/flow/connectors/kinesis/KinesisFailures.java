package dev.flow.connectors.kinesis;

import dev.flow.spi.ErrorRecordFactory;
import java.util.Set;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.exception.SdkClientException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What a failed PutRecords entry or request means for the Kinesis publisher: worth another attempt,
 * or final; and the text its error record carries.
 */
final class KinesisFailures {
  private KinesisFailures() {}

  /** Per-entry error codes that pass: the shard is busy, or Kinesis or KMS hiccuped. */
  static final Set<String> RETRYABLE_CODES =
      Set.of(
          "ProvisionedThroughputExceededException",
          "InternalFailure",
          "KMSThrottlingException",
          "LimitExceededException",
          "ServiceUnavailable",
          "ThrottlingException");

  /** Request-level error codes that refuse what the request carries, not the whole stream. */
  static final Set<String> CONTENT_CODES =
      Set.of("InvalidArgumentException", "ValidationException");

  /** True when an entry refused with {@code errorCode} may pass on another attempt. */
  static boolean retryable(String errorCode) {
    return errorCode != null && RETRYABLE_CODES.contains(errorCode);
  }

  /** True when a request that failed with {@code error} may pass on another attempt. */
  static boolean retryable(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof AwsServiceException a) {
      return a.isThrottlingException()
          || a.statusCode() >= 500
          || retryable(a.awsErrorDetails() == null ? null : a.awsErrorDetails().errorCode());
    }
    if (t instanceof SdkServiceException s) {
      return s.isThrottlingException() || s.statusCode() >= 500;
    }
    // A connection error, a timeout, a broken response: nothing says the stream refused.
    return t instanceof SdkClientException || t instanceof java.io.IOException;
  }

  /** True when the request was refused for what one of its entries holds, such as its size. */
  static boolean refusesContent(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      return CONTENT_CODES.contains(a.awsErrorDetails().errorCode()) || a.statusCode() == 413;
    }
    return false;
  }

  /** The error code and message of a failed request, e.g. {@code ResourceNotFoundException: x}. */
  static String describe(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      return entry(a.awsErrorDetails().errorCode(), a.awsErrorDetails().errorMessage());
    }
    return ErrorRecordFactory.describe(t);
  }

  /** The error code and message of a refused entry. */
  static String entry(String errorCode, String errorMessage) {
    String code = errorCode == null ? "error" : errorCode;
    return errorMessage == null || errorMessage.isBlank() ? code : code + ": " + errorMessage;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
