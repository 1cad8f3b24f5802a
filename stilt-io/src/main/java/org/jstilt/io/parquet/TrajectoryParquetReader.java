package org.jstilt.io.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.InputFileException;

/**
 * Reads a trajectory Parquet file (ours or PYSTILT's) back into a particle table and its metadata.
 *
 * <p>Every top-level numeric column (double, float, 32/64-bit integers, boolean) becomes a double column;
 * nulls become NaN. {@code datetime} (a timestamp in milli-, micro- or nanoseconds, or legacy INT96) is
 * returned separately as microseconds. Other column types (strings, nested groups) are an error naming
 * the column. Reading is column by column straight into primitive arrays.
 */
public final class TrajectoryParquetReader {
  private static final long MICROS_PER_DAY = 86_400L * 1_000_000L;
  /** Julian day number of 1970-01-01, for INT96 timestamps. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private TrajectoryParquetReader() {}

  /** Reads the whole file. */
  public static TrajectoryTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputFileException(file, "file not found");
    }
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      FileMetaData fmd = reader.getFooter().getFileMetaData();
      MessageType schema = fmd.getSchema();
      long total = reader.getRecordCount();
      if (total > Integer.MAX_VALUE) {
        throw new InputFileException(file, total + " rows is more than one particle table can hold");
      }
      int rows = (int) total;

      List<String> names = new ArrayList<>();
      List<ColumnDescriptor> numeric = new ArrayList<>();
      ColumnDescriptor datetime = null;
      for (Type field : schema.getFields()) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
          throw new InputFileException(file, "column '" + field.getName() + "' is not a plain column; trajectory files hold numbers only");
        }
        ColumnDescriptor d = schema.getColumnDescription(new String[] {field.getName()});
        if (field.getName().equals(TrajectoryMetadata.DATETIME) && isTimestamp(field.asPrimitiveType())) {
          datetime = d;
        } else if (isNumeric(field.asPrimitiveType())) {
          names.add(field.getName());
          numeric.add(d);
        } else {
          throw new InputFileException(
              file, "column '" + field.getName() + "' has type " + field.asPrimitiveType()
                  + "; trajectory columns must be numbers");
        }
      }
      double[][] cols = new double[numeric.size()][rows];
      long[] dt = datetime == null ? null : new long[rows];

      GroupRecordConverter converter = new GroupRecordConverter(schema);
      String createdBy = fmd.getCreatedBy();
      int offset = 0;
      for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, converter.getRootConverter(), schema, createdBy);
        int n = (int) group.getRowCount();
        for (int j = 0; j < numeric.size(); j++) {
          readDoubles(store.getColumnReader(numeric.get(j)), cols[j], offset, n);
        }
        if (datetime != null) {
          readTimestamps(store.getColumnReader(datetime), dt, offset, n);
        }
        offset += n;
      }
      if (offset != rows) {
        throw new InputFileException(file, "row groups hold " + offset + " rows but the footer says " + rows);
      }
      Map<String, double[]> byName = new LinkedHashMap<>();
      for (int j = 0; j < names.size(); j++) {
        byName.put(names.get(j), cols[j]);
      }
      ParticleEnsemble particles = names.isEmpty() ? ParticleEnsemble.empty(List.of()) : ParticleEnsemble.of(byName);
      return new TrajectoryTable(particles, dt, new LinkedHashMap<>(fmd.getKeyValueMetaData()));
    } catch (IOException | RuntimeException e) {
      if (e instanceof StiltException se) {
        throw se;
      }
      throw new InputFileException(file, 0, "not a readable Parquet file (" + e.getMessage() + ")", e);
    }
  }

  private static boolean isNumeric(PrimitiveType t) {
    return switch (t.getPrimitiveTypeName()) {
      case DOUBLE, FLOAT, INT32, INT64, BOOLEAN -> t.getLogicalTypeAnnotation() == null
          || t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
          || t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
      default -> false;
    };
  }

  private static boolean isTimestamp(PrimitiveType t) {
    return t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96
        || (t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
            && t.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation);
  }

  private static void readDoubles(ColumnReader r, double[] out, int offset, int n) {
    int maxDef = r.getDescriptor().getMaxDefinitionLevel();
    PrimitiveType pt = r.getDescriptor().getPrimitiveType();
    PrimitiveType.PrimitiveTypeName type = pt.getPrimitiveTypeName();
    // DECIMAL(p, s) stores unscaled integers; dividing by the exact 10^s rounds correctly for p <= 15.
    double divisor = pt.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
        ? Math.pow(10, d.getScale()) : 1;
    for (int i = 0; i < n; i++) {
      double v;
      if (r.getCurrentDefinitionLevel() < maxDef) {
        v = Double.NaN;
      } else {
        v = switch (type) {
          case DOUBLE -> r.getDouble();
          case FLOAT -> r.getFloat();
          case INT32 -> r.getInteger();
          case INT64 -> r.getLong();
          case BOOLEAN -> r.getBoolean() ? 1 : 0;
          default -> throw new IllegalStateException("unexpected column type " + type);
        };
      }
      out[offset + i] = divisor == 1 ? v : v / divisor;
      r.consume();
    }
  }

  private static void readTimestamps(ColumnReader r, long[] out, int offset, int n) {
    int maxDef = r.getDescriptor().getMaxDefinitionLevel();
    PrimitiveType pt = r.getDescriptor().getPrimitiveType();
    for (int i = 0; i < n; i++) {
      if (r.getCurrentDefinitionLevel() < maxDef) {
        throw new StiltException(ErrorCode.INPUT, "datetime is null in row " + (offset + i));
      }
      long us;
      if (pt.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
        us = int96ToMicros(r.getBinary());
      } else {
        long v = r.getLong();
        us = switch (((TimestampLogicalTypeAnnotation) pt.getLogicalTypeAnnotation()).getUnit()) {
          case MILLIS -> Math.multiplyExact(v, 1000L);
          case MICROS -> v;
          case NANOS -> Math.floorDiv(v, 1000L);
        };
      }
      out[offset + i] = us;
      r.consume();
    }
  }

  /** INT96: 8 bytes little-endian nanoseconds of the day, then 4 bytes little-endian Julian day. */
  private static long int96ToMicros(Binary b) {
    java.nio.ByteBuffer buf = b.toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong(0);
    long julianDay = buf.getInt(8) & 0xffffffffL;
    return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + nanosOfDay / 1000L;
  }

}
