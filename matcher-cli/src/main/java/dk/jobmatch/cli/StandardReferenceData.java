package dk.jobmatch.cli;

import dk.jobmatch.taxonomy.DiscoClassification;
import dk.jobmatch.taxonomy.EscoTaxonomy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.ShortageRegistry;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;

/** The production loaders: ESCO, DISCO-08 and the shortage registry of {@code dk.jobmatch.taxonomy}. */
enum StandardReferenceData implements ReferenceDataLoader {
  INSTANCE;

  @Override
  public Taxonomy esco(Path dir) throws IOException {
    return EscoTaxonomy.load(dir);
  }

  @Override
  public Taxonomy disco(Path file, Taxonomy base) throws IOException {
    return DiscoClassification.load(file).decorate(base);
  }

  @Override
  public ShortageLookup shortage(Path csv, Taxonomy taxonomy) throws IOException {
    return ShortageRegistry.load(csv, taxonomy);
  }
}
