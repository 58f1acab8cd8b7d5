/**
 * Byte-level input and standard-error output for the CLI: {@link
 * dk.jobmatch.cli.io.JsonLinesReader} splits a stream into lines with a fixed amount of memory
 * and decodes each with a strict UTF-8 decoder; {@link dk.jobmatch.cli.io.Stderr} is the single
 * writer of diagnostics and progress, so that a status line redrawn on a terminal never garbles a
 * message; {@link dk.jobmatch.cli.io.Progress} decides what progress to show (a live status line on
 * a terminal, a line per 10 % in a log).
 */
package dk.jobmatch.cli.io;
