package dk.jobmatch.model;

/** The eight RAR areas (regional labour-market council areas) of the labour-market balance. */
public enum RarArea {
  HOVEDSTADEN,
  BORNHOLM,
  SJAELLAND,
  FYN,
  SYDJYLLAND,
  OESTJYLLAND,
  VESTJYLLAND,
  NORDJYLLAND
}
