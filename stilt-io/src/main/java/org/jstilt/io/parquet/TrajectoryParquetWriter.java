package org.jstilt.io.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a particle table as PYSTILT's trajectory Parquet ({@code <sim_id>_traj.parquet}).
 *
 * <p>Columns, in order: the table's own columns (its {@code varsiwant} columns, in table order) as
 * float64; then {@code xhgt} and {@code foot_no_hnf_dilution} when the table has them; then
 * {@code datetime}, a timestamp (microseconds, not adjusted to UTC, i.e. naive UTC as pandas writes it)
 * equal to the receptor time plus {@code time} minutes. Key/value metadata is stored verbatim (PYSTILT's
 * {@code stilt:receptor}, {@code stilt:params}, {@code stilt:met_files}, {@code stilt:is_error}; see
 * {@link TrajectoryMetadata}).
 *
 * <p>Compression zstd; if the zstd codec cannot run on this platform, snappy, then none (PYSTILT's order),
 * with a warning. Dictionary encoding only for {@code indx}, as PYSTILT. The file appears atomically.
 */
public final class TrajectoryParquetWriter {
  private static final Logger LOG = LoggerFactory.getLogger(TrajectoryParquetWriter.class);
  private static final List<CompressionCodecName> CODECS =
      List.of(CompressionCodecName.ZSTD, CompressionCodecName.SNAPPY, CompressionCodecName.UNCOMPRESSED);

  private TrajectoryParquetWriter() {}

  /**
   * Writes {@code particles} to {@code target}.
   *
   * @param receptorTime the receptor (release) time; {@code datetime = receptorTime + time} minutes
   * @param metadata key/value metadata, usually the four {@link TrajectoryMetadata} keys with JSON values
   */
  public static void write(Path target, ParticleEnsemble particles, Instant receptorTime, Map<String, String> metadata) {
    write(target, particles, receptorTime, metadata, 0);
  }

  /** As {@link #write(Path, ParticleEnsemble, Instant, Map)} with a row-group size in rows (0: by bytes), for tests. */
  static void write(Path target, ParticleEnsemble particles, Instant receptorTime, Map<String, String> metadata,
      int rowsPerGroup) {
    Objects.requireNonNull(receptorTime, "receptorTime");
    particles.requireColumns(List.of(ParticleColumns.TIME), "A trajectory Parquet file");
    if (particles.hasColumn(TrajectoryMetadata.DATETIME)) {
      throw new StiltException(ErrorCode.INTERNAL, "particle table already has a 'datetime' column; it is derived from time");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    metadata.forEach((k, v) -> meta.put(Objects.requireNonNull(k, "metadata key"), Objects.requireNonNull(v, "metadata value for " + k)));

    List<String> order = new ArrayList<>();
    for (String c : particles.columnNames()) {
      if (!c.equals(ParticleColumns.XHGT) && !c.equals(ParticleColumns.FOOT_NO_HNF_DILUTION)) {
        order.add(c);
      }
    }
    for (String c : List.of(ParticleColumns.XHGT, ParticleColumns.FOOT_NO_HNF_DILUTION)) {
      if (particles.hasColumn(c)) {
        order.add(c);
      }
    }
    double[][] cols = new double[order.size()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = particles.column(order.get(j));
    }
    long[] datetime = datetimeMicros(particles.column(ParticleColumns.TIME), receptorTime);
    MessageType schema = schema(order);

    AtomicFile.write(target, tmp -> {
      RuntimeException last = null;
      for (CompressionCodecName codec : CODECS) {
        try {
          writeFile(tmp, schema, order, cols, datetime, meta, codec, rowsPerGroup);
          return;
        } catch (LinkageError | RuntimeException e) {
          if (!isCodecFailure(e)) {
            throw e;
          }
          LOG.warn("Parquet codec {} is not usable here ({}); trying the next one", codec, e.toString());
          last = new StiltException(ErrorCode.STORAGE, "no Parquet compression codec works: " + e, e);
        }
      }
      throw last;
    });
  }

  /** receptor time + time minutes, in microseconds; time steps are whole minutes in practice. */
  private static long[] datetimeMicros(double[] timeMin, Instant receptorTime) {
    long base = Math.addExact(Math.multiplyExact(receptorTime.getEpochSecond(), 1_000_000L), receptorTime.getNano() / 1000);
    long[] out = new long[timeMin.length];
    for (int i = 0; i < out.length; i++) {
      if (!Double.isFinite(timeMin[i])) {
        throw new StiltException(ErrorCode.INPUT, "particle row " + i + " has time = " + timeMin[i] + "; times must be finite");
      }
      out[i] = base + Math.round(timeMin[i] * 60e6);
    }
    return out;
  }

  static MessageType schema(List<String> doubleColumns) {
    List<Type> fields = new ArrayList<>();
    for (String c : doubleColumns) {
      fields.add(Types.required(PrimitiveTypeName.DOUBLE).named(c));
    }
    fields.add(
        Types.required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
            .named(TrajectoryMetadata.DATETIME));
    return new MessageType("trajectory", fields);
  }

  /** Rows per row group: about 128 MB of uncompressed values, parquet-mr's default row-group size. */
  static int rowsPerGroup(int columns) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ROW_GROUP_BYTES / (8L * columns)));
  }

  private static final long ROW_GROUP_BYTES = 128L * 1024 * 1024;

  /**
   * Writes the file column by column through parquet-mr's column writers, not its record API: the record
   * API walks the schema for every value (start/end field, repetition bookkeeping), which made this writer
   * the slowest step of a simulation after transport (~0.5 s for 360 000 rows). The file is the same
   * Parquet: one row group per {@link #rowsPerGroup} rows, pages split by size, statistics, dictionary only
   * for {@code indx}.
   */
  private static void writeFile(
      Path file, MessageType schema, List<String> names, double[][] cols, long[] datetime, Map<String, String> meta,
      CompressionCodecName codec, int rowsPerGroup) throws IOException {
    ParquetProperties props = ParquetProperties.builder()
        .withDictionaryEncoding(false)
        .withDictionaryEncoding(ParticleColumns.INDX, true)
        .build();
    CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), props.getPageSizeThreshold());
    try {
      ParquetFileWriter fw = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.OVERWRITE,
          ROW_GROUP_BYTES, 0, null, props);
      fw.start();
      List<ColumnDescriptor> descriptors = schema.getColumns();
      int n = datetime.length;
      int step = rowsPerGroup > 0 ? rowsPerGroup : rowsPerGroup(cols.length + 1);
      for (int from = 0; from < n; from += step) {
        int to = Math.min(n, from + step);
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(codecs.getCompressor(codec), schema,
            props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
        ColumnWriteStore store = props.newColumnWriteStore(schema, pages);
        ColumnWriter[] writers = new ColumnWriter[cols.length];
        for (int j = 0; j < cols.length; j++) {
          writers[j] = store.getColumnWriter(descriptors.get(j));
        }
        ColumnWriter time = store.getColumnWriter(descriptors.get(cols.length));
        for (int i = from; i < to; i++) {
          for (int j = 0; j < cols.length; j++) {
            writers[j].write(cols[j][i], 0, 0);
          }
          time.write(datetime[i], 0, 0);
          store.endRecord();
        }
        store.flush();
        fw.startBlock(to - from);
        pages.flushToFileWriter(fw);
        fw.endBlock();
        store.close();
        pages.close();
      }
      fw.end(meta);
    } finally {
      codecs.release();
    }
  }

  private static boolean isCodecFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LinkageError) {
        return true;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("codec") || m.contains("zstd") || m.contains("snappy")) {
        return true;
      }
    }
    return false;
  }
}
