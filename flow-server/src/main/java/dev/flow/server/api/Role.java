package dev.flow.server.api;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** What a token may do: read (GETs and side-effect-free POSTs), edit (writes), admin (tokens). */
public enum Role implements RouteRole {
  READ,
  EDIT,
  ADMIN;

  /** Whether a token of this role may call a route that needs {@code needed}. */
  public boolean allows(Role needed) {
    return ordinal() >= needed.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code s} (read, edit or admin), or null. */
  public static Role parse(String s) {
    if (s == null) {
      return null;
    }
    for (Role r : values()) {
      if (r.label().equals(s)) {
        return r;
      }
    }
    return null;
  }
}
