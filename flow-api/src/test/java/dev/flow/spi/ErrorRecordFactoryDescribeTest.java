package dev.flow.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** An error record's message is the failure's own, not the future's wrapper of it. */
class ErrorRecordFactoryDescribeTest {

  static final class CallFailed extends RuntimeException {
    CallFailed(String message) {
      super(message);
    }
  }

  @Test
  void aFuturesWrapperGivesWayToItsCause() {
    CompletableFuture<Object> f =
        CompletableFuture.failedFuture(new CallFailed("POST /x: HTTP 500"));
    CompletionException joined = null;
    try {
      f.thenApply(x -> x).join();
    } catch (CompletionException e) {
      joined = e;
    }
    assertThat(joined.getMessage()).startsWith(CallFailed.class.getName());
    assertThat(ErrorRecordFactory.describe(joined)).isEqualTo("POST /x: HTTP 500");
    assertThat(ErrorRecordFactory.describe(new ExecutionException(new CallFailed("down"))))
        .isEqualTo("down");
    assertThat(ErrorRecordFactory.describe(new IllegalStateException("plain"))).isEqualTo("plain");
  }
}
