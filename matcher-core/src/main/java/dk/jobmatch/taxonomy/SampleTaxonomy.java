package dk.jobmatch.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small built-in taxonomy, written for this project, so that examples, the demo and tests run
 * without external files: the 32 occupations a Glostrup-like municipality sees most (welfare and
 * care, teaching, warehouse, transport, retail, cleaning, construction, office, IT, kitchen,
 * production) with Danish labels, keyed by their DISCO-08 level-5 codes ({@code disco:532220}
 * Social- og sundhedsassistent, …), and about a hundred skills with readable, stable ids ({@code
 * skill:medicin-administration}, …), ESCO reuse levels and related-skill links. The full list of
 * ids is in {@code notes/tax-README.md}.
 *
 * <h2>Format</h2>
 *
 * The resource {@code sample-taxonomy.tsv} (and any file given to {@link #load}) is UTF-8, one
 * record per line, fields separated by tabs, {@code #} starting a comment line:
 *
 * <pre>
 * occupation &lt;TAB&gt; ref &lt;TAB&gt; preferred label &lt;TAB&gt; alternative labels separated by |
 * skill      &lt;TAB&gt; id  &lt;TAB&gt; ESCO reuse level &lt;TAB&gt; preferred label &lt;TAB&gt; alternative labels
 * essential  &lt;TAB&gt; occupation ref &lt;TAB&gt; skill ids separated by spaces
 * optional   &lt;TAB&gt; occupation ref &lt;TAB&gt; skill ids separated by spaces
 * related    &lt;TAB&gt; skill id &lt;TAB&gt; skill id &lt;TAB&gt; credit in (0,1), symmetric
 * </pre>
 *
 * <p>The taxonomy resolves ISCO/DISCO references by their digits (ESCO URIs stay unplaced), gives
 * the listed related skills with their credits, and for a four-digit group that is not itself
 * listed ({@code isco:5322}) derives its skills from the listed occupations in it by majority.
 *
 * <p>Thread-safe; the instance returned by {@link #get()} is shared and immutable.
 */
public final class SampleTaxonomy {
  private static final String RESOURCE = "sample-taxonomy.tsv";

  private SampleTaxonomy() {}

  /**
   * The built-in sample taxonomy (loaded once).
   *
   * @return the sample taxonomy, one shared immutable and thread-safe instance
   * @throws UncheckedIOException if the bundled resource is missing or broken (a packaging bug)
   */
  public static Taxonomy get() {
    return Holder.INSTANCE;
  }

  /**
   * Loads a taxonomy in the same tab-separated format from a file, e.g. a municipality's own
   * small list.
   *
   * @param tsv the tab-separated file
   * @return the taxonomy; immutable and thread-safe
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws DataFileException naming file, line and field on a malformed line or an undeclared
   *     skill
   * @throws IOException on other I/O errors
   */
  public static Taxonomy load(Path tsv) throws IOException {
    return TableTaxonomy.read(Files.newInputStream(tsv), tsv.toString());
  }

  private static final class Holder {
    static final Taxonomy INSTANCE;

    static {
      InputStream in = SampleTaxonomy.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new UncheckedIOException(new IOException("resource " + RESOURCE + " is missing"));
      }
      try {
        INSTANCE = TableTaxonomy.read(in, RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
