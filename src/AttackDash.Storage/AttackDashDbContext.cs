using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage;

public sealed class AttackDashDbContext(DbContextOptions<AttackDashDbContext> options) : DbContext(options)
{
    public const string MigrationsAssembly = "AttackDash.Migrations";

    public DbSet<EventRow> Events => Set<EventRow>();
    public DbSet<HourlyIpKind> HourlyIpKinds => Set<HourlyIpKind>();
    public DbSet<HourlyKind> HourlyKinds => Set<HourlyKind>();
    public DbSet<DailyIpKind> DailyIpKinds => Set<DailyIpKind>();
    public DbSet<IpSummary> IpSummaries => Set<IpSummary>();
    public DbSet<IngestSource> IngestSources => Set<IngestSource>();
    public DbSet<BlockRow> Blocks => Set<BlockRow>();
    public DbSet<AuditRow> AuditLog => Set<AuditRow>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<PolicyRow> Policies => Set<PolicyRow>();
    public DbSet<AllowRow> Allowlist => Set<AllowRow>();
    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();
    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();
    public DbSet<ReviewItemRow> ReviewItems => Set<ReviewItemRow>();
    public DbSet<UserRow> Users => Set<UserRow>();
    public DbSet<UserSessionRow> UserSessions => Set<UserSessionRow>();
    public DbSet<LoginFailureRow> LoginFailures => Set<LoginFailureRow>();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NpgsqlDataSource, DbContextOptions<AttackDashDbContext>> OptionsOf = new();

    /// <summary>A context on the process's data source, with snake_case names and the migrations assembly; the caller disposes it.</summary>
    public static AttackDashDbContext Create(NpgsqlDataSource dataSource) => new(Options(dataSource));

    /// <summary>The options for a data source, built once per data source.</summary>
    private static DbContextOptions<AttackDashDbContext> Options(NpgsqlDataSource dataSource) =>
        OptionsOf.GetValue(dataSource, static ds => Configure(new DbContextOptionsBuilder<AttackDashDbContext>(), ds).Options);

    private static DbContextOptionsBuilder<AttackDashDbContext> Configure(DbContextOptionsBuilder<AttackDashDbContext> builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, o => o.MigrationsAssembly(MigrationsAssembly));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AttackDashDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
