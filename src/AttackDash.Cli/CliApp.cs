using AttackDash.Cli.Commands;

namespace AttackDash.Cli;

/// <summary>The <c>attackdash</c> command: dispatches to one verb and turns usage errors into one line and exit code 2.</summary>
public static class CliApp
{
    private const string Usage = """
        usage: attackdash COMMAND [options]
          analyze FILE...    report attacks found in sendmail logs (text or --json)
          generate           write a deterministic synthetic sendmail log and its ground truth
        'attackdash COMMAND --help' describes a command's options.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? 2 : 0);
        }
        var rest = args.Skip(1).ToList();
        try
        {
            return Task.FromResult(args[0] switch
            {
                "analyze" when rest.Contains("--help") => Help(stdout, AnalyzeCommand.Usage),
                "analyze" => AnalyzeCommand.Run(rest, stdout, stderr),
                "generate" when rest.Contains("--help") => Help(stdout, GenerateCommand.Usage),
                "generate" => GenerateCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{args[0]}' (known: analyze, generate)"),
            });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"attackdash: {e.Message}");
            return Task.FromResult(2);
        }
    }

    private static int Help(TextWriter stdout, string usage)
    {
        stdout.WriteLine(usage);
        return 0;
    }
}
