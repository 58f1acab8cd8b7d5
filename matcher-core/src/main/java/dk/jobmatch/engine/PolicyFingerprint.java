package dk.jobmatch.engine;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable fingerprint of a {@link ScoringPolicy}: {@code sha256:} and the first 16 hex digits of
 * the SHA-256 of a canonical text of the policy: its name and version, every component weight,
 * the relaxed gates and every {@link PolicyConstant}, each as {@code name=value} in a fixed
 * order. Equal policies have equal fingerprints across runs and machines; a policy whose label
 * ({@code name@version}) was kept while a weight or constant changed gets a different one, so a
 * logged proposal can be traced to the exact rules that produced it.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyFingerprint {
  private PolicyFingerprint() {}

  /**
   * The fingerprint of {@code policy}.
   *
   * @param policy the policy
   * @return {@code sha256:} and the first 8 bytes of the SHA-256 of {@link #canonical}, in 16 hex
   *     digits
   * @throws NullPointerException if {@code policy} is null
   */
  public static String of(ScoringPolicy policy) {
    return "sha256:" + HexFormat.of().formatHex(sha256(canonical(policy).getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /**
   * The canonical text hashed by {@link #of}: one {@code name=value} line per setting.
   *
   * @param policy the policy
   * @return the lines, each ending with a newline
   * @throws NullPointerException if {@code policy} is null
   */
  public static String canonical(ScoringPolicy policy) {
    StringBuilder sb = new StringBuilder();
    sb.append("name=").append(policy.name()).append('\n');
    sb.append("version=").append(policy.version()).append('\n');
    for (Component c : Component.values()) {
      sb.append("weight.").append(c.name()).append('=').append(policy.weight(c)).append('\n');
    }
    for (Gate g : Gate.values()) {
      sb.append("relaxed.").append(g.name()).append('=').append(policy.relaxed(g)).append('\n');
    }
    for (PolicyConstant k : PolicyConstant.values()) {
      sb.append(k.name()).append('=').append(policy.constant(k)).append('\n');
    }
    return sb.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
