package org.jstilt.runtime.plot;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jstilt.io.AtomicFile;

/**
 * A drawn map and where its data rectangle is, so that any coordinate can be found as a pixel.
 *
 * @param image the whole picture (title, axes, colour bar and map)
 * @param dataArea the rectangle, in image pixels, that shows {@code extent} (left edge = xMin, bottom = yMin)
 */
public record RenderedMap(BufferedImage image, Rectangle2D dataArea, MapExtent extent) {
  /** The pixel position (x right, y down, in image pixels) of a coordinate in the map's units. */
  public Point2D.Double pixelOf(double x, double y) {
    double px = dataArea.getMinX() + (x - extent.xMin()) / extent.width() * dataArea.getWidth();
    double py = dataArea.getMaxY() - (y - extent.yMin()) / extent.height() * dataArea.getHeight();
    return new Point2D.Double(px, py);
  }

  /** Writes the image as PNG, atomically (nothing half-written is left on failure). */
  public void writePng(Path file) {
    AtomicFile.write(file, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer in this Java runtime");
      }
    });
  }
}
