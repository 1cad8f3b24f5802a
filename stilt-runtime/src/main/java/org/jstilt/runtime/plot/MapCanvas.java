package org.jstilt.runtime.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One map being drawn: a JFreeChart {@link XYPlot} with fixed axes (no auto range, no margins) whose
 * content is drawn by annotations in order of addition (raster, base map, paths, receptor), plus an
 * optional colour bar. {@link #render} sizes the picture so that the data rectangle keeps the extent's
 * {@link MapExtent#pixelAspect() aspect}.
 */
final class MapCanvas {
  static final Color COASTLINE = new Color(0x20, 0x20, 0x20);
  static final Color BORDER = new Color(0x40, 0x40, 0x40);
  static final Color STATE = new Color(0x80, 0x80, 0x80);
  static final Color RECEPTOR = new Color(0x10, 0x60, 0xd0);
  /** Data rectangles taller or wider than this ratio are not kept to aspect: the picture would be a strip. */
  private static final double MAX_ASPECT = 3.0;

  private final MapExtent extent;
  private final XYPlot plot;
  private final JFreeChart chart;

  MapCanvas(MapExtent extent, String title) {
    this.extent = extent;
    NumberAxis xAxis = axis(extent.geographic() ? "Longitude" : "x (km)", extent.xMin(), extent.xMax(), true);
    NumberAxis yAxis = axis(extent.geographic() ? "Latitude" : "y (km)", extent.yMin(), extent.yMax(), false);
    plot = new XYPlot(null, xAxis, yAxis, null);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(true);
    plot.setRangeGridlinesVisible(true);
    plot.setDomainGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
    plot.setRangeGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
    plot.setOutlinePaint(Color.BLACK);
    plot.setNoDataMessage(null);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(6, 6, 6, 12));
  }

  MapExtent extent() {
    return extent;
  }

  void subtitle(String text) {
    TextTitle t = new TextTitle(text, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    t.setPosition(RectangleEdge.TOP);
    chart.addSubtitle(t);
  }

  /** A colour bar on the right; log scales get ticks at powers of ten labelled 10ⁿ. */
  void colourBar(ColourScale scale, String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(scale.axisLow(), scale.axisHigh());
    axis.setLowerMargin(0);
    axis.setUpperMargin(0);
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    if (scale.isLog()) {
      axis.setStandardTickUnits(logTickUnits(scale.axisHigh() - scale.axisLow()));
    }
    // About ten labels along the bar whatever its length in pixels.
    double wanted = (scale.axisHigh() - scale.axisLow()) / 10;
    axis.setTickUnit((NumberTickUnit) axis.getStandardTickUnits().getCeilingTickUnit(wanted), false, true);
    PaintScaleLegend legend = new PaintScaleLegend(scale.legendPaintScale(), axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setSubdivisionCount(ColourScale.PALETTE_SIZE);
    legend.setStripWidth(16);
    legend.setStripOutlineVisible(true);
    legend.setMargin(new RectangleInsets(4, 14, 4, 4));
    legend.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(legend);
  }

  /**
   * A raster of ARGB pixels covering the box given, row 0 at the north (top). Drawn nearest-neighbour,
   * so each grid cell is a sharp rectangle.
   */
  void raster(BufferedImage cells, double x0, double x1, double y0, double y1) {
    plot.addAnnotation(new Drawing() {
      @Override
      void paint(Graphics2D g2, Transform t) {
        double left = t.x(x0);
        double right = t.x(x1);
        double top = t.y(y1);
        double bottom = t.y(y0);
        AffineTransform at = new AffineTransform();
        at.translate(left, top);
        at.scale((right - left) / cells.getWidth(), (bottom - top) / cells.getHeight());
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(cells, at, null);
      }
    });
  }

  /**
   * The base-map lines inside the extent. A geographic extent past ±180 also gets the lines shifted by
   * ±360°, so a domain across the antimeridian shows both sides.
   */
  void baseMap(BaseMap map) {
    if (!extent.geographic()) {
      throw new IllegalStateException("a projected map needs baseMap(map, projection, lon/lat box)");
    }
    plot.addAnnotation(new Drawing() {
      @Override
      void paint(Graphics2D g2, Transform t) {
        for (BaseMap.Kind kind : DRAW_ORDER) {
          style(g2, kind);
          for (double shift : new double[] {-360, 0, 360}) {
            double lon0 = extent.xMin() - shift;
            double lon1 = extent.xMax() - shift;
            if (lon1 < -180 || lon0 > 180) {
              continue;
            }
            for (BaseMap.Line line : map.within(lon0, lon1, extent.yMin(), extent.yMax())) {
              if (line.kind() == kind) {
                double[] lon = line.lonDeg();
                double[] lat = line.latDeg();
                Path2D.Double path = new Path2D.Double();
                path.moveTo(t.x(lon[0] + shift), t.y(lat[0]));
                for (int i = 1; i < lon.length; i++) {
                  path.lineTo(t.x(lon[i] + shift), t.y(lat[i]));
                }
                g2.draw(path);
              }
            }
          }
        }
      }
    });
  }

  /**
   * The base-map lines of a lon/lat box, projected onto a projected map. Points that do not project
   * break the line rather than join across the gap.
   */
  void baseMap(BaseMap map, MapProjection projection, double lonMin, double lonMax, double latMin, double latMax) {
    plot.addAnnotation(new Drawing() {
      @Override
      void paint(Graphics2D g2, Transform t) {
        double[] xy = new double[2];
        List<BaseMap.Line> lines = map.within(lonMin, lonMax, latMin, latMax);
        for (BaseMap.Kind kind : DRAW_ORDER) {
          style(g2, kind);
          for (BaseMap.Line line : lines) {
            if (line.kind() != kind) {
              continue;
            }
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i < line.lonDeg().length; i++) {
              if (!projection.project(line.lonDeg()[i], line.latDeg()[i], xy)) {
                pen = false;
                continue;
              }
              if (pen) {
                path.lineTo(t.x(xy[0]), t.y(xy[1]));
              } else {
                path.moveTo(t.x(xy[0]), t.y(xy[1]));
                pen = true;
              }
            }
            g2.draw(path);
          }
        }
      }
    });
  }

  /** Fainter kinds first, so coastlines lie on top. */
  private static final BaseMap.Kind[] DRAW_ORDER = {
    BaseMap.Kind.STATE, BaseMap.Kind.BORDER, BaseMap.Kind.LAKE, BaseMap.Kind.COASTLINE
  };

  private static void style(Graphics2D g2, BaseMap.Kind kind) {
    switch (kind) {
      case STATE -> {
        g2.setPaint(STATE);
        g2.setStroke(new BasicStroke(0.6f));
      }
      case BORDER -> {
        g2.setPaint(BORDER);
        g2.setStroke(new BasicStroke(1.0f));
      }
      case LAKE -> {
        g2.setPaint(COASTLINE);
        g2.setStroke(new BasicStroke(0.8f));
      }
      case COASTLINE -> {
        g2.setPaint(COASTLINE);
        g2.setStroke(new BasicStroke(1.0f));
      }
    }
  }

  /** Something drawn in data coordinates by the caller (particle paths). */
  interface Painter {
    void paint(Graphics2D g2, Transform t);
  }

  void paint(Painter painter) {
    plot.addAnnotation(new Drawing() {
      @Override
      void paint(Graphics2D g2, Transform t) {
        painter.paint(g2, t);
      }
    });
  }

  /**
   * A hollow five-pointed star, 10 px in radius, blue on a white halo, at each receptor position: hollow
   * so that the footprint cells under it (often the largest) stay visible.
   */
  void receptors(List<double[]> xy) {
    if (xy.isEmpty()) {
      return;
    }
    plot.addAnnotation(new Drawing() {
      @Override
      void paint(Graphics2D g2, Transform t) {
        for (double[] p : xy) {
          Shape star = star(t.x(p[0]), t.y(p[1]), 10, 4.5);
          g2.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g2.setPaint(Color.WHITE);
          g2.draw(star);
          g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g2.setPaint(RECEPTOR);
          g2.draw(star);
        }
      }
    });
  }

  static Shape star(double cx, double cy, double outer, double inner) {
    Path2D.Double s = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : inner;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double x = cx + r * Math.cos(a);
      double y = cy + r * Math.sin(a);
      if (i == 0) {
        s.moveTo(x, y);
      } else {
        s.lineTo(x, y);
      }
    }
    s.closePath();
    return s;
  }

  /**
   * Draws the chart {@code widthPx} wide, as tall as needed for the data rectangle to keep the extent's
   * aspect (within {@link #MAX_ASPECT}); two or three passes, since titles and axes take fixed room.
   */
  RenderedMap render(int widthPx) {
    double aspect = Math.max(1 / MAX_ASPECT, Math.min(MAX_ASPECT, extent.pixelAspect()));
    int height = (int) Math.round(widthPx * 0.8 * aspect) + 120;
    BufferedImage image = null;
    Rectangle2D dataArea = null;
    for (int pass = 0; pass < 4; pass++) {
      // Ticks about every 90 px across and 55 px down: JFreeChart's own choice packs them as tight as
      // the labels allow, which reads as a wall of numbers.
      double dataW = dataArea != null ? dataArea.getWidth() : widthPx * 0.8;
      double dataH = dataArea != null ? dataArea.getHeight() : height - 120;
      spaceTicks((NumberAxis) plot.getDomainAxis(), extent.width(), dataW, 90);
      spaceTicks((NumberAxis) plot.getRangeAxis(), extent.height(), dataH, 55);
      image = new BufferedImage(widthPx, height, BufferedImage.TYPE_INT_RGB);
      ChartRenderingInfo info = new ChartRenderingInfo();
      Graphics2D g2 = image.createGraphics();
      try {
        chart.draw(g2, new Rectangle(0, 0, widthPx, height), info);
      } finally {
        g2.dispose();
      }
      dataArea = info.getPlotInfo().getDataArea();
      int wanted = (int) Math.round(dataArea.getWidth() * aspect);
      int next = height + wanted - (int) Math.round(dataArea.getHeight());
      next = Math.max(200, Math.min(next, (int) (widthPx * MAX_ASPECT) + 200));
      if (Math.abs(next - height) <= 1) {
        break;
      }
      height = next;
    }
    return new RenderedMap(image, (Rectangle2D) dataArea.clone(), extent);
  }

  private static void spaceTicks(NumberAxis axis, double span, double pixels, double minPxPerTick) {
    double wanted = span * minPxPerTick / Math.max(pixels, 1);
    axis.setTickUnit((NumberTickUnit) axis.getStandardTickUnits().getCeilingTickUnit(wanted), false, true);
  }

  /** Data coordinates to Java2D pixels for the current drawing. */
  record Transform(Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis) {
    double x(double value) {
      return xAxis.valueToJava2D(value, area, RectangleEdge.BOTTOM);
    }

    double y(double value) {
      return yAxis.valueToJava2D(value, area, RectangleEdge.LEFT);
    }
  }

  /** An annotation that draws in data coordinates, clipped to the data rectangle. */
  private abstract static class Drawing extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    abstract void paint(Graphics2D g2, Transform t);

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
        int rendererIndex, PlotRenderingInfo info) {
      Graphics2D g = (Graphics2D) g2.create();
      try {
        g.clip(dataArea);
        // Thin lines snapped to pixel centres: a 1 px line between two pixel rows would otherwise be
        // drawn as two rows at half intensity, washing out its colour.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
        paint(g, new Transform(dataArea, domainAxis, rangeAxis));
      } finally {
        g.dispose();
      }
    }
  }

  // ---------------------------------------------------------------------------------------- axes

  private static NumberAxis axis(String label, double min, double max, boolean isX) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRange(false);
    a.setLowerMargin(0);
    a.setUpperMargin(0);
    a.setRange(min, max);
    a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    boolean degrees = label.equals("Longitude") || label.equals("Latitude");
    a.setStandardTickUnits(degrees ? degreeTickUnits(isX) : kmTickUnits());
    return a;
  }

  /** Tick steps 1, 2, 2.5, 5 × 10ⁿ degrees, labelled like 111.5°W and 40.25°N. */
  private static TickUnits degreeTickUnits(boolean longitude) {
    TickUnits units = new TickUnits();
    for (int exp = -3; exp <= 2; exp++) {
      for (double m : new double[] {1, 2, 2.5, 5}) {
        double size = m * Math.pow(10, exp);
        int decimals = Math.max(0, -exp + (m == 2.5 ? 1 : 0));
        units.add(new NumberTickUnit(size, new DegreeFormat(longitude, decimals)));
      }
    }
    return units;
  }

  /** Projected axes: metres on the axis, kilometres in the labels. */
  private static TickUnits kmTickUnits() {
    TickUnits units = new TickUnits();
    for (int exp = 1; exp <= 7; exp++) {
      for (double m : new double[] {1, 2, 2.5, 5}) {
        double size = m * Math.pow(10, exp);
        int decimals = Math.max(0, 3 - exp + (m == 2.5 ? 1 : 0));
        units.add(new NumberTickUnit(size, new ScaledFormat(1e-3, decimals)));
      }
    }
    return units;
  }

  /**
   * Colour-bar ticks for log10 values: whole decades when the bar spans two or more (fractions of a
   * decade label as awkward values like 0.00079), else tenths of a decade.
   */
  private static TickUnits logTickUnits(double spanDecades) {
    TickUnits units = new TickUnits();
    double[] sizes = spanDecades >= 2 ? new double[] {1, 2, 3, 5, 10} : new double[] {0.1, 0.2, 0.25, 0.5, 1};
    for (double size : sizes) {
      units.add(new NumberTickUnit(size, new PowerOfTenFormat()));
    }
    return units;
  }

  /** A tick-label format: only {@code format(double)} matters; axis labels are never parsed back. */
  abstract static class LabelFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public final StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public final Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("labels only");
    }
  }

  /** Formats a degree value as 111.5°W / 40.25°N (longitudes wrapped into ±180). */
  static final class DegreeFormat extends LabelFormat {
    private static final long serialVersionUID = 1L;
    private final boolean longitude;
    private final int decimals;

    DegreeFormat(boolean longitude, int decimals) {
      this.longitude = longitude;
      this.decimals = decimals;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      double v = number;
      if (longitude) {
        v = ((v + 180) % 360 + 360) % 360 - 180;
      }
      double rounded = Math.abs(v) < 0.5 * Math.pow(10, -decimals) ? 0 : v;
      String hemisphere = rounded == 0 || (longitude && Math.abs(rounded) == 180) ? ""
          : longitude ? (rounded < 0 ? "W" : "E") : (rounded < 0 ? "S" : "N");
      return toAppendTo.append(String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(rounded)))
          .append('°').append(hemisphere);
    }
  }

  /** Formats value × scale with a fixed number of decimals (metres shown as km). */
  static final class ScaledFormat extends LabelFormat {
    private static final long serialVersionUID = 1L;
    private final double scale;
    private final int decimals;

    ScaledFormat(double scale, int decimals) {
      this.scale = scale;
      this.decimals = decimals;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(String.format(Locale.ROOT, "%." + decimals + "f", number * scale));
    }
  }

  /** Formats a log10 value k as 10ᵏ when k is whole, else as the value itself (3.2e-4). */
  static final class PowerOfTenFormat extends LabelFormat {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    @Override
    public StringBuffer format(double log10, StringBuffer toAppendTo, FieldPosition pos) {
      long k = Math.round(log10);
      if (Math.abs(log10 - k) < 1e-9) {
        toAppendTo.append("10");
        if (k < 0) {
          toAppendTo.append('⁻');
        }
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
          toAppendTo.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return toAppendTo;
      }
      return toAppendTo.append(String.format(Locale.ROOT, "%.2g", Math.pow(10, log10)));
    }
  }
}
