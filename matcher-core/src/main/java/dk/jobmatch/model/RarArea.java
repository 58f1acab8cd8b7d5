package dk.jobmatch.model;

/** The eight RAR areas (regional labour-market council areas) of the labour-market balance. */
public enum RarArea {
  /** RAR Hovedstaden (the Capital Region without Bornholm). */
  HOVEDSTADEN,
  /** RAR Bornholm. */
  BORNHOLM,
  /** RAR Sjælland. */
  SJAELLAND,
  /** RAR Fyn. */
  FYN,
  /** RAR Sydjylland. */
  SYDJYLLAND,
  /** RAR Østjylland. */
  OESTJYLLAND,
  /** RAR Vestjylland. */
  VESTJYLLAND,
  /** RAR Nordjylland. */
  NORDJYLLAND
}
