package io.github.wikiart.data;

/** Reads the marker segments at the start of a JPEG file, before its image data. */
final class JpegMarkers {
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JpegMarkers() {
    }

    /**
     * @param jpeg a whole JPEG file (starting with FF D8)
     * @return whether an APP2 segment holds an ICC profile (scanned up to the first scan; a damaged
     *     header counts as "yes" so that the caller takes its careful path)
     */
    static boolean hasIccProfile(byte[] jpeg) {
        int i = 2;
        while (i + 3 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return true;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return false;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                i += 2;
                continue;
            }
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            if (length < 2) {
                return true;
            }
            if (marker == 0xE2 && startsWith(jpeg, i + 4, ICC_PROFILE)) {
                return true;
            }
            i += 2 + length;
        }
        return true;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (data[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
