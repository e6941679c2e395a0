using System.Text;
using Microsoft.Extensions.Logging;

namespace AttackDash.Ingestion.Hosting;

/// <summary>Turns the follower's one-line reports into warnings of the host's log.</summary>
internal sealed class LogWriter(ILogger logger) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => Log.FollowerReport(logger, value ?? "");

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
