package dk.jobmatch.cli;

import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;

/** The production loaders: ESCO, DISCO-08 and the shortage registry of {@code dk.jobmatch.taxonomy}. */
enum StandardReferenceData implements ReferenceDataLoader {
  INSTANCE;

  // TODO(tax): wire EscoTaxonomy.load, DiscoClassification.load(..).decorate, ShortageRegistry.load
  // once the taxonomy branch has landed on main.

  @Override
  public Taxonomy esco(Path dir) throws IOException {
    throw CliException.usage("--esco: this build has no ESCO loader yet");
  }

  @Override
  public Taxonomy disco(Path file, Taxonomy base) throws IOException {
    throw CliException.usage("--disco: this build has no DISCO-08 loader yet");
  }

  @Override
  public ShortageLookup shortage(Path csv, Taxonomy taxonomy) throws IOException {
    throw CliException.usage("--shortage: this build has no shortage registry loader yet");
  }
}
