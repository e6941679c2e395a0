using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class IpSummaryConfiguration : IEntityTypeConfiguration<IpSummary>
{
    public void Configure(EntityTypeBuilder<IpSummary> b)
    {
        b.ToTable("ip_summary");
        // EF cannot key on IPAddress; the migration adds PRIMARY KEY (ip). Written by SQL upserts only.
        b.HasNoKey();
        b.Property(s => s.Ip).HasColumnType("inet");
        b.Property(s => s.CountryCode).HasMaxLength(2);
        b.HasIndex(s => s.AttackEvents);
        b.HasIndex(s => s.CountryCode);
        b.HasIndex(s => s.Asn);
        // Local clients are a handful: the pages anti-join this partial index instead of testing each IP.
        b.HasIndex(s => s.Local).HasFilter("local");
        // Long periods split IPs by their life (Queries/PeriodIps): those inside the period are found by first
        // seen, and those whose life crosses either end by first seen (the start) or by last seen (the end).
        b.HasIndex(s => new { s.FirstSeen, s.LastSeen }).IncludeProperties(s => s.AttackEvents).HasFilter("NOT local");
        b.HasIndex(s => s.LastSeen).HasFilter("NOT local");
    }
}
