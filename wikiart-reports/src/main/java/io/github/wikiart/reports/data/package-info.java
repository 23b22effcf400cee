/**
 * Jobs on a dataset folder alone, before any model: {@link io.github.wikiart.reports.data.DataStats}
 * counts the images per style before and after resampling and lists the files that cannot be used.
 */
package io.github.wikiart.reports.data;
