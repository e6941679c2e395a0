namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash migrate</c>: brings the database schema up to date.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        _ = new ArgList(args, [], []);
        await using var db = await cli.OpenDatabaseAsync();
        cli.Out.WriteLine("attackdash: the database schema is up to date");
        return 0;
    }
}
