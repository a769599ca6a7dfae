package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bounded hand-over between the webhook's server threads and its source reader. Capacity counts
 * records from admission until {@link #release}: a request is admitted whole or refused, so memory
 * stays bounded however hard clients push.
 */
final class Inbox {

  /** The records of one accepted request and how to answer it. */
  record Accepted(List<FlowRecord> records, Responder responder) {}

  /** Answers one accepted request once its fate is known. */
  interface Responder {
    /** The records are safe: answer 202. */
    void stored();

    /** The records were not stored: answer 503 so that the client sends them again. */
    void lost(String reason);
  }

  private final int capacity;
  private final ArrayDeque<Accepted> queue = new ArrayDeque<>();
  private int held;
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private boolean closed;

  Inbox(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Admits {@code a} whole, or returns false when its records do not fit or the inbox closed. Wakes
   * the reader at once when it waits.
   */
  boolean offer(Accepted a) {
    if (!admit(a)) {
      return false;
    }
    signal();
    return true;
  }

  /**
   * Admits {@code a} like {@link #offer} but wakes the reader only by a task on {@code loop}: an
   * event loop runs its tasks once it has handled the requests its last poll found, so the requests
   * of one round share one wake-up of the reader instead of one each.
   */
  boolean offer(Accepted a, Executor loop) {
    if (!admit(a)) {
      return false;
    }
    if (signalQueued.compareAndSet(false, true)) {
      loop.execute(signalTask);
    }
    return true;
  }

  private synchronized boolean admit(Accepted a) {
    int n = a.records().size();
    if (closed || held + n > capacity) {
      return false;
    }
    held += n;
    queue.add(a);
    return true;
  }

  private final AtomicBoolean signalQueued = new AtomicBoolean();
  private final Runnable signalTask =
      () -> {
        signalQueued.set(false);
        signal();
      };

  /** Completes the future the reader may wait on. */
  private void signal() {
    CompletableFuture<Void> toComplete;
    synchronized (this) {
      toComplete = available;
    }
    toComplete.complete(null);
  }

  /** Takes up to {@code max} requests, oldest first. */
  synchronized List<Accepted> drain(int max) {
    List<Accepted> out = new ArrayList<>(Math.min(max, queue.size()));
    while (out.size() < max && !queue.isEmpty()) {
      out.add(queue.poll());
    }
    return out;
  }

  /** Frees room for {@code records} records that were handed on or stored. */
  synchronized void release(int records) {
    held -= records;
  }

  /** A future done when requests wait to be drained. */
  synchronized CompletableFuture<Void> available() {
    if (!queue.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    if (available.isDone()) {
      available = new CompletableFuture<>();
    }
    return available;
  }

  synchronized boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Records admitted and not yet released. */
  synchronized int held() {
    return held;
  }

  int capacity() {
    return capacity;
  }

  /** Refuses further requests and returns those never drained. */
  synchronized List<Accepted> close() {
    closed = true;
    List<Accepted> rest = new ArrayList<>(queue);
    queue.clear();
    return rest;
  }
}
