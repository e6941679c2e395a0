using AttackDash.Core.Input;
using AttackDash.Core.Syslog;

namespace AttackDash.Ingestion;

internal static class LineFeeder
{
    /// <summary>Feeds lines to the engine until the batch is full (true) or the reader has no more for now (false).</summary>
    public static bool Feed(LineReader reader, LogEngine engine, YearInference years, string path, BatchSink batch, int batchSize)
    {
        while (reader.TryReadLine(out var line, out var overlong))
        {
            if (overlong)
                engine.CountMalformed(line, years, path, reader.LineNumber, "line longer than the limit");
            else
                engine.Process(line, years, path, reader.LineNumber);
            if (batch.Count >= batchSize)
                return true;
        }
        return false;
    }
}
