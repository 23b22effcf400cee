package io.github.wikiart.data;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG decoding with libjpeg-turbo's TurboJPEG library ({@code libturbojpeg.so.0}, Debian package
 * {@code libturbojpeg0}), loaded through JNA when present. It decodes a 416 px JPEG in about 60 %
 * of ImageIO's time, and scales large images down inside the inverse DCT (by 1/2, 1/4 or 1/8)
 * instead of decoding every pixel.
 *
 * <p>Only the plain case is taken here: a baseline or progressive 3-component YCbCr JPEG without an
 * embedded ICC profile. At full size libjpeg-turbo's default decoder (accurate integer IDCT, smooth
 * chroma upsampling) gives the same pixels as ImageIO's (both are libjpeg 6b's algorithms);
 * {@code ImageDecoderTest} checks it. Everything else (grayscale, CMYK, ICC profiles, damaged
 * files, any warning from libjpeg-turbo) returns {@code null} and is left to ImageIO, so error
 * messages and colour handling stay ImageIO's. Each call uses its own decompressor: thread-safe.
 */
final class TurboJpeg {
    private static final Logger LOG = LoggerFactory.getLogger(TurboJpeg.class);
    private static final int TJCS_YCBCR = 1;
    private static final int TJPF_BGR = 1;
    private static final int TJFLAG_STOPONWARNING = 8192;
    /** The library when it could be loaded, else null. */
    private static final Api API = load();

    private TurboJpeg() {
    }

    /** The TurboJPEG 2.x C API, as much of it as is used. */
    interface Api extends Library {
        Pointer tjInitDecompress();

        int tjDecompressHeader3(Pointer handle, Pointer jpeg, NativeLong size, IntByReference width,
                                IntByReference height, IntByReference subsampling, IntByReference colorspace);

        int tjDecompress2(Pointer handle, Pointer jpeg, NativeLong size, Pointer dst, int width, int pitch,
                          int height, int pixelFormat, int flags);

        int tjDestroy(Pointer handle);
    }

    private static Api load() {
        // JNA finds versioned names (libturbojpeg.so.0) itself; the explicit soname is a fallback.
        for (String name : new String[] {"turbojpeg", "libturbojpeg.so.0"}) {
            try {
                return Native.load(name, Api.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.debug("libturbojpeg not loaded as {}: {}", name, e.toString());
            }
        }
        LOG.debug("libturbojpeg not available, JPEG files decode with ImageIO");
        return null;
    }

    /** @return whether libturbojpeg was found */
    static boolean available() {
        return API != null;
    }

    /** The dimensions and colour space of a JPEG, from its header. */
    record Header(int width, int height, int colorspace) {
        /** @return whether {@link #decode} takes it */
        boolean plain() {
            return colorspace == TJCS_YCBCR;
        }
    }

    /**
     * A decompressor for one JPEG file's bytes; closing it frees the native memory.
     */
    static final class Decompressor implements AutoCloseable {
        private final Pointer handle;
        private final Memory jpeg;

        /** @param bytes the whole file; must be a JPEG (starts with FF D8) */
        Decompressor(byte[] bytes) {
            if (API == null) {
                throw new IllegalStateException("libturbojpeg is not available");
            }
            jpeg = new Memory(bytes.length);
            jpeg.write(0, bytes, 0, bytes.length);
            handle = API.tjInitDecompress();
            if (handle == null) {
                jpeg.close();
                throw new IllegalStateException("tjInitDecompress failed");
            }
        }

        /** @return the header, or null when libjpeg-turbo cannot read it */
        Header header() {
            IntByReference w = new IntByReference();
            IntByReference h = new IntByReference();
            IntByReference sub = new IntByReference();
            IntByReference cs = new IntByReference();
            if (API.tjDecompressHeader3(handle, jpeg, new NativeLong(jpeg.size()), w, h, sub, cs) != 0) {
                return null;
            }
            return new Header(w.getValue(), h.getValue(), cs.getValue());
        }

        /**
         * Decodes at 1/{@code scale} of the full size (rounded up, as libjpeg-turbo does).
         *
         * @param header this file's header, {@link Header#plain()}
         * @param scale 1, 2, 4 or 8
         * @return a TYPE_3BYTE_BGR image, or null on any error or warning
         */
        BufferedImage decode(Header header, int scale) {
            int w = (header.width() + scale - 1) / scale;
            int h = (header.height() + scale - 1) / scale;
            long bytes = 3L * w * h;
            if (bytes > Integer.MAX_VALUE) {
                return null;
            }
            try (Memory dst = new Memory(Math.max(1, bytes))) {
                if (API.tjDecompress2(handle, jpeg, new NativeLong(jpeg.size()), dst, w, 0, h, TJPF_BGR,
                        TJFLAG_STOPONWARNING) != 0) {
                    return null;
                }
                BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                // TJPF_BGR is B, G, R in memory: exactly TYPE_3BYTE_BGR's raster.
                dst.read(0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, (int) bytes);
                return image;
            }
        }

        @Override
        public void close() {
            API.tjDestroy(handle);
            jpeg.close();
        }
    }
}
