package dev.flow.connectors.http;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed auth attempts per client address: past {@code maxFailures} within one lockout
 * window, the address is locked out until the window ends and its requests get 429. A success
 * clears the count. At most {@link #MAX_TRACKED} addresses are tracked; the oldest go first.
 */
final class AuthThrottle {
  static final int MAX_TRACKED = 10_000;

  private final int maxFailures;
  private final long lockoutMillis;
  private final LongSupplier clock;
  private final Map<InetAddress, Failures> byClient = new ConcurrentHashMap<>();

  /** The failures of one address since {@code since}; locked until {@code lockedUntil}. */
  private record Failures(long since, int count, long lockedUntil) {}

  AuthThrottle(int maxFailures, long lockoutMillis, LongSupplier clock) {
    this.maxFailures = maxFailures;
    this.lockoutMillis = Math.max(1, lockoutMillis);
    this.clock = clock;
  }

  /** The seconds until {@code client} may try again, or 0 when it is not locked out. */
  long retryAfterSeconds(InetAddress client) {
    if (maxFailures <= 0 || client == null) {
      return 0;
    }
    Failures f = byClient.get(client);
    long now = clock.getAsLong();
    if (f == null || f.lockedUntil() <= now) {
      return 0;
    }
    return Math.max(1, (f.lockedUntil() - now + 999) / 1000);
  }

  /** Counts one failed attempt of {@code client}. */
  void failed(InetAddress client) {
    if (maxFailures <= 0 || client == null) {
      return;
    }
    long now = clock.getAsLong();
    if (byClient.size() >= MAX_TRACKED && !byClient.containsKey(client)) {
      evictExpired(now);
    }
    byClient.compute(
        client,
        (k, f) -> {
          if (f == null || (f.lockedUntil() <= now && now - f.since() >= lockoutMillis)) {
            f = new Failures(now, 0, 0);
          }
          int count = f.count() + 1;
          long locked = count >= maxFailures ? now + lockoutMillis : f.lockedUntil();
          return new Failures(f.since(), count, locked);
        });
  }

  /** Clears the failures of {@code client} after a successful attempt. */
  void succeeded(InetAddress client) {
    if (client != null && !byClient.isEmpty()) {
      byClient.remove(client);
    }
  }

  private void evictExpired(long now) {
    byClient
        .entrySet()
        .removeIf(
            e -> e.getValue().lockedUntil() <= now && now - e.getValue().since() >= lockoutMillis);
    if (byClient.size() >= MAX_TRACKED) {
      byClient.clear();
    }
  }
}
