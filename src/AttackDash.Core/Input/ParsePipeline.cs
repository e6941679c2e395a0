using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using AttackDash.Core.Correlation;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Input;

/// <summary>
/// Reads one input on two cores: a reader thread splits and parses lines into batches, the calling
/// thread correlates them and feeds the sink, in line order. The queue between them is bounded, so
/// memory stays flat however large the input.
/// </summary>
internal sealed class ParsePipeline(LogEngine engine, int batchSize = 1024, int maxBatchesInFlight = 4)
{
    private sealed class Batch(int size)
    {
        public ParsedLine[] Lines { get; } = new ParsedLine[size];
        public int Count { get; set; }
    }

    /// <returns>The reader's error (a cut .gz), or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Run(LineReader reader, YearInference years, string source, int maxLineLength)
    {
        using var full = new BlockingCollection<Batch>(maxBatchesInFlight);
        var free = new ConcurrentBag<Batch>();
        var producer = Task.Factory.StartNew(() => Produce(reader, years, source, maxLineLength, full, free), TaskCreationOptions.LongRunning);
        try
        {
            foreach (var batch in full.GetConsumingEnumerable())
            {
                for (var i = 0; i < batch.Count; i++)
                    engine.Correlate(batch.Lines[i]);
                Array.Clear(batch.Lines, 0, batch.Count);
                batch.Count = 0;
                free.Add(batch);
            }
        }
        finally
        {
            producer.Wait();
        }
        return reader.Error;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Produce(LineReader reader, YearInference years, string source, int maxLineLength, BlockingCollection<Batch> full, ConcurrentBag<Batch> free)
    {
        try
        {
            var batch = new Batch(batchSize);
            while (reader.TryReadLine(out var line, out var overlong))
            {
                if (overlong)
                {
                    engine.CountMalformed(line, years, source, reader.LineNumber, $"line longer than {maxLineLength} bytes");
                    continue;
                }
                if (!engine.TryParse(line, years, source, reader.LineNumber, out batch.Lines[batch.Count]))
                    continue;
                if (++batch.Count == batchSize)
                {
                    full.Add(batch);
                    batch = free.TryTake(out var reused) ? reused : new Batch(batchSize);
                }
            }
            if (batch.Count > 0)
                full.Add(batch);
        }
        finally
        {
            full.CompleteAdding();
        }
    }
}
