using System.Security.Cryptography;
using Npgsql;

namespace AttackDash.Storage.Embedded;

/// <summary>
/// The application never connects as the superuser: it uses <see cref="AppUser"/>, a login role with
/// no superuser, createdb or createrole right, which owns the application's database and everything
/// in it (migrations, partitions, ANALYZE need no more). A store made before this role existed is
/// handed over on the next start.
/// </summary>
public sealed partial class EmbeddedPostgres
{
    public const string AppUser = "attackdash_app";

    private string AppPasswordFile => Path.Combine(Root, "app-password");

    private async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync(ct);
        var password = await EnsureAppRoleAsync(conn, ct);
        if (await ScalarAsync(conn, "SELECT 1 FROM pg_database WHERE datname = @d", database, ct) is null)
            await ExecuteAsync(conn, $"CREATE DATABASE \"{database}\" OWNER {AppUser}", ct);
        // The maintenance database stays the superuser's (the tests create theirs from it).
        if (database != "postgres")
            await HandOverAsync(database, ct);
        ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Username = AppUser, Password = password, Database = database }.ConnectionString;
        AdminConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>Creates the role on first use, or gives it a new password when its file is gone; returns the password.</summary>
    private async Task<string> EnsureAppRoleAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var exists = await ScalarAsync(conn, "SELECT 1 FROM pg_roles WHERE rolname = @d", AppUser, ct) is not null;
        if (exists && File.Exists(AppPasswordFile))
            return (await File.ReadAllTextAsync(AppPasswordFile, ct)).Trim();
        // Hex only: safe inside the literal, which CREATE ROLE cannot take as a parameter.
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await ExecuteAsync(conn, $"{(exists ? "ALTER" : "CREATE")} ROLE {AppUser} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'", ct);
        await WritePrivateAsync(AppPasswordFile, password, ct);
        return password;
    }

    /// <summary>The database and its tables and views (partitions included; identity sequences follow their tables) become the role's.</summary>
    private async Task HandOverAsync(string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString);
        await conn.OpenAsync(ct);
        await ExecuteAsync(conn, $"ALTER DATABASE \"{database}\" OWNER TO {AppUser}", ct);
        await ExecuteAsync(conn, $"""
            DO $$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '{AppUser}'
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO {AppUser}', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
                END LOOP;
            END $$
            """, ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, string value, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("d", value);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
