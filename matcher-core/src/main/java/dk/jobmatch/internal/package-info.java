/**
 * Internal: helpers every floor shares and no caller outside jobmatch may depend on — boundary
 * validation ({@link dk.jobmatch.internal.Checks}) and the great-circle distance ({@link
 * dk.jobmatch.internal.Geo}). Not exported; the lowest floor (it imports no other jobmatch
 * package). Types here never appear in a public signature of an exported package.
 *
 * <p>The command-line module, which runs on the class path, uses {@code Checks} to give its JSON
 * fields the same validation messages as the model.
 *
 * @lucene.internal
 */
package dk.jobmatch.internal;
