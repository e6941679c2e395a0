using AttackDash.Storage.Accounts;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Sign-in throttling that an attacker cannot turn against the admin, and that concurrent guesses cannot beat.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SignInTests(PostgresFixture pg)
{
    private const string Attacker = "198.51.100.66";
    private const string Office = "203.0.113.9";

    [Fact]
    public async Task Concurrent_guesses_from_one_client_are_checked_no_more_often_than_the_backoff_allows()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await TestAccounts.ReadyAsync(cs, "admin", UserService.Admin);
        // One instant for all: with the system clock a guess stamped earlier but claimed later can be
        // refused even among the free tries, so the count would depend on scheduling.
        var signIn = new SignInService(Store.Of(cs), new ManualClock(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        var answers = await Task.WhenAll(Enumerable.Range(0, 43).Select(i => Task.Run(() => signIn.SignInAsync("admin", $"guess{i}", Attacker))));
        Assert.All(answers, Assert.Null);
        // The free tries and the one that starts the backoff; the other 39 were never checked.
        Assert.Equal(LoginBackoff.FreeTries + 1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'login-failed' AND reason = 'wrong password'"));
        Assert.Equal(39, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'login-failed' AND reason = 'backing off'"));
    }

    [Fact]
    public async Task Guesses_from_one_client_never_keep_the_right_password_from_another_client_out()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "admin", UserService.Admin);
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var signIn = new SignInService(Store.Of(cs), clock);
        // Five guesses every 15 minutes kept "admin" out for good before; now they only slow the guesser.
        for (var i = 0; i < 40; i++)
        {
            Assert.Null(await signIn.SignInAsync("admin", "guess", Attacker));
            clock.Advance(TimeSpan.FromMinutes(3));
            Assert.NotNull(await signIn.SignInAsync("admin", password, Office));
        }
        // The guesser itself, even with the right password, waits out its backoff first.
        Assert.Null(await signIn.SignInAsync("admin", "guess", Attacker));
        Assert.Null(await signIn.SignInAsync("admin", password, Attacker));
        clock.Advance(LoginBackoff.Longest);
        Assert.NotNull(await signIn.SignInAsync("admin", password, Attacker));
    }

    [Fact]
    public async Task Unknown_disabled_and_backing_off_accounts_get_the_answer_of_a_wrong_password_and_every_failure_is_audited()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "bob", UserService.Viewer);
        await TestAccounts.ReadyAsync(cs, "admin", UserService.Admin);
        var signIn = new SignInService(Store.Of(cs));
        Assert.Null(await signIn.SignInAsync("nobody", "x", Office));
        await new UserService(Store.Of(cs)).DisableAsync("bob", "test");
        Assert.Null(await signIn.SignInAsync("bob", password, Office));
        await new UserService(Store.Of(cs)).EnableAsync("bob", "test");
        for (var i = 0; i <= LoginBackoff.FreeTries; i++)
            Assert.Null(await signIn.SignInAsync("bob", "guess", Office));
        Assert.Null(await signIn.SignInAsync("bob", password, Office));

        Assert.Equal(LoginBackoff.FreeTries + 4, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'login-failed'"));
        Assert.Equal(1, await new UserService(Store.Of(cs)).UnlockAsync("bob", "test"));
        Assert.NotNull(await signIn.SignInAsync("bob", password, Office));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'user-unlock' AND target = 'bob'"));
    }

    [Fact]
    public async Task Unknown_disabled_and_backing_off_accounts_cost_one_password_hash_like_a_wrong_password()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "bob", UserService.Viewer);
        await TestAccounts.ReadyAsync(cs, "admin", UserService.Admin);
        var hasher = new CountingHasher();
        var signIn = new SignInService(Store.Of(cs), hasher: hasher);
        async Task<int> HashesOf(string name, string pw, string client)
        {
            var before = hasher.Verifications;
            Assert.Null(await signIn.SignInAsync(name, pw, client));
            return hasher.Verifications - before;
        }
        Assert.Equal(1, await HashesOf("bob", "guess", "192.0.2.1"));
        Assert.Equal(1, await HashesOf("nobody", "guess", "192.0.2.2"));
        await new UserService(Store.Of(cs)).DisableAsync("bob", "test");
        Assert.Equal(1, await HashesOf("bob", password, "192.0.2.3"));
        await new UserService(Store.Of(cs)).EnableAsync("bob", "test");
        for (var i = 0; i <= LoginBackoff.FreeTries; i++)
            await HashesOf("bob", "guess", "192.0.2.4");
        Assert.Equal(1, await HashesOf("bob", password, "192.0.2.4"));
    }

    /// <summary>Identity's hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<AttackDash.Storage.Entities.UserRow>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<AttackDash.Storage.Entities.UserRow> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AttackDash.Storage.Entities.UserRow user, string password) => _inner.HashPassword(user, password);

        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(AttackDash.Storage.Entities.UserRow user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
