/**
 * The whole pipeline on generated data ({@code wikiart demo}): {@link io.github.wikiart.reports.demo.Demo}
 * runs the other jobs of this module one after the other and returns their typed results.
 */
package io.github.wikiart.reports.demo;
