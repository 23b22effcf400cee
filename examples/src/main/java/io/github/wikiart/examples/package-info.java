/**
 * Runnable example mains that use the library as a user would. Each has a {@code run(...)} method
 * that returns its result, so a test can run it on small generated data and check what it returned.
 */
package io.github.wikiart.examples;
