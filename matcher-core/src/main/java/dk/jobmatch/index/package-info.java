/** Placeholder. */
package dk.jobmatch.index;
