package dk.jobmatch.cli;

import dk.jobmatch.cli.io.Stderr;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.Locale;

/**
 * Warns about occupation codes and ESCO skill URIs that the loaded taxonomy does not list — a
 * typo, or an export of another ESCO version. Such a reference is kept (the record is valid and
 * still matched on everything else), but it earns no hierarchy or related-skill credit, so the
 * user must hear about it: the first {@value #SHOWN} per file are named with file, line and JSON
 * path, the rest counted in a summary line. Only schemes the taxonomy {@linkplain Taxonomy#covers
 * covers} are checked, so without {@code --esco} nothing is.
 *
 * <p>Not thread-safe: used by the one thread reading a file.
 */
final class UnknownCodes {
  static final int SHOWN = 20;
  private static final String ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/";

  private final Taxonomy taxonomy;
  private final String file;
  private final Stderr err;
  private final boolean escoSkills;
  private long count;

  private UnknownCodes(Taxonomy taxonomy, String file, Stderr err) {
    this.taxonomy = taxonomy;
    this.file = file;
    this.err = err;
    this.escoSkills = taxonomy.covers(OccupationRef.Scheme.ESCO);
  }

  /** A check of {@code file} against {@code taxonomy}, or {@code null} if the taxonomy covers nothing. */
  static UnknownCodes of(Taxonomy taxonomy, String file, Stderr err) {
    for (OccupationRef.Scheme s : OccupationRef.Scheme.values()) {
      if (taxonomy.covers(s)) {
        return new UnknownCodes(taxonomy, file, err);
      }
    }
    return null;
  }

  void citizen(long line, Citizen c) {
    for (int i = 0; i < c.jobGoals().size(); i++) {
      occupation(line, "jobGoals[" + i + "].occupation", c.jobGoals().get(i).occupation());
    }
    for (int i = 0; i < c.experience().size(); i++) {
      occupation(line, "experience[" + i + "].occupation", c.experience().get(i).occupation());
    }
    for (int i = 0; i < c.skills().size(); i++) {
      skill(line, "skills[" + i + "].id", c.skills().get(i).id());
    }
  }

  void order(long line, JobOrder o) {
    occupation(line, "occupation", o.occupation());
    for (int i = 0; i < o.requiredSkills().size(); i++) {
      skill(line, "requiredSkills[" + i + "].id", o.requiredSkills().get(i).id());
    }
  }

  private void occupation(long line, String path, OccupationRef ref) {
    if (taxonomy.covers(ref.scheme()) && !taxonomy.knows(ref)) {
      report(line, path, ref.toString(), switch (ref.scheme()) {
        case ESCO -> "the ESCO export";
        case ISCO -> "ISCO-08";
        case DISCO -> "DISCO-08";
      });
    }
  }

  private void skill(long line, String path, String id) {
    if (escoSkills && id.startsWith(ESCO_SKILL_PREFIX) && taxonomy.skillLabel(id).isEmpty()) {
      report(line, path, id, "the ESCO export");
    }
  }

  /** Names the file, line and JSON path, never the code or URI itself: it describes a person. */
  private void report(long line, String path, String value, String where) {
    if (++count <= SHOWN) {
      err.println(file + ":" + line + ": warning: " + path + ": is not in " + where
          + " (kept, without taxonomy credit)");
    }
  }

  /** The summary line, if more were found than shown. */
  void summarize() {
    if (count > SHOWN) {
      err.println(String.format(Locale.ROOT, "%s: warning: %,d references not in the taxonomy (the first %d shown)",
          file, count, SHOWN));
    }
  }

  /** How many were found. */
  long count() {
    return count;
  }
}
