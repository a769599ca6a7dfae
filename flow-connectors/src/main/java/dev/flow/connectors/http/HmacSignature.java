package dev.flow.connectors.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an HMAC-SHA256 signature of a request body, sent as hex with or without a {@code sha256=}
 * prefix, in constant time.
 */
final class HmacSignature {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  HmacSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The hex signature of {@code body}. */
  String sign(byte[] body) {
    return HexFormat.of().formatHex(mac(body));
  }

  /** True when {@code header} carries the signature of {@code body}. */
  boolean verify(byte[] body, String header) {
    if (header == null) {
      return false;
    }
    String hex = header.trim();
    if (hex.regionMatches(true, 0, "sha256=", 0, 7)) {
      hex = hex.substring(7);
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(mac(body), given);
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
