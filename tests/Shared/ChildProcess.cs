using System.Collections.Concurrent;
using System.Diagnostics;

namespace AttackDash.Tests.Shared;

/// <summary>A program in its own process, as systemd or a shell would start it, with its output for the test to read.</summary>
internal static class ChildProcess
{
    /// <summary>Starts it; stdout and stderr go into <paramref name="output"/> line by line, as they come.</summary>
    public static Process Start(ProcessStartInfo start, ConcurrentQueue<string> output)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
