package dev.flow.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts parameter values at rest with AES-256-GCM (the JDK's), a fresh 96-bit IV per value and
 * the value's owner as associated data, so a ciphertext cannot be moved to another parameter.
 *
 * <p>The key never lives in the database: it comes from {@code FLOW_SERVER_KEY} (base64 of 32
 * bytes) or from the file {@code secret.key} in the data folder, created at first start with
 * owner-only permissions. Servers sharing one PostgreSQL must share the key.
 */
public final class SecretBox {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A box with a key given directly (32 bytes). */
  public static SecretBox of(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the secrets key must be 32 bytes, not " + key.length);
    }
    return new SecretBox(key.clone());
  }

  /** The key from {@code envKey} when set, else from {@code data/secret.key}, created if absent. */
  public static SecretBox load(String envKey, Path data) throws IOException {
    if (envKey != null && !envKey.isBlank()) {
      byte[] k;
      try {
        k = Base64.getDecoder().decode(envKey.strip());
      } catch (IllegalArgumentException e) {
        throw new IOException("FLOW_SERVER_KEY is not base64");
      }
      if (k.length != 32) {
        throw new IOException("FLOW_SERVER_KEY must be the base64 of 32 bytes, not " + k.length);
      }
      return new SecretBox(k);
    }
    Path file = data.resolve("secret.key");
    if (Files.exists(file)) {
      byte[] k = Base64.getDecoder().decode(Files.readString(file).strip());
      if (k.length != 32) {
        throw new IOException(file + " must hold the base64 of 32 bytes");
      }
      return new SecretBox(k);
    }
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    Files.createDirectories(data);
    Files.writeString(
        file,
        Base64.getEncoder().encodeToString(k) + "\n",
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the folder's own permissions protect the key.
    }
    return new SecretBox(k);
  }

  /** Encrypts {@code plain}, bound to {@code owner}: base64 of IV and ciphertext with its tag. */
  public String encrypt(String plain, String owner) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + ct.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(ct, 0, out, iv.length, ct.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Decrypts what {@link #encrypt} gave for {@code owner}; throws when the key or owner differ. */
  public String decrypt(String sealed, String owner) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      c.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a secret cannot be decrypted: the secrets key is not the one it was encrypted with");
    }
  }

  /** The plain text of the value that tells whether a key is the one the store was set up with. */
  public static final String CHECK_PLAIN = "flow-server-key-check";

  /** Whether the key can open {@code sealed}, the stored check value. */
  public boolean opens(String sealed) {
    try {
      return CHECK_PLAIN.equals(decrypt(sealed, "key-check"));
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** A new check value for this key. */
  public String checkValue() {
    return encrypt(CHECK_PLAIN, "key-check");
  }
}
