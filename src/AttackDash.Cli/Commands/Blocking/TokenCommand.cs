using System.Globalization;
using AttackDash.Storage.Blocking;

namespace AttackDash.Cli.Commands.Blocking;

/// <summary><c>attackdash token create|revoke|list</c>: bearer tokens for firewall hosts pulling the block list.</summary>
internal static class TokenCommand
{
    public const string Usage = """
        usage: attackdash token create NAME | token revoke NAME | token list
        A firewall host fetches GET /api/blocklist/FORMAT with "Authorization: Bearer TOKEN".
        The token is shown once, at creation; only its hash is stored.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, [], []);
        var verb = a.Positionals.ElementAtOrDefault(0);
        var name = a.Positionals.ElementAtOrDefault(1);
        if (verb is not ("create" or "revoke" or "list") || (verb != "list" && name is null))
            throw new UsageException("token create NAME, token revoke NAME or token list");
        await using var db = await cli.OpenDatabaseAsync();
        var tokens = cli.Service<ITokenService>();
        var actor = CommonOptions.Actor;
        try
        {
            switch (verb)
            {
                case "create":
                    cli.Out.WriteLine(await tokens.CreateAsync(name!, actor));
                    cli.Error.WriteLine($"attackdash: token '{name}' created; it is shown only this once");
                    break;
                case "revoke":
                    await tokens.RevokeAsync(name!, actor);
                    cli.Out.WriteLine($"attackdash: token '{name}' revoked");
                    break;
                default:
                    foreach (var (n, created, revoked) in await tokens.ListAsync())
                        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n}\tcreated {created:yyyy-MM-dd}\t{(revoked is { } r ? $"revoked {r:yyyy-MM-dd}" : "active")}"));
                    break;
            }
        }
        catch (BlockRefusedException e)
        {
            throw new UsageException(e.Message);
        }
        return 0;
    }
}
