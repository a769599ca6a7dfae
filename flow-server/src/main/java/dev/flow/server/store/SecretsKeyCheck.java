package dev.flow.server.store;

import dev.flow.server.auth.SecretBox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Refuses to start with another secrets key than the store's secrets were encrypted with: the first
 * server stores a value encrypted with its key, later ones must be able to open it.
 */
public final class SecretsKeyCheck {
  private SecretsKeyCheck() {}

  public static void verify(Database db, SecretBox box) {
    String stored =
        db.tx(
            c -> {
              try (PreparedStatement st =
                      c.prepareStatement("select ciphertext from secret_key_check where id = 1");
                  ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
              }
            });
    if (stored == null) {
      try {
        db.tx(
            c -> {
              try (PreparedStatement st =
                  c.prepareStatement(
                      "insert into secret_key_check (id, ciphertext) values (1, ?)")) {
                st.setString(1, box.checkValue());
                return st.executeUpdate();
              }
            });
        return;
      } catch (StoreException e) {
        if (!e.conflict()) {
          throw e;
        }
        verify(db, box);
        return;
      }
    }
    if (!box.opens(stored)) {
      throw new IllegalStateException(
          "the secrets key is not the one this store's secrets were encrypted with: give the same"
              + " FLOW_SERVER_KEY (or secret.key file) to every server of one database");
    }
  }
}
