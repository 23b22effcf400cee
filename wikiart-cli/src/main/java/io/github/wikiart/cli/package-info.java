/**
 * The {@code wikiart} command line: parses flags (Apache Commons CLI), loads the configuration,
 * calls one library method per command, prints its result and maps exceptions to exit codes. No
 * image handling, file formats or model logic lives here.
 */
package io.github.wikiart.cli;
