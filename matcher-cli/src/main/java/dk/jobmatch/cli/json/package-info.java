/**
 * The JSON Lines formats of docs/cli.md. Reading: {@link dk.jobmatch.cli.json.JsonLine} parses
 * one line into a Jackson tree (duplicate keys and trailing content are errors; syntax errors are
 * reworded so they never echo input), and {@link dk.jobmatch.cli.json.CitizenJson} and {@link
 * dk.jobmatch.cli.json.JobOrderJson} map the tree onto the model's records, rejecting unknown
 * fields and naming bad values by their JSON path ({@code experience[2].years}); the model's own
 * validation messages are reused, re-pathed. Writing: {@link dk.jobmatch.cli.json.MatchLineWriter}
 * streams result lines with Jackson's generator.
 *
 * <p>The mapping is written by hand rather than with data binding: the model's records validate in
 * their constructors and have builders with defaults, and a hand mapping gives exact control over
 * which field a message names. Jackson's streaming tree parser still does the JSON itself.
 */
package dk.jobmatch.cli.json;
