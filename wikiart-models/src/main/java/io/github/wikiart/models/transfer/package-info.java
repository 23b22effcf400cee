/**
 * The style-transfer networks as SameDiff graphs: the conditional-instance-norm transfer network
 * (Dumoulin et al.), the feature stack that the style and content losses look through, the
 * Gram-matrix style loss and content loss (Gatys et al.), and small SameDiff layer helpers.
 */
package io.github.wikiart.models.transfer;
