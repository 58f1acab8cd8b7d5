/**
 * jobmatch: matching unemployed citizens against company job orders for Danish job centres.
 *
 * <p>Exports only the public API: the model, the taxonomy, scoring (policy, explanations, the
 * reference scorer), the engine, batch allocation, reports, and policy tuning and comparison. The Lucene index package is
 * internal.
 */
module dk.jobmatch.core {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.queries;
  requires com.google.common;
  requires org.eclipse.collections.api;
  requires org.eclipse.collections.impl;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires commons.math3;

  exports dk.jobmatch.model;
  exports dk.jobmatch.taxonomy;
  exports dk.jobmatch.scoring;
  exports dk.jobmatch.engine;
  exports dk.jobmatch.batch;
  exports dk.jobmatch.report;
  exports dk.jobmatch.tuning;
  exports dk.jobmatch.narrative;
}
