/** Test support shared by the golden-model tests of every module (published as this module's test jar). */
package io.github.wikiart.models.golden;
