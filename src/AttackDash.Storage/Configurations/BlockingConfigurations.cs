using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class BlockRowConfiguration : IEntityTypeConfiguration<BlockRow>
{
    public void Configure(EntityTypeBuilder<BlockRow> b)
    {
        b.ToTable("blocks");
        b.HasKey(r => r.Id);
        b.Property(r => r.Network).HasMaxLength(43);
        b.Property(r => r.State).HasMaxLength(16);
        b.HasIndex(r => new { r.State, r.Network });
        b.HasIndex(r => r.Network);
        // One active block per network, whoever clicks at the same moment: the check before the
        // insert cannot see a concurrent insert, the index can.
        b.HasIndex(r => r.Network, "IX_blocks_one_active_per_network").IsUnique().HasFilter("state = 'Active'");
    }
}

internal sealed class AuditRowConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> b)
    {
        b.ToTable("audit_log");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.At);
    }
}

internal sealed class AllowRowConfiguration : IEntityTypeConfiguration<AllowRow>
{
    public void Configure(EntityTypeBuilder<AllowRow> b)
    {
        b.ToTable("allowlist");
        b.HasKey(r => r.Id);
        b.Property(r => r.Network).HasMaxLength(43);
        b.HasIndex(r => r.Network).IsUnique();
    }
}

internal sealed class ApiTokenRowConfiguration : IEntityTypeConfiguration<ApiTokenRow>
{
    public void Configure(EntityTypeBuilder<ApiTokenRow> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Hash).IsUnique();
        b.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class ReviewRowConfiguration : IEntityTypeConfiguration<ReviewRow>
{
    public void Configure(EntityTypeBuilder<ReviewRow> b)
    {
        b.ToTable("reviews");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.WeekStart).IsUnique();
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReviewId);
    }
}

internal sealed class ReviewItemRowConfiguration : IEntityTypeConfiguration<ReviewItemRow>
{
    public void Configure(EntityTypeBuilder<ReviewItemRow> b)
    {
        b.ToTable("review_items");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ReviewId, r.Ip }).IsUnique();
    }
}

internal sealed class UserRowConfiguration : IEntityTypeConfiguration<UserRow>
{
    public void Configure(EntityTypeBuilder<UserRow> b)
    {
        b.ToTable("users");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class UserSessionRowConfiguration : IEntityTypeConfiguration<UserSessionRow>
{
    public void Configure(EntityTypeBuilder<UserSessionRow> b)
    {
        b.ToTable("user_sessions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.UserId);
        b.HasOne<UserRow>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginFailureRowConfiguration : IEntityTypeConfiguration<LoginFailureRow>
{
    public void Configure(EntityTypeBuilder<LoginFailureRow> b)
    {
        b.ToTable("login_failures");
        b.HasKey(r => new { r.Account, r.Client });
        b.HasIndex(r => r.LastFailure);
    }
}

internal sealed class AlertRowConfiguration : IEntityTypeConfiguration<AlertRow>
{
    public void Configure(EntityTypeBuilder<AlertRow> b)
    {
        b.ToTable("alerts");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Ip).HasMaxLength(39);
        // The quiet-time check of every new alert: the newest alert of the same kind and client.
        b.HasIndex(r => new { r.Kind, r.Ip, r.Time });
        b.HasIndex(r => r.RaisedAt);
        b.HasIndex(r => r.Id, "IX_alerts_open").HasFilter("acknowledged_at IS NULL");
    }
}

internal sealed class PolicyRowConfiguration : IEntityTypeConfiguration<PolicyRow>
{
    public void Configure(EntityTypeBuilder<PolicyRow> b)
    {
        b.ToTable("policies");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Block).HasMaxLength(3);
        b.Property(r => r.Mode).HasMaxLength(8);
        b.HasIndex(r => r.Name).IsUnique();
    }
}
