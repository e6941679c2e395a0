using AttackDash.Storage.Accounts;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash user add NAME [--role admin|viewer]</c>: a dashboard account with a generated password, shown once.</summary>
internal static class UserCommand
{
    public const string Usage = "usage: attackdash user add NAME [--role admin|viewer]   (default viewer; the password is generated and shown once)";

    public static async Task<int> RunAsync(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var a = new ArgList(args, ["--role"], []);
        if (a.Positionals is not ["add", var name])
            throw new UsageException("user add NAME [--role admin|viewer]");
        var role = a.Value("--role") ?? UserService.Viewer;
        if (role is not (UserService.Admin or UserService.Viewer))
            throw new UsageException($"--role takes admin or viewer, not '{role}'");
        await using var db = await DatabaseSession.OpenAsync(migrate: true, stderr);
        try
        {
            var password = await new UserService(db.ConnectionString).CreateAsync(name, role);
            stdout.WriteLine($"user '{name}' ({role}), password: {password}");
            stderr.WriteLine("attackdash: the password is shown only this once");
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message);
        }
        return 0;
    }
}
