/**
 * The whole wikiart configuration as library calls: {@link io.github.wikiart.train.config.WikiartConfig}
 * (the seed and one options record per section), {@link io.github.wikiart.train.config.ConfigLoader}
 * (a YAML file or text plus {@code --set} overrides to a configuration),
 * {@link io.github.wikiart.train.config.ConfigWriter} (the resolved {@code config.yaml} of a run
 * folder) and {@link io.github.wikiart.train.config.ConfigSchema} (every key, and the README table).
 * The keys themselves are declared by the section records: {@code DataOptions},
 * {@code OutputOptions}, {@code ClassifierOptions}, {@code AutoencoderOptions},
 * {@code TransferOptions}.
 */
package io.github.wikiart.train.config;
