package dev.flow.client.model;

import java.util.List;

/** One page of a list the server pages: its items, newest first, and the total. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = items == null ? List.of() : items;
  }
}
