package dk.jobmatch.taxonomy;

import dk.jobmatch.model.RequiredSkill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The skills of an ISCO/DISCO group, derived from the skills of the occupations in it: a skill
 * is essential for the group when it is essential for at least half of the group's occupations,
 * optional when at least half list it at all. Taking the majority keeps the core of the group
 * (what every nurse needs) and drops what only one specialisation asks for.
 */
final class GroupSkills {
  private GroupSkills() {}

  /**
   * @param perOccupation each occupation's skills
   * @return essential skills first, then optional ones, each in id order
   */
  static List<RequiredSkill> majority(List<List<RequiredSkill>> perOccupation) {
    int n = perOccupation.size();
    if (n == 0) {
      return List.of();
    }
    if (n == 1) {
      return List.copyOf(perOccupation.get(0));
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (List<RequiredSkill> skills : perOccupation) {
      for (RequiredSkill s : skills) {
        int[] c = counts.computeIfAbsent(s.id(), k -> new int[2]);
        c[1]++;
        if (s.essential()) {
          c[0]++;
        }
      }
    }
    List<RequiredSkill> essential = new ArrayList<>();
    List<RequiredSkill> optional = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      if (2 * c[0] >= n) {
        essential.add(RequiredSkill.essential(e.getKey()));
      } else if (2 * c[1] >= n) {
        optional.add(RequiredSkill.optional(e.getKey()));
      }
    }
    essential.addAll(optional);
    return List.copyOf(essential);
  }
}
