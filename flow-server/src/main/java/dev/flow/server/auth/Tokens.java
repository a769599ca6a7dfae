package dev.flow.server.auth;

import dev.flow.server.api.ApiException;
import dev.flow.server.api.Role;
import dev.flow.server.store.Database;
import dev.flow.server.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens: random 256-bit bearer tokens, of which only the SHA-256 hash is stored, each with a
 * name (the author of the versions it writes) and a role.
 */
public final class Tokens {

  /** A token's name and role; who is calling. */
  public record Principal(String name, Role role) {}

  /** A token as listed: never its value. */
  public record TokenInfo(String name, String role, Instant createdAt) {}

  /** A token just created: the only time its value is shown. */
  public record Created(String name, String role, String token) {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;

  public Tokens(Database db) {
    this.db = db;
  }

  /** The caller of a bearer token, or empty when no token has that value. */
  public Optional<Principal> authenticate(String token) {
    String hash = hash(token);
    return db.tx(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("select name, role from tokens where token_hash = ?")) {
            st.setString(1, hash);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Principal(rs.getString(1), Role.parse(rs.getString(2))))
                  : Optional.empty();
            }
          }
        });
  }

  /** Creates the token {@code name}; 409 when the name is taken. */
  public Created create(String name, Role role) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ApiException.badRequest(
          "a token name is 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter"
              + " or digit");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "flow_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    try {
      db.tx(
          c -> {
            try (PreparedStatement st =
                c.prepareStatement(
                    "insert into tokens (name, role, token_hash, created_at) values (?, ?, ?, ?)")) {
              st.setString(1, name);
              st.setString(2, role.label());
              st.setString(3, hash(token));
              st.setObject(4, Database.ts(Database.now()));
              st.executeUpdate();
            }
            return null;
          });
    } catch (StoreException e) {
      if (e.conflict()) {
        throw ApiException.conflict("a token named '" + name + "' already exists");
      }
      throw e;
    }
    return new Created(name, role.label(), token);
  }

  /**
   * Creates the admin token when there is no token at all, and returns its value; empty when there
   * are tokens already (or another server created the first one at the same moment).
   */
  public Optional<String> createFirstAdmin() {
    boolean empty =
        db.tx(
            c -> {
              try (PreparedStatement st = c.prepareStatement("select count(*) from tokens");
                  ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
              }
            });
    if (!empty) {
      return Optional.empty();
    }
    try {
      return Optional.of(create("admin", Role.ADMIN).token());
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  public List<TokenInfo> list() {
    return db.tx(
        c -> {
          List<TokenInfo> out = new ArrayList<>();
          try (PreparedStatement st =
                  c.prepareStatement("select name, role, created_at from tokens order by name");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new TokenInfo(
                      rs.getString(1), rs.getString(2), Database.instant(rs, "created_at")));
            }
          }
          return out;
        });
  }

  /** Deletes the token {@code name}; 404 when there is none. */
  public void delete(String name) {
    int n =
        db.tx(
            c -> {
              try (PreparedStatement st = c.prepareStatement("delete from tokens where name = ?")) {
                st.setString(1, name);
                return st.executeUpdate();
              }
            });
    if (n == 0) {
      throw ApiException.notFound("no token named '" + name + "'");
    }
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
