using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class EventRowConfiguration : IEntityTypeConfiguration<EventRow>
{
    public void Configure(EntityTypeBuilder<EventRow> b)
    {
        // The migration creates this table PARTITION BY RANGE (time); the key includes the partition key.
        b.ToTable("events");
        b.HasKey(e => new { e.SourceId, e.LineNumber, e.Time });
        b.Property(e => e.ClientIp).HasColumnType("inet");
        // Time ranges are served by partition pruning and the rollups; the IP page needs (ip, time).
        b.HasIndex(e => new { e.ClientIp, e.Time });
    }
}
