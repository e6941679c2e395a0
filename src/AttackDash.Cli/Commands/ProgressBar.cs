using System.Diagnostics;
using System.Globalization;
using AttackDash.Ingestion;

namespace AttackDash.Cli.Commands;

/// <summary>One line per file on a terminal: share done, lines, lines/s and time left. Silent when stderr is not a terminal.</summary>
internal sealed class ProgressBar(TextWriter stderr, bool enabled) : IProgress<IngestProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private string? _path;

    public void Report(IngestProgress value)
    {
        if (!enabled)
            return;
        if (value.Path != _path)
        {
            _path = value.Path;
            _clock.Restart();
            _lastDraw = TimeSpan.MinValue;
        }
        var done = value.Fraction is >= 1;
        if (!done && _clock.Elapsed - _lastDraw < TimeSpan.FromMilliseconds(200))
            return;
        _lastDraw = _clock.Elapsed;
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = value.Lines / seconds;
        var fraction = value.Fraction ?? 0;
        var width = 30;
        var filled = (int)(fraction * width);
        var eta = fraction > 0.001 ? TimeSpan.FromSeconds(seconds * (1 - fraction) / fraction) : (TimeSpan?)null;
        stderr.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{Path.GetFileName(value.Path)} [{new string('#', filled)}{new string('.', width - filled)}] {fraction * 100,5:0.0}% {value.Lines,12:#,0} lines {rate,10:#,0}/s ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--")}"));
        if (done)
            stderr.WriteLine();
    }
}
