using AttackDash.Storage.Accounts;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash user …</c>: dashboard accounts. Generated passwords are shown once and must be changed at the first sign-in.</summary>
internal static class UserCommand
{
    public const string Usage = """
        usage: attackdash user list
               attackdash user add NAME [--role admin|viewer]   (default viewer; prints a one-time password)
               attackdash user passwd NAME                      (resets to a new one-time password, printed once)
               attackdash user role NAME admin|viewer
               attackdash user disable|enable|remove NAME
               attackdash user unlock NAME                      (forgets failed sign-ins, so no client waits)
        Each change is audited (actor: cli:$USER) and ends the account's sessions.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--role"], []);
        var actor = CommonOptions.Actor;
        Func<IUserService, Task>? run = a.Positionals switch
        {
            ["list"] => async u => List(cli.Out, await u.ListAsync()),
            ["add", var name] => async u => Password(cli.Out, cli.Error, name, await u.CreateAsync(name, Role(a.Value("--role") ?? UserService.Viewer), actor)),
            ["passwd", var name] => async u => Password(cli.Out, cli.Error, name, await u.ResetPasswordAsync(name, actor)),
            ["role", var name, var role] => u => u.SetRoleAsync(name, Role(role), actor),
            ["disable", var name] => u => u.DisableAsync(name, actor),
            ["enable", var name] => u => u.EnableAsync(name, actor),
            ["remove", var name] => u => u.RemoveAsync(name, actor),
            ["unlock", var name] => async u => cli.Out.WriteLine($"user '{name}': failed sign-ins of {await u.UnlockAsync(name, actor)} clients forgotten"),
            _ => null,
        };
        if (run is null)
            throw new UsageException(Usage);
        await using var db = await cli.OpenDatabaseAsync();
        try
        {
            await run(cli.Service<IUserService>());
        }
        catch (AccountException e)
        {
            cli.Error.WriteLine($"attackdash: {e.Message}");
            return 1;
        }
        return 0;
    }

    private static string Role(string role) => role is UserService.Admin or UserService.Viewer
        ? role : throw new UsageException($"a role is admin or viewer, not '{role}'");

    private static void Password(TextWriter stdout, TextWriter stderr, string name, string password)
    {
        stdout.WriteLine($"user '{name}', one-time password: {password}");
        stderr.WriteLine("attackdash: shown only this once; it must be changed at the first sign-in");
    }

    private static void List(TextWriter stdout, List<UserInfo> users)
    {
        stdout.WriteLine($"{"NAME",-20} {"ROLE",-7} {"STATE",-16} {"SESSIONS",8}  LAST SEEN (UTC)");
        foreach (var u in users)
        {
            var state = u.Disabled ? "disabled" : u.MustChangePassword ? "one-time pw" : "active";
            stdout.WriteLine($"{u.Name,-20} {u.Role,-7} {state,-16} {u.Sessions,8}  {u.LastSeen?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }
    }
}
