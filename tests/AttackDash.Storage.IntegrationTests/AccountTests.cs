using AttackDash.Storage.Accounts;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Account management, in the CLI and the store: every change is audited and ends the account's sessions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountTests(PostgresFixture pg)
{
    [Fact]
    public async Task Logout_and_every_change_of_password_role_or_state_end_the_sessions_of_the_account()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await TestAccounts.ReadyAsync(cs, "admin", UserService.Admin);
        var password = await TestAccounts.ReadyAsync(cs, "bob", UserService.Viewer);
        var users = new UserService(Store.Of(cs));
        var sessions = new SessionStore(Store.Of(cs));
        async Task<string> SignInAsync() => (await new SignInService(Store.Of(cs)).SignInAsync("bob", password, "192.0.2.1"))!.SessionToken;

        var token = await SignInAsync();
        Assert.Equal(new SessionUser("bob", UserService.Viewer, false), await sessions.ValidateAsync(token));
        await sessions.RevokeAsync(token);
        Assert.Null(await sessions.ValidateAsync(token));

        foreach (var change in new Func<Task>[]
        {
            () => users.SetRoleAsync("bob", UserService.Viewer, "test"),
            () => users.DisableAsync("bob", "test"),
        })
        {
            token = await SignInAsync();
            await change();
            Assert.Null(await sessions.ValidateAsync(token));
            await users.EnableAsync("bob", "test");
        }

        // Changing one's own password keeps the session it was changed from, and ends the others.
        var here = await SignInAsync();
        var elsewhere = await SignInAsync();
        await users.ChangePasswordAsync("bob", password, "another long password", keepSession: here);
        Assert.NotNull(await sessions.ValidateAsync(here));
        Assert.Null(await sessions.ValidateAsync(elsewhere));

        await users.RemoveAsync("bob", "test");
        Assert.Null(await sessions.ValidateAsync(here));
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM user_sessions"));
    }

    [Fact]
    public async Task The_cli_lists_resets_changes_and_removes_accounts_and_never_leaves_the_store_without_an_admin()
    {
        var cs = await pg.NewDatabaseAsync();
        var add = TestCli.Run(cs, "user", "add", "alice", "--role", "admin");
        Assert.Equal(0, add.Exit);
        var oneTime = add.Stdout.Trim().Split(' ')[^1];
        var signedIn = await new SignInService(Store.Of(cs)).SignInAsync("alice", oneTime, "192.0.2.1");
        Assert.True(signedIn!.MustChangePassword);

        Assert.Equal(1, TestCli.Run(cs, "user", "disable", "alice").Exit);
        Assert.Equal(1, TestCli.Run(cs, "user", "role", "alice", "viewer").Exit);
        Assert.Contains("last enabled admin", TestCli.Run(cs, "user", "remove", "alice").Stderr, StringComparison.Ordinal);

        Assert.Equal(0, TestCli.Run(cs, "user", "add", "bob").Exit);
        Assert.Equal(0, TestCli.Run(cs, "user", "role", "bob", "admin").Exit);
        var reset = TestCli.Run(cs, "user", "passwd", "alice");
        Assert.Equal(0, reset.Exit);
        Assert.Null(await new SessionStore(Store.Of(cs)).ValidateAsync(signedIn.SessionToken));
        Assert.Null(await new SignInService(Store.Of(cs)).SignInAsync("alice", oneTime, "192.0.2.1"));
        Assert.NotNull(await new SignInService(Store.Of(cs)).SignInAsync("alice", reset.Stdout.Trim().Split(' ')[^1], "192.0.2.1"));
        Assert.Equal(0, TestCli.Run(cs, "user", "disable", "alice").Exit);

        var list = TestCli.Run(cs, "user", "list").Stdout;
        Assert.Matches(@"alice\s+admin\s+disabled", list);
        Assert.Matches(@"bob\s+admin\s+one-time pw", list);
        Assert.Equal(0, TestCli.Run(cs, "user", "remove", "alice").Exit);
        Assert.Equal(2, TestCli.Run(cs, "user", "frobnicate", "bob").Exit);
        Assert.Equal(["user-add", "user-add", "user-role", "user-passwd", "user-disable", "user-remove"],
            await ActionsAsync(cs));
    }

    private static async Task<List<string>> ActionsAsync(string cs)
    {
        await using var conn = new Npgsql.NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT action FROM audit_log WHERE action LIKE 'user-%' ORDER BY id", conn);
        var actions = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            actions.Add(r.GetString(0));
        return actions;
    }
}
