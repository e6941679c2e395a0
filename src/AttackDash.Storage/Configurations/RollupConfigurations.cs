using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class HourlyIpKindConfiguration : IEntityTypeConfiguration<HourlyIpKind>
{
    public void Configure(EntityTypeBuilder<HourlyIpKind> b)
    {
        b.ToTable("hourly_ip_kind");
        // EF cannot key on IPAddress; the migration adds PRIMARY KEY (hour, ip, kind). Written by SQL upserts only.
        b.HasNoKey();
        b.Property(r => r.Ip).HasColumnType("inet");
        b.HasIndex(r => new { r.Ip, r.Hour });
    }
}

internal sealed class HourlyKindConfiguration : IEntityTypeConfiguration<HourlyKind>
{
    public void Configure(EntityTypeBuilder<HourlyKind> b)
    {
        b.ToTable("hourly_kind");
        b.HasKey(r => new { r.Hour, r.Kind });
    }
}

internal sealed class DailyIpKindConfiguration : IEntityTypeConfiguration<DailyIpKind>
{
    public void Configure(EntityTypeBuilder<DailyIpKind> b)
    {
        b.ToTable("daily_ip_kind");
        // EF cannot key on IPAddress; the migration adds PRIMARY KEY (day, ip, kind). Written by SQL upserts only.
        b.HasNoKey();
        b.Property(r => r.Ip).HasColumnType("inet");
        b.HasIndex(r => new { r.Ip, r.Day });
    }
}
