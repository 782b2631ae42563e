using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Export;

/// <summary>Where <see cref="StreamedSegmentExport"/> writes each scored row: CSV or Parquet.</summary>
internal interface IRowSink : IDisposable
{
    /// <summary>Writes the <paramref name="kept"/> fields of the current record of <paramref name="csv"/>, the model-space values and the segment.</summary>
    void Add(CsvByteReader csv, int[] kept, double[] modelRow, int segment);
}
