package dk.jobmatch.engine;

import dk.jobmatch.scoring.ScoringPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stable fingerprint of a {@link ScoringPolicy}: {@code sha256:} and the first 16 hex digits of
 * the SHA-256 of a canonical text listing every public, argument-free accessor of the policy
 * (weights, relaxed gates and every constant) by name and value. Equal policies have equal
 * fingerprints across runs, machines and versions of this library that add no constant; any
 * changed constant changes it. Logged with each shortlist by the {@link AuditListener} so that a
 * proposal can be traced to the exact rules that produced it.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyFingerprint {
  private PolicyFingerprint() {}

  /** The fingerprint of {@code policy}. */
  public static String of(ScoringPolicy policy) {
    return "sha256:" + HexFormat.of().formatHex(sha256(canonical(policy).getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /** The canonical text hashed by {@link #of}: one {@code name=value} line per constant, by name. */
  public static String canonical(ScoringPolicy policy) {
    Method[] methods = ScoringPolicy.class.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    StringBuilder sb = new StringBuilder();
    for (Method m : methods) {
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != ScoringPolicy.class
          || m.getName().equals("hashCode")) {
        continue;
      }
      Class<?> t = m.getReturnType();
      if (!(t.isPrimitive() || Number.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)
          || Set.class.isAssignableFrom(t)) || t == void.class) {
        continue;
      }
      Object v;
      try {
        v = m.invoke(policy);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read policy constant " + m.getName(), e);
      }
      if (v instanceof Map<?, ?> map) {
        Map<String, String> sorted = new TreeMap<>();
        map.forEach((k, x) -> sorted.put(String.valueOf(k), String.valueOf(x)));
        v = sorted;
      } else if (v instanceof Set<?> set) {
        Set<String> sorted = new TreeSet<>();
        set.forEach(x -> sorted.add(String.valueOf(x)));
        v = sorted;
      }
      sb.append(m.getName()).append('=').append(v).append('\n');
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
