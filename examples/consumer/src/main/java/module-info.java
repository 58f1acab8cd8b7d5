/** A municipality's system that embeds jobmatch through its exported API only. */
module dk.municipality.jobs {
  requires dk.jobmatch.core;

  exports dk.municipality.jobs;
}
