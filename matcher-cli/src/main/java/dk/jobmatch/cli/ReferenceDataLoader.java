package dk.jobmatch.cli;

import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the reference data behind {@code --esco}, {@code --disco} and {@code --shortage}. An
 * interface so that tests can substitute small in-memory taxonomies and so that the CLI does not
 * care how the loaders of {@code dk.jobmatch.taxonomy} are put together.
 *
 * <p>Implementations must be thread-safe; each method is called at most once per run.
 */
public interface ReferenceDataLoader {
  /**
   * Loads an ESCO CSV export.
   *
   * @param dir the export directory
   * @return the taxonomy
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException if the data is malformed (message names file and line)
   */
  Taxonomy esco(Path dir) throws IOException;

  /**
   * Adds a DISCO-08 classification to {@code base}.
   *
   * @param file the DISCO-08 list
   * @param base the taxonomy to decorate ({@link Taxonomy#none()} without {@code --esco})
   * @return the decorated taxonomy
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the data is malformed
   */
  Taxonomy disco(Path file, Taxonomy base) throws IOException;

  /**
   * Loads a shortage CSV ({@code occupation,rarArea,category,validFrom,validTo}).
   *
   * @param csv the file
   * @param taxonomy resolves ESCO occupation URIs in the file
   * @return the look-up
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the data is malformed
   */
  ShortageLookup shortage(Path csv, Taxonomy taxonomy) throws IOException;

  /**
   * The loaders of {@code dk.jobmatch.taxonomy}.
   *
   * @return the standard loaders
   */
  static ReferenceDataLoader standard() {
    return StandardReferenceData.INSTANCE;
  }
}
