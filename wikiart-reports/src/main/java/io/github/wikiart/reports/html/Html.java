package io.github.wikiart.reports.html;

/** HTML escaping of every value a report shows: text and attribute values. */
public final class Html {
    private Html() {
    }

    /**
     * @param text any text, or null
     * @return it with {@code & < > " '} escaped, safe as element text and as a quoted attribute value
     */
    public static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String s = String.valueOf(text);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
