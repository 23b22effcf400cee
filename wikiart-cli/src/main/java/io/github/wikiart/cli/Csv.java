package io.github.wikiart.cli;

/** CSV fields as the inference commands print them with {@code --csv} (RFC 4180 quoting). */
final class Csv {
    private Csv() {
    }

    /**
     * @param field any text
     * @return it, quoted when it holds a comma, a quote or a line break
     */
    static String field(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
