package dk.jobmatch.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a citizen scored what they did for an order. Immutable; the component map iterates in
 * {@link Component} order and the flag set in {@link Flag} order.
 *
 * @param components every component's value, weight and contribution
 * @param matchedSkills required skills credited, directly or through a related skill, in the
 *     order's order
 * @param missingSkills required skills not credited, in the order's order
 * @param missingEssentialSkills the essential ones among {@code missingSkills}: the upskilling need
 * @param flags the flags that apply
 * @param matchedVia for each matched required skill the citizen does not hold itself, the held
 *     related skill that earned its (partial) credit; required skills held directly are absent
 */
public record Explanation(
    Map<Component, ComponentScore> components,
    List<String> matchedSkills,
    List<String> missingSkills,
    List<String> missingEssentialSkills,
    Set<Flag> flags,
    Map<String, String> matchedVia) {

  /**
   * An explanation in which every matched skill is held directly.
   *
   * @param components every component's value, weight and contribution
   * @param matchedSkills required skills credited, in the order's order
   * @param missingSkills required skills not credited, in the order's order
   * @param missingEssentialSkills the essential ones among {@code missingSkills}
   * @param flags the flags that apply
   * @throws NullPointerException if an argument is null
   */
  public Explanation(Map<Component, ComponentScore> components, List<String> matchedSkills, List<String> missingSkills,
      List<String> missingEssentialSkills, Set<Flag> flags) {
    this(components, matchedSkills, missingSkills, missingEssentialSkills, flags, Map.of());
  }

  /** Copies into unmodifiable, ordered collections. */
  public Explanation {
    matchedVia = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchedVia));
    EnumMap<Component, ComponentScore> copy;
    if (components instanceof EnumMap<Component, ComponentScore> e) {
      copy = new EnumMap<>(e);
    } else {
      copy = new EnumMap<>(Component.class);
      copy.putAll(components);
    }
    components = Collections.unmodifiableMap(copy);
    matchedSkills = List.copyOf(matchedSkills);
    missingSkills = List.copyOf(missingSkills);
    missingEssentialSkills = List.copyOf(missingEssentialSkills);
    flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
  }

  /**
   * Whether the flag applies.
   *
   * @param flag the flag
   * @return true if {@link #flags()} contains it
   */
  public boolean has(Flag flag) {
    return flags.contains(flag);
  }

  /**
   * The value of one component.
   *
   * @param c the component
   * @return its value, 0–1; 0 when the explanation has no score for it
   */
  public double value(Component c) {
    ComponentScore s = components.get(c);
    return s == null ? 0 : s.value();
  }

  /** Component values and flags only; skill lists are personal data and are left out. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Explanation[");
    components.forEach((c, v) -> b.append(c.jsonName()).append('=').append(String.format(java.util.Locale.ROOT, "%.4f", v.value())).append(' '));
    return b.append("flags=").append(flags).append(", matched=").append(matchedSkills.size())
        .append(", missing=").append(missingSkills.size()).append(']').toString();
  }
}
