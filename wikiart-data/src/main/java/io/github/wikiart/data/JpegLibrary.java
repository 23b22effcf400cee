package io.github.wikiart.data;

/** Which library decodes plain JPEG files ({@code data.jpeg_library}). */
public enum JpegLibrary {
    /**
     * libjpeg-turbo's TurboJPEG when it is installed (Debian: {@code libturbojpeg0}), ImageIO
     * otherwise and for every file it does not take; see {@link ImageDecoder}.
     */
    TURBOJPEG,
    /** Always ImageIO (with the TwelveMonkeys plugins). */
    IMAGEIO
}
