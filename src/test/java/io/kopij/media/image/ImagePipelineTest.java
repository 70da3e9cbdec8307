package io.kopij.media.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kopij.media.AssetException;
import io.kopij.media.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image pipeline without a server: inspection, metadata removal, orientation, crops. */
class ImagePipelineTest {

    @TempDir
    Path dir;

    @Test
    void stripsExifXmpAndCommentsFromJpegAndReadsTheOrientation() throws IOException {
        byte[] camera = TestImages.jpegWithExifGps(64, 32, 1);
        assertTrue(TestImages.jpegMarkers(camera).contains(0xe1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int orientation = MetadataStripper.strip(ImageFormat.JPEG, new ByteArrayInputStream(camera), out);
        assertEquals(6, orientation);
        byte[] clean = out.toByteArray();
        assertFalse(TestImages.jpegMarkers(clean).contains(0xe1), "no APP1 (EXIF, XMP) left");
        assertFalse(TestImages.jpegMarkers(clean).contains(0xfe), "no comment left");
        assertFalse(new String(clean, StandardCharsets.ISO_8859_1).contains("GPS"));
        assertEquals(64, TestImages.decode(clean).getWidth(), "the picture itself is untouched");
    }

    @Test
    void everyFormatSurvivesStripping() throws IOException {
        for (String format : new String[] {"png", "gif", "webp", "jpeg"}) {
            byte[] image = TestImages.encode(TestImages.picture(40, 30, 7), format);
            ImageFormat detected = ImageFormat.sniff(image, image.length).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MetadataStripper.strip(detected, new ByteArrayInputStream(image), out);
            BufferedImage decoded = TestImages.decode(out.toByteArray());
            assertEquals(40, decoded.getWidth(), format);
            assertEquals(30, decoded.getHeight(), format);
        }
    }

    @Test
    void inspectionRefusesBombsTruncationAndNonImagesBeforeDecoding() throws IOException {
        assertEquals("asset.too-many-pixels", rejection(TestImages.pngBomb()));
        assertEquals("asset.corrupt", rejection(TestImages.truncated(TestImages.jpeg(300, 200, 2))));
        assertEquals("asset.corrupt", rejection(TestImages.truncated(TestImages.png(300, 200, 2))));
        assertEquals("asset.corrupt", rejection(TestImages.truncated(TestImages.gif(300, 200, 2))));
        assertEquals("asset.corrupt", rejection(TestImages.truncated(TestImages.webp(300, 200, 2))));
        assertEquals("asset.unsupported-format", rejection(TestImages.svgWithScript()));
        assertEquals("asset.unsupported-format", rejection(TestImages.zip()));
        assertEquals("asset.unsupported-format", rejection(TestImages.wrongMagic()));
    }

    @Test
    void orientationSwapsTheShownSize() throws IOException {
        ImageInfo info = ImageInspector.inspect(write(TestImages.jpegWithExifGps(64, 32, 3)), 1_000_000);
        assertEquals(new ImageInfo(ImageFormat.JPEG, 32, 64, 6), info);
    }

    @Test
    void coverCropsKeepTheFocalPoint() throws IOException {
        Path source = write(TestImages.encode(TestImages.redLeftQuarter(400, 100, 4), "png"));
        ImageInfo info = ImageInspector.inspect(source, 1_000_000);
        BufferedImage left = render(info, source, new ImageRenderer.Target(100, 100, true, 0.1, 0.5, ImageFormat.PNG, 80));
        BufferedImage right = render(info, source, new ImageRenderer.Target(100, 100, true, 0.9, 0.5, ImageFormat.PNG, 80));
        assertEquals(100, left.getWidth());
        assertEquals(100, left.getHeight());
        assertEquals(Color.RED.getRGB(), left.getRGB(5, 50), "the crop around x=0.1 keeps the red quarter");
        assertEquals(Color.BLUE.getRGB(), right.getRGB(5, 50), "the crop around x=0.9 has no red");
    }

    @Test
    void neverScalesUpAndKeepsTheAspectRatio() {
        var plan = ImageRenderer.plan(1000, 500, new ImageRenderer.Target(2560, null, false, 0.5, 0.5, ImageFormat.WEBP, 80));
        assertEquals(1000, plan.width());
        assertEquals(500, plan.height());
        plan = ImageRenderer.plan(1000, 500, new ImageRenderer.Target(640, 640, false, 0.5, 0.5, ImageFormat.WEBP, 80));
        assertEquals(640, plan.width());
        assertEquals(320, plan.height());
        plan = ImageRenderer.plan(1000, 500, new ImageRenderer.Target(1920, 1080, true, 0.5, 0.5, ImageFormat.WEBP, 80));
        assertEquals(889, plan.width(), "a box larger than the picture: the largest crop of its shape, unscaled");
        assertEquals(500, plan.height());
    }

    private BufferedImage render(ImageInfo info, Path source, ImageRenderer.Target target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageRenderer.render(info, source, target, out);
        return TestImages.decode(out.toByteArray());
    }

    private String rejection(byte[] bytes) throws IOException {
        Path file = write(bytes);
        return assertThrows(AssetException.class, () -> ImageInspector.inspect(file, 50_000_000)).code();
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "image-", ".bin");
        Files.write(file, bytes);
        return file;
    }
}
