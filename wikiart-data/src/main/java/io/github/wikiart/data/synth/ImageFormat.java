package io.github.wikiart.data.synth;

/** The file format of generated images. */
public enum ImageFormat {
    /** Baseline JPEG (lossy, written at a fixed quality). */
    JPEG("jpeg", "jpg"),
    /** Lossless PNG. */
    PNG("png", "png");

    private final String imageIoName;
    private final String extension;

    ImageFormat(String imageIoName, String extension) {
        this.imageIoName = imageIoName;
        this.extension = extension;
    }

    /**
     * The ImageIO format name used to look up a writer.
     *
     * @return {@code "jpeg"} or {@code "png"}
     */
    public String imageIoName() {
        return imageIoName;
    }

    /**
     * The file extension, lower case, without the dot.
     *
     * @return {@code "jpg"} or {@code "png"}
     */
    public String extension() {
        return extension;
    }
}
