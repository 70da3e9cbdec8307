package io.kopij.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the sample content's pictures (original work, shapes only, no text, no photos) into
 * src/main/resources/sample/images. Run once when they change:
 * {@code java -cp target/test-classes io.kopij.media.SampleImages} (after a test compile).
 */
public final class SampleImages {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;

    private SampleImages() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/sample/images");
        Files.createDirectories(dir);
        write(network(), dir.resolve("taalmodel-netwerk.jpg"));
        write(chip(), dir.resolve("chipfabriek-wafer.jpg"));
        write(phone(), dir.resolve("smartphone-updates.jpg"));
        write(padlock(), dir.resolve("wachtwoord-slot.jpg"));
    }

    /** A language model as a layered network of glowing nodes. */
    static BufferedImage network() {
        BufferedImage image = canvas(new Color(12, 20, 48), new Color(40, 16, 72));
        Graphics2D g = pen(image);
        Random random = new Random(11);
        int layers = 6;
        int[][] ys = new int[layers][];
        for (int layer = 0; layer < layers; layer++) {
            int nodes = 4 + random.nextInt(5);
            ys[layer] = new int[nodes];
            for (int n = 0; n < nodes; n++) {
                ys[layer][n] = 120 + (HEIGHT - 240) * n / Math.max(1, nodes - 1);
            }
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int layer = 0; layer + 1 < layers; layer++) {
            for (int a : ys[layer]) {
                for (int b : ys[layer + 1]) {
                    g.setColor(new Color(120, 180, 255, 40 + random.nextInt(60)));
                    g.draw(new Line2D.Double(x(layer, layers), a, x(layer + 1, layers), b));
                }
            }
        }
        for (int layer = 0; layer < layers; layer++) {
            for (int y : ys[layer]) {
                glow(g, x(layer, layers), y, 26, new Color(255, 200, 90));
            }
        }
        g.dispose();
        return image;
    }

    /** A wafer full of chip dies, one of them lit. */
    static BufferedImage chip() {
        BufferedImage image = canvas(new Color(18, 28, 30), new Color(10, 60, 70));
        Graphics2D g = pen(image);
        int cx = WIDTH / 2;
        int cy = HEIGHT / 2;
        int r = 400;
        g.setPaint(new RadialGradientPaint(cx - 120, cy - 120, r * 1.4f, new float[] {0f, 1f},
                new Color[] {new Color(190, 200, 215), new Color(90, 100, 130)}));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        int die = 56;
        for (int x = cx - r; x < cx + r; x += die) {
            for (int y = cy - r; y < cy + r; y += die) {
                if (Math.hypot(x + die / 2.0 - cx, y + die / 2.0 - cy) < r - die * 0.7) {
                    boolean lit = x == cx - r + 7 * die && y == cy - r + 6 * die;
                    g.setColor(lit ? new Color(255, 170, 40) : new Color(60, 70, 110, 170));
                    g.fill(new RoundRectangle2D.Double(x + 3, y + 3, die - 6, die - 6, 6, 6));
                }
            }
        }
        g.dispose();
        return image;
    }

    /** A phone with circular update arrows around it. */
    static BufferedImage phone() {
        BufferedImage image = canvas(new Color(240, 236, 228), new Color(200, 220, 235));
        Graphics2D g = pen(image);
        g.setColor(new Color(30, 34, 40));
        g.fill(new RoundRectangle2D.Double(660, 150, 280, 600, 60, 60));
        g.setPaint(new GradientPaint(680, 190, new Color(60, 140, 220), 920, 710, new Color(120, 220, 170)));
        g.fill(new RoundRectangle2D.Double(680, 190, 240, 520, 24, 24));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(230, 90, 60));
        g.drawArc(500, 130, 600, 640, 20, 140);
        g.drawArc(500, 130, 600, 640, 200, 140);
        g.dispose();
        return image;
    }

    /** A padlock that opens, with a key's dots where a password used to be. */
    static BufferedImage padlock() {
        BufferedImage image = canvas(new Color(20, 60, 40), new Color(10, 30, 30));
        Graphics2D g = pen(image);
        g.setStroke(new BasicStroke(40, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(200, 205, 210));
        g.drawArc(660, 150, 280, 340, 0, 180);
        g.setPaint(new GradientPaint(600, 400, new Color(250, 200, 60), 1000, 760, new Color(200, 130, 30)));
        g.fill(new RoundRectangle2D.Double(600, 320, 400, 420, 40, 40));
        g.setColor(new Color(60, 40, 10));
        g.fill(new Ellipse2D.Double(770, 470, 60, 60));
        for (int i = 0; i < 6; i++) {
            glow(g, 260 + i * 40, 780, 10, new Color(140, 240, 180));
        }
        g.dispose();
        return image;
    }

    private static int x(int layer, int layers) {
        return 160 + (WIDTH - 320) * layer / (layers - 1);
    }

    private static void glow(Graphics2D g, double x, double y, double radius, Color color) {
        g.setPaint(new RadialGradientPaint((float) x, (float) y, (float) radius * 2, new float[] {0f, 0.45f, 1f},
                new Color[] {Color.WHITE, color, new Color(color.getRed(), color.getGreen(), color.getBlue(), 0)}));
        g.fill(new Ellipse2D.Double(x - radius * 2, y - radius * 2, radius * 4, radius * 4));
    }

    private static BufferedImage canvas(Color from, Color to) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pen(image);
        g.setPaint(new GradientPaint(0, 0, from, WIDTH, HEIGHT, to));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }

    private static Graphics2D pen(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "jpeg", file.toFile())) {
            throw new IOException("No JPEG writer");
        }
    }
}
