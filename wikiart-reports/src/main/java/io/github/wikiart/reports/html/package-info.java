/** The HTML report of a run folder ({@code report.html}) and the index page of a folder of runs. */
package io.github.wikiart.reports.html;
